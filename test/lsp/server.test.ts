/**
 * The bundled server over a real LSP connection (stdio): what a client receives for diagnostics,
 * code actions, fix-all, hover, completion and a settings change, in pull and in push mode.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, PUSH_CAPABILITIES, startClient, type TestClient } from './harness';

const DOCS = 'https://github.com/dockguard/dockguard/blob/main/docs/rules/';

/** The hardened example with `icc` left on and a typo in one key. */
const TYPO_AND_ICC = `{
  "icc": true,
  "userland-proxy": false,
  "no-new-privileges": true,
  "live-restore": true,
  "userns-remap": "default",
  "ip": "127.0.0.1",
  "log-level": "info",
  "log-driver": "syslog",
  "storage-driverr": "overlay2"
}
`;

const ICC_DIAGNOSTIC: Diagnostic = {
  range: { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } },
  severity: 2,
  code: 'DG103',
  codeDescription: { href: `${DOCS}DG103.md` },
  source: 'dockguard',
  message: '"icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).',
};

const TYPO_DIAGNOSTIC: Diagnostic = {
  range: { start: { line: 9, character: 2 }, end: { line: 9, character: 19 } },
  severity: 1,
  code: 'DG002',
  codeDescription: { href: `${DOCS}DG002.md` },
  source: 'dockguard',
  message: 'Unknown option "storage-driverr": dockerd refuses to start on a key it does not know; did you mean "storage-driver"?',
};

/** A comment and a trailing comma (DG007, safe fixes); otherwise clean in the recommended profile. */
const COMMENTED = `{
  // managed by ansible
  "icc": false,
  "userland-proxy": false,
  "live-restore": true,
  "ip": "127.0.0.1",
  "log-driver": "syslog",
}
`;

const COMMENTED_FIXED = `{
  "icc": false,
  "userland-proxy": false,
  "live-restore": true,
  "ip": "127.0.0.1",
  "log-driver": "syslog"
}
`;

/** What a client compares: everything but the fixes the server keeps in `data`. */
function visible(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ data: _data, ...rest }) => rest);
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))
    .reduce((result, e) => result.slice(0, offsetOf(e.range.start)) + e.newText + result.slice(offsetOf(e.range.end)), text);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  if (action.edit?.changes) return action.edit.changes[uri] ?? [];
  return (action.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri).flatMap((c) => c.edits as TextEdit[]);
}

