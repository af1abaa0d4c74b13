/**
 * A Compose file over a real LSP connection, opened as another extension names it (`yaml`): its
 * findings on the right ranges, a quick fix that edits in place, fix-all of the safe problems (the
 * obsolete `version:`, a key's typo), hover on a key and completion of service keys; and a Compose
 * file in a host tree re-linted when its machine's daemon.json changes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, PUSH_CAPABILITIES, startClient, type TestClient } from './harness';

const COMPOSE = `version: "3.8"
services:
  web:
    image: nginx:1.27
    restrat: always   # typo
    privileged: true
`;

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start)).reduce((result, e) => result.slice(0, offsetOf(e.range.start)) + e.newText + result.slice(offsetOf(e.range.end)), text);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  if (action.edit?.changes) return action.edit.changes[uri] ?? [];
  return (action.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri).flatMap((c) => c.edits as TextEdit[]);
}

describe('a Compose file over LSP', () => {
  let client: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-compose-'));
  const uri = fileUri(join(dir, 'compose.yaml'));
  before(async () => {
    client = await startClient({ configuration: (section) => (section === 'dockguard' ? { profile: 'recommended' } : null) });
    client.open(uri, COMPOSE, 'yaml');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('its findings are on the setting they are about', async () => {
    const byCode = (await client.pull(uri)).filter((d) => ['DG002', 'DG006', 'DG301'].includes(String(d.code))).map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]);
    assert.deepEqual(byCode, [['DG006', 0, 0, 14], ['DG002', 4, 4, 11], ['DG301', 5, 4, 20]]);
  });

  test('the privileged quick fix removes the line, comments elsewhere kept', async () => {
    const privileged = (await client.pull(uri)).find((d) => d.code === 'DG301')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: privileged.range, context: { diagnostics: [privileged] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Remove "privileged: true"'))!;
    assert.notEqual(fix.isPreferred, true, 'a hardening fix is unsafe: never preferred');
    assert.equal(apply(COMPOSE, editsOf(fix, uri)), COMPOSE.replace('    privileged: true\n', ''));
  });

  test('source.fixAll.dockguard fixes the safe problems only', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.dockguard']);
    assert.equal(apply(COMPOSE, editsOf(actions[0], uri)), 'services:\n  web:\n    image: nginx:1.27\n    restart: always   # typo\n    privileged: true\n');
  });

  test('hover on a key shows compose-spec\'s description', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 6 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /services\.web\.image/);
  });

  test('completion offers the service keys not yet written', async () => {
    const typed = `${COMPOSE}    read`;
    client.change(uri, typed);
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 8 } })) as CompletionList | CompletionItem[];
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    assert.ok(labels.includes('read_only') && !labels.includes('image'), labels.join(' '));
  });
});

describe('a Compose project and the daemon of its machine over LSP', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dockguard-lsp-compose-daemon-'));
  const daemonJson = join(folder, 'h1/etc/docker/daemon.json');
  const compose = fileUri(join(folder, 'h1/srv/app/compose.yaml'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('editing the daemon.json to add "no-new-privileges": true clears DG312 in the Compose file, which is not open', async () => {
    mkdirSync(dirname(daemonJson), { recursive: true });
    mkdirSync(join(folder, 'h1/srv/app'), { recursive: true });
    writeFileSync(daemonJson, '{\n  "icc": false\n}\n');
    writeFileSync(join(folder, 'h1/srv/app/compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n');
    const client = await startClient({ workspaceFolder: folder, capabilities: PUSH_CAPABILITIES, configuration: () => ({}) });
    try {
      const dg312 = (d: Diagnostic[]) => d.filter((x) => x.code === 'DG312').map((x) => [x.range.start.line, x.range.start.character, x.message]);
      const before = await client.waitForPublished(compose, (d) => dg312(d).length > 0);
      assert.deepEqual(dg312(before), [[1, 2, 'Service "web" does not set "no-new-privileges:true", and the daemon it runs on does not turn "no-new-privileges" on either: a setuid or file-capability binary in the image can give its processes more privileges than the container started with (CIS 5.26).']]);
      client.open(fileUri(daemonJson), '{\n  "icc": false\n}\n', 'json');
      client.change(fileUri(daemonJson), '{\n  "icc": false,\n  "no-new-privileges": true\n}\n');
      await client.waitForPublished(compose, (d) => dg312(d).length === 0);
    } finally {
      await client.stop();
    }
  });
});
