/**
 * Audit rules over a real LSP connection and through the CLI: a host's rules.d fragment gets the
 * squiggles the CLI reports (same rules, same ranges), hovering a watched path names its CIS item,
 * and the add-watch quick fix (unsafe, never preferred) appends the watch and silences DG401. A
 * `*.rules` file named on the command line is linted when its first lines are auditctl options.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { runCli } from '../cli/harness';
import { fileUri, startClient, type TestClient } from './harness';

const WATCHES = ['/usr/bin/dockerd', '/run/containerd', '/var/lib/docker', '/etc/docker', '/usr/lib/systemd/system/docker.service', '/usr/lib/systemd/system/docker.socket', '/etc/containerd/config.toml', '/usr/bin/containerd', '/usr/bin/containerd-shim-runc-v2'];
const FRAGMENT = `${WATCHES.map((p) => `-w ${p} -p wa -k docker`).join('\n')}\n-w /etc/docker/daemon.json -p wz -k docker\n`;

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  if (action.edit?.changes) return action.edit.changes[uri] ?? [];
  return (action.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri).flatMap((c) => c.edits as TextEdit[]);
}

describe('audit rules over LSP and the CLI', () => {
  let client: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-audit-'));
  const path = join(dir, 'etc/audit/rules.d/docker.rules');
  const uri = fileUri(path);
  before(async () => {
    mkdirSync(join(dir, 'etc/audit/rules.d'), { recursive: true });
    writeFileSync(path, FRAGMENT);
    client = await startClient({ configuration: (section) => (section === 'dockguard' ? { profile: 'recommended' } : null) });
    client.open(uri, FRAGMENT, 'audit-rules');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the squiggles are the findings the CLI reports, at the same places', async () => {
    const squiggles = (await client.pull(uri)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
    const run = runCli(['lint', '--format', 'json', '--fail-on', 'never', path]);
    const cli = (JSON.parse(run.stdout) as { findings: { line: number; column: number; rule: string; message: string }[] }).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    assert.deepEqual(squiggles.sort(), cli.sort());
    assert.deepEqual(squiggles.map((s) => s.split(' ').slice(0, 2).join(' ')).sort(), ['10:32 DG402', '1:1 DG401']);
  });

  test('hovering a watched path names the CIS items it covers', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /CIS 1\.1\.6: `\/etc\/docker`[\s\S]*CIS 1\.1\.11: `\/etc\/docker\/daemon\.json`/);
    assert.deepEqual(hover.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 14 } });
  });

  test('the add-watch quick fix is offered unpreferred, appends the watch and silences DG401', async () => {
    const dg401 = (await client.pull(uri)).find((d) => d.code === 'DG401')!;
    assert.equal(dg401.message, 'No audit watch on /usr/bin/runc (CIS 1.1.18): changes to it leave no trail. Add `-w PATH -p wa -k docker`.');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: dg401.range, context: { diagnostics: [dg401] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Add -w /usr/bin/runc'))!;
    assert.equal(fix.isPreferred, false);
    assert.deepEqual(editsOf(fix, uri), [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '-w /usr/bin/runc -p wa -k docker\n' }]);
    client.change(uri, `${FRAGMENT}-w /usr/bin/runc -p wa -k docker\n`);
    assert.deepEqual((await client.pull(uri)).map((d) => d.code), ['DG402']);
  });

  test('the CLI lints a named *.rules file by its auditctl content, and not a udev one', () => {
    const named = join(dir, 'hardening.rules');
    writeFileSync(named, '# Docker\n-w /etc/docker -p wa -k docker\n');
    assert.match(runCli(['lint', '--fail-on', 'never', named]).stdout, /DG401/);
    const udev = join(dir, '99-usb.rules');
    writeFileSync(udev, 'SUBSYSTEM=="usb", MODE="0666"\n');
    const run = runCli(['lint', udev]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot tell what kind of file/);
  });
});
