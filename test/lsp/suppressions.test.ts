/**
 * "Disable DGnnn for this line / file" over a real LSP connection: a pragma at the line's
 * indentation in a unit, and for daemon.json (no comments) an `overrides` entry in the config the
 * CLI reads, created when there is none; after the edit the finding is gone in both front ends.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { HARDENED_DAEMON_JSON, runCli, tempWorkspace } from '../cli/harness';
import { fileUri, startClient, type TestClient } from './harness';

const UNIT = '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd \\\n    --experimental\n';
const ICC_TRUE = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');

async function actionsFor(client: TestClient, uri: string, ruleId: string): Promise<CodeAction[]> {
  const diagnostic = (await client.pull(uri)).find((d: Diagnostic) => d.code === ruleId)!;
  return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
}

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('disable for this line or file', () => {
  const ws = tempWorkspace({ '.git/HEAD': '', 'etc/systemd/system/docker.service.d/override.conf': UNIT, 'etc/docker/daemon.json': ICC_TRUE });
  let client: TestClient;
  after(async () => client?.stop());

  test('in a unit: a next-line pragma at the line\'s indentation, or a file pragma at the top', async () => {
    client = await startClient({ workspaceFolder: ws });
    const uri = fileUri(join(ws, 'etc/systemd/system/docker.service.d/override.conf'));
    client.open(uri, UNIT, 'systemd-unit');
    const actions = await actionsFor(client, uri, 'DG105');
    const line = actions.find((a) => a.title === 'Disable DG105 for this line')!;
    const file = actions.find((a) => a.title === 'Disable DG105 for this file')!;
    assert.equal(apply(UNIT, line.edit!.changes![uri]), UNIT.replace('    --experimental', '    # dockguard-disable-next-line DG105\n    --experimental'));
    assert.equal(apply(UNIT, file.edit!.changes![uri]), `# dockguard-disable-file DG105\n${UNIT}`);
    assert.deepEqual(actions.map((a) => a.title).slice(-3), ['Disable DG105 for this line', 'Disable DG105 for this file', 'Show documentation for DG105']);
  });

  test('in daemon.json: an overrides entry in a new .dockguard.yaml at the repository root, which the CLI then honours', async () => {
    const uri = fileUri(join(ws, 'etc/docker/daemon.json'));
    client.open(uri, ICC_TRUE);
    const [action] = (await actionsFor(client, uri, 'DG103')).filter((a) => a.title.startsWith('Disable'));
    assert.equal(action.title, 'Disable DG103 for this file in .dockguard.yaml');
    const [create, edit] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    const config = join(ws, '.dockguard.yaml');
    assert.deepEqual(create, { kind: 'create', uri: fileUri(config), options: { ignoreIfExists: true } });
    const text = apply('', edit.edits as TextEdit[]);
    assert.equal(text, 'overrides:\n  - files: ["etc/docker/daemon.json"]\n    rules: [DG103]\n    reason: ""\n');
    writeFileSync(config, text);
    const run = runCli(['lint', '--format', 'json', '--report-suppressed', '--fail-on', 'warning', '.'], ws);
    assert.equal(run.code, 1, 'DG105 in the drop-in remains');
    assert.deepEqual(JSON.parse(run.stdout).findings.filter((f: { rule: string }) => f.rule === 'DG103').map((f: { suppressed?: unknown }) => f.suppressed), [{ kind: 'config', reason: null }]);
    assert.equal(readFileSync(config, 'utf8'), text);
  });

  test('DG009 on an overrides entry that suppresses nothing, in the config itself', async () => {
    const stale = tempWorkspace({
      '.git/HEAD': '',
      '.dockguard.yaml': 'overrides:\n  - files: [etc/docker/daemon.json]\n    rules: [DG103]\n  - files: [old/daemon.json]\n    rules: [DG105]\n',
      'etc/docker/daemon.json': ICC_TRUE,
    });
    const other = await startClient({ workspaceFolder: stale });
    try {
      const report = (await other.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
      assert.deepEqual(report.items.flatMap((r) => r.items.map((d) => [r.uri, d.code, d.range.start.line, d.message])), [
        [fileUri(join(stale, '.dockguard.yaml')), 'DG009', 3, 'Unused override: DG105 reports nothing in old/daemon.json.'],
      ]);
    } finally {
      await other.stop();
    }
  });

  test('DG009 on an unused override: a quick fix removes the entry, or the one unused rule of its rules, leaving a valid config', async () => {
    const dropIn = 'etc/systemd/system/docker.service.d/override.conf';
    const config = [
      'profile: recommended',
      'overrides:',
      '  - files: [etc/docker/daemon.json]',
      '    rules: [DG103, DG104]',
      '    reason: the hosts link containers',
      '  - files: [old/daemon.json]',
      '    rules: [DG103]',
      '  - files: [etc/systemd/system/docker.service.d/override.conf]',
      '    rules:',
      '      - DG105',
      '      - DG112',
      '    reason: experimental features for the plugins',
      '',
    ].join('\n');
    const ws2 = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': config, [dropIn]: UNIT, 'etc/docker/daemon.json': ICC_TRUE });
    const other = await startClient({ workspaceFolder: ws2 });
    try {
      const uri = fileUri(join(ws2, '.dockguard.yaml'));
      let text = config;
      other.open(uri, text, 'yaml');
      const unused = async () => (await other.pull(uri)).filter((d) => d.code === 'DG009');
      assert.deepEqual((await unused()).map((d) => [d.range.start.line, d.range.start.character, d.message]), [
        [3, 19, 'Unused override: DG104 reports nothing in etc/docker/daemon.json.'],
        [5, 4, 'Unused override: DG103 reports nothing in old/daemon.json.'],
        [10, 8, 'Unused override: DG112 reports nothing in etc/systemd/system/docker.service.d/override.conf.'],
      ]);
      const expected = [
        ['Remove DG104 from the overrides entry', config.replace('[DG103, DG104]', '[DG103]')],
        ['Remove the overrides entry', config.replace('[DG103, DG104]', '[DG103]').replace('  - files: [old/daemon.json]\n    rules: [DG103]\n', '')],
        ['Remove DG112 from the overrides entry', config.replace('[DG103, DG104]', '[DG103]').replace('  - files: [old/daemon.json]\n    rules: [DG103]\n', '').replace('      - DG112\n', '')],
      ];
      let left = expected.length;
      for (const [title, after] of expected) {
        const [first] = await unused();
        const actions = (await other.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } })) as CodeAction[];
        const fix = actions.find((a) => a.title === title)!;
        assert.deepEqual(actions.map((a) => a.title), [title, 'Show documentation for DG009'], 'a config is fixed, not silenced in itself');
        const edits = fix.edit!.changes?.[uri] ?? ((fix.edit!.documentChanges as TextDocumentEdit[])[0].edits as TextEdit[]);
        text = apply(text, edits);
        assert.equal(text, after);
        other.change(uri, text);
        left--;
        // The typed config applies once the typing pauses; the server then asks for a new pull.
        while ((await unused()).length !== left) await other.waitForRefresh();
      }
      assert.deepEqual(await other.pull(uri), [], 'no DG009 left and no DG010: the config is valid');
      writeFileSync(join(ws2, '.dockguard.yaml'), text);
      const run = runCli(['lint', '--format', 'json', '--fail-on', 'never', '.'], ws2);
      assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule), [], 'the CLI agrees: everything left is used');
    } finally {
      await other.stop();
    }
  });
});

