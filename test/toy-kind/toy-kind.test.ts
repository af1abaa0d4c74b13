/** A kind added in a test alone reaches the CLI's output and an LSP client with no other change. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';
import { fileUri, startClient } from '../lsp/harness';
import { TOY_REGISTRY } from './registry';

const TEXT = '# a toy\nsecure = no\nname = demo\n';

function cli(args: string[], cwd: string): { code: number; stdout: string } {
  let stdout = '';
  const code = run(args, { out: (s) => (stdout += s), err: () => undefined, cwd, isTTY: false, env: {} }, TOY_REGISTRY);
  return { code, stdout };
}

describe('a toy kind registered in the test alone', () => {
  it('is found in a folder, linted, pragma-suppressed and fixed by the CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockguard-toy-'));
    writeFileSync(join(dir, 'app.toy'), TEXT);
    writeFileSync(join(dir, 'quiet.toy'), '# dockguard-disable-next-line DG990 -- a demo\nsecure = no\n');
    const json = JSON.parse(cli(['lint', '--format', 'json', '--fail-on', 'never', '.'], dir).stdout) as { findings: { file: string; line: number; column: number; rule: string; message: string; fixable: boolean }[] };
    assert.deepEqual(json.findings.map((f) => [f.file, f.line, f.column, f.rule, f.message, f.fixable]), [['app.toy', 2, 10, 'DG990', '"secure" is "no": set it to "yes".', true]]);
    assert.equal(cli(['lint', '--fix', '.'], dir).code, 0);
    assert.equal(readFileSync(join(dir, 'app.toy'), 'utf8'), '# a toy\nsecure = yes\nname = demo\n');
    assert.match(cli(['--help'], dir).stdout, /--kind daemon-json\|systemd\|compose\|audit\|dockguard-config\|toy/);
  });

  it('reaches an LSP client: diagnostics, and the quick fix', async () => {
    const client = await startClient({ command: [process.execPath, '--import', 'tsx', join(__dirname, 'server.ts'), '--stdio'] });
    try {
      const uri = fileUri(join(tmpdir(), 'demo.toy'));
      client.open(uri, TEXT, 'toy');
      const diagnostics = await client.pull(uri);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.message, d.range]), [['DG990', '"secure" is "no": set it to "yes".', { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } }]]);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as { title: string; edit?: { changes?: Record<string, unknown>; documentChanges?: unknown[] } }[];
      const fix = actions.find((a) => a.title === 'Set it to "yes"');
      assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.match(JSON.stringify(fix.edit), /"newText":"yes"/);
    } finally {
      await client.stop();
    }
  });
});