describe('pull diagnostics', () => {
  let client: TestClient;
  let profile = 'recommended';
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-'));
  const uri = fileUri(join(dir, 'etc/docker/daemon.json'));
  before(async () => {
    client = await startClient({ configuration: (section) => (section === 'dockguard' ? { profile } : null) });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the server announces pull diagnostics, code actions, hover and completion', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'dockguard', interFileDependencies: true, workspaceDiagnostics: true });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.dockguard'] });
    assert.equal(capabilities.hoverProvider, true);
  });

  test('an opened daemon.json gets exactly its findings', async () => {
    client.open(uri, TYPO_AND_ICC);
    assert.deepEqual(visible(await client.pull(uri)), [ICC_DIAGNOSTIC, TYPO_DIAGNOSTIC]);
  });

  test('the preferred quick fix renames the key, and its diagnostic goes away', async () => {
    const diagnostics = await client.pull(uri);
    const typo = diagnostics.find((d) => d.code === 'DG002')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Rename to "storage-driver"', 'quickfix', true],
      ['Disable DG002 for this file in .dockguard.yaml', 'quickfix', undefined],
      ['Show documentation for DG002', 'quickfix', undefined],
    ]);
    const fixed = applyTextEdits(TYPO_AND_ICC, editsOf(actions[0], uri));
    assert.equal(fixed, TYPO_AND_ICC.replace('"storage-driverr"', '"storage-driver"'));
    client.change(uri, fixed);
    assert.deepEqual(visible(await client.pull(uri)), [ICC_DIAGNOSTIC]);
  });

  test('an unsafe fix is offered but not preferred; a stale diagnostic offers no fix', async () => {
    const [icc] = await client.pull(uri);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: icc.range, context: { diagnostics: [icc] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Set "icc" to false (containers on docker0 can no longer talk to each other)', false],
      ['Disable DG103 for this file in .dockguard.yaml', undefined],
      ['Show documentation for DG103', undefined],
    ]);
    assert.deepEqual(editsOf(actions[0], uri), [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } }, newText: 'false' }]);
    client.change(uri, `${TYPO_AND_ICC.replace('"storage-driverr"', '"storage-driver"')} `);
    const stale = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: icc.range, context: { diagnostics: [icc] } })) as CodeAction[];
    assert.deepEqual(stale.map((a) => a.title), ['Show documentation for DG103']);
  });

  test('"Show documentation" opens the rule page in the browser', async () => {
    await client.connection.sendRequest('workspace/executeCommand', { command: 'dockguard.showDocumentation', arguments: [`${DOCS}DG103.md`] });
    assert.deepEqual(client.shownDocuments, [`${DOCS}DG103.md`]);
  });

  test('source.fixAll.dockguard fixes every safe problem in the file', async () => {
    const commented = fileUri(join(dir, 'commented.daemon.json'));
    client.open(commented, COMMENTED);
    assert.deepEqual((await client.pull(commented)).map((d) => [d.code, d.range.start.line]), [['DG007', 1], ['DG007', 6]]);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: commented }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe problems in this file', 'source.fixAll.dockguard']]);
    assert.equal(applyTextEdits(COMMENTED, editsOf(actions[0], commented)), COMMENTED_FIXED);
  });

  test('a change of dockguard.profile re-lints with the new profile', async () => {
    const clean = fileUri(join(dir, 'clean.daemon.json'));
    client.open(clean, COMMENTED_FIXED);
    assert.deepEqual(await client.pull(clean), []);
    profile = 'strict';
    const refreshed = client.waitForRefresh();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    assert.deepEqual((await client.pull(clean)).map((d) => [d.code, d.severity]), [['DG110', 3], ['DG111', 2]]);
    profile = 'recommended';
  });

  test('hover on a key shows the finding and the key documentation', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } })) as Hover;
    assert.deepEqual(hover.range, ICC_DIAGNOSTIC.range);
    const markdown = (hover.contents as { kind: string; value: string }).value;
    assert.deepEqual(markdown.split('\n\n'), [
      `**DG103** inter-container-communication (warning): ${ICC_DIAGNOSTIC.message}`,
      `[Documentation for DG103](${DOCS}DG103.md)`,
      '---',
      '**`icc`** · boolean · default `true` · flag `--icc`',
      'Inter-container communication on the default bridge (CIS 2.2 asks for false). false needs iptables.',
      'Takes effect when dockerd restarts.',
      'checked by DG008 (conflicting-options)',
      'CIS 2.2 · checked by DG103 (inter-container-communication)',
    ]);
  });

  test('completion offers absent keys with documentation, and enum values', async () => {
    const text = '{\n  "icc": false,\n  \n  "log-level": "info"\n}\n';
    const edited = fileUri(join(dir, 'completion.daemon.json'));
    client.open(edited, text);
    const keys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: edited }, position: { line: 2, character: 2 } })) as CompletionItem[];
    const labels = keys.map((k) => k.label);
    assert.ok(!labels.includes('icc') && !labels.includes('log-level'), 'keys already present are not offered');
    const liveRestore = keys.find((k) => k.label === 'live-restore')!;
    assert.deepEqual(liveRestore.textEdit, { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: '"live-restore": ${1|false,true|},' });
    assert.match((liveRestore.documentation as { value: string }).value, /^\*\*`live-restore`\*\* · boolean · default `false` · flag `--live-restore`/);
    const values = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: edited }, position: { line: 3, character: 17 } })) as CompletionItem[];
    assert.deepEqual(values.map((v) => v.label), ['"info"', '"panic"', '"fatal"', '"error"', '"warn"', '"debug"', '"trace"']);
    assert.deepEqual((values[0].textEdit as TextEdit).range, { start: { line: 3, character: 15 }, end: { line: 3, character: 21 } });
  });

  test('a file on disk that was never opened is reported by workspace diagnostics', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dockguard-ws-'));
    mkdirSync(join(folder, 'host/etc/docker'), { recursive: true });
    writeFileSync(join(folder, 'host/etc/docker/daemon.json'), TYPO_AND_ICC);
    mkdirSync(join(folder, 'node_modules/pkg'), { recursive: true });
    writeFileSync(join(folder, 'node_modules/pkg/daemon.json'), '{"graph": "/x"}');
    const scanning = await startClient({ workspaceFolder: folder });
    try {
      const report = (await scanning.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
      assert.deepEqual(report.items.map((r) => [r.uri, visible(r.items)]), [[fileUri(join(folder, 'host/etc/docker/daemon.json')), [ICC_DIAGNOSTIC, TYPO_DIAGNOSTIC]]]);
    } finally {
      await scanning.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('push diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ capabilities: PUSH_CAPABILITIES });
  });
  after(() => client.stop());

  test('a client without pull support gets diagnostics pushed on open and on every change', async () => {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = fileUri('/srv/host/etc/docker/daemon.json');
    client.open(uri, TYPO_AND_ICC);
    assert.deepEqual(visible(await client.waitForPublished(uri)), [ICC_DIAGNOSTIC, TYPO_DIAGNOSTIC]);
    client.change(uri, TYPO_AND_ICC.replace('"icc": true', '"icc": false'));
    assert.deepEqual(visible(await client.waitForPublished(uri, (d) => d.length === 1)), [TYPO_DIAGNOSTIC]);
    client.close(uri);
    assert.deepEqual(await client.waitForPublished(uri, (d) => d.length === 0), []);
  });
});
