/**
 * Editor and CI agree: over a real LSP connection, with settings answered as VS Code answers them
 * from package.json (no defaults: only what the user set), the server finds the same
 * `.dockguard.yaml` as the CLI, lets it beat the settings, skips what .gitignore and the excludes
 * skip, and reports exactly the CLI's findings for a folder with a config file.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { HARDENED_DAEMON_JSON, REPO, runCli, tempWorkspace } from '../cli/harness';
import { startClient, type TestClient } from './harness';

const NO_USERNS = HARDENED_DAEMON_JSON.replace('  "userns-remap": "default",\n', '');
const MANIFEST = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

/** What VS Code answers for `section`: package.json's defaults under the user's values. */
function vscodeSettings(user: Record<string, Record<string, unknown>>) {
  return (section: string | undefined) => {
    if (section === undefined) return null;
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(MANIFEST.contributes.configuration.properties as Record<string, { default?: unknown }>)) {
      if (key.startsWith(`${section}.`) && 'default' in property) defaults[key.slice(section.length + 1)] = property.default;
    }
    const builtIn = section === 'files' ? { exclude: { '**/.git': true } } : {};
    return { ...builtIn, ...defaults, ...user[section] };
  };
}

async function workspaceFindings(client: TestClient, root: string): Promise<string[]> {
  const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
  return report.items
    .flatMap((r) => r.items.map((d) => `${relative(root, fileURLToPath(r.uri))}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${['', 'error', 'warning', 'info'][d.severity ?? 0]}`))
    .sort();
}

describe('one configuration, both front ends', () => {
  const clients: TestClient[] = [];
  const start = async (folder: string, user: Record<string, Record<string, unknown>> = {}) => {
    const client = await startClient({ workspaceFolder: folder, configuration: vscodeSettings(user) });
    clients.push(client);
    return client;
  };
  after(async () => {
    for (const client of clients) await client.stop();
  });

  test('package.json gives the dockguard settings no defaults, so an unset setting never beats the file', () => {
    const settings = MANIFEST.contributes.configuration.properties;
    for (const key of ['dockguard.profile', 'dockguard.dockerVersion', 'dockguard.rules', 'dockguard.exclude']) assert.equal('default' in settings[key], false, key);
    assert.deepEqual(MANIFEST.contributes.yamlValidation, [{ fileMatch: '.dockguard.yaml', url: './schemas/dockguard-config.schema.json' }]);
  });

  test("the nearest config's profile holds in the editor, even over a profile the user set", async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': 'profile: strict\n', 'hosts/a/etc/docker/daemon.json': NO_USERNS });
    const unset = await start(ws);
    assert.deepEqual(await workspaceFindings(unset, ws), ['hosts/a/etc/docker/daemon.json:1:1 DG110 info']);
    const set = await start(ws, { dockguard: { profile: 'recommended', rules: { DG110: 'error', DG103: 'off' } } });
    assert.deepEqual(await workspaceFindings(set, ws), ['hosts/a/etc/docker/daemon.json:1:1 DG110 error'], "the user's rules apply where the file says nothing");
    assert.deepEqual(runCli(['lint', '--format', 'json', '.'], join(ws, 'hosts/a')).stdout.match(/"rule": "DG\d+"/g), ['"rule": "DG110"']);
  });

  test('the workspace scan skips what .gitignore, the config, files.exclude and dockguard.exclude skip', async () => {
    const ws = tempWorkspace({
      '.git/HEAD': '',
      '.gitignore': 'build/\n',
      '.dockguard.yaml': 'ignore:\n  - path: legacy/\n    reason: retired hosts\n',
      'build/etc/docker/daemon.json': '{',
      'legacy/etc/docker/daemon.json': '{',
      'vendor/etc/docker/daemon.json': '{',
      'tmp/etc/docker/daemon.json': '{',
      'a/etc/docker/daemon.json': '{',
    });
    const client = await start(ws, { files: { exclude: { 'tmp/**': true, 'a/**': false } }, dockguard: { exclude: ['vendor/'] } });
    assert.deepEqual(await workspaceFindings(client, ws), ['a/etc/docker/daemon.json:1:2 DG001 error']);
    assert.equal(JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', '.'], ws).stdout).files, 3, 'the CLI knows no editor setting: a, tmp and vendor');
  });

  test('a malformed config is DG010 at its bad line; the editor lints with the defaults and says so once, the CLI exits 2', async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': 'profile: strict\nrules:\n  DG103: of\n', 'a/etc/docker/daemon.json': NO_USERNS, 'b/etc/docker/daemon.json': NO_USERNS });
    const client = await start(ws);
    assert.deepEqual(await workspaceFindings(client, ws), ['.dockguard.yaml:3:10 DG010 error']);
    const config = join(ws, '.dockguard.yaml');
    assert.deepEqual(client.messages, [{ type: 2, message: `dockguard: ${config} is invalid (line 3: DG103 must be one of off, error, warning, info); linting with the default settings until it is fixed.` }]);
    const cli = runCli(['lint', '.'], ws);
    assert.deepEqual([cli.code, cli.stderr], [2, 'dockguard: invalid config .dockguard.yaml:3:10: DG103 must be one of off, error, warning, info (see dockguard --help)\n']);
  });

  test("a machine the config declares groups its files in the editor as in the CLI (DG202 across a daemon.json and a drop-in of two folders)", async () => {
    const ws = tempWorkspace({
      '.git/HEAD': '',
      '.dockguard.yaml': 'machines:\n  - root: fleet/web\n    daemon: daemon.json\n',
      'fleet/web/daemon.json': '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n',
      'fleet/web/units/docker.service.d/override.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd://\n',
    });
    const conflicts = (findings: string[]) => findings.filter((f) => f.includes('DG202'));
    const expected = ['fleet/web/daemon.json:2:3 DG202 error', 'fleet/web/units/docker.service.d/override.conf:3:28 DG202 error'];
    const client = await start(ws);
    assert.deepEqual(conflicts(await workspaceFindings(client, ws)), expected);
    const cli = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', '.'], ws).stdout).findings as { file: string; line: number; column: number; rule: string; severity: string }[];
    assert.deepEqual(conflicts(cli.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`).sort()), expected);
    const single = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', 'fleet/web/daemon.json'], ws).stdout).findings as { rule: string }[];
    assert.ok(single.some((f) => f.rule === 'DG202'), 'one named file reads its declared machine for context');
  });

  test('the same findings from the CLI and over LSP for the examples with a config file', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'dockguard-agree-'));
    cpSync(join(REPO, 'examples'), ws, { recursive: true });
    cpSync(join(REPO, 'examples'), join(ws, 'nested/more'), { recursive: true });
    writeFileSync(join(ws, '.dockguard.yaml'), 'profile: strict\nrules:\n  DG103: error\n  DG109: off\n');
    writeFileSync(join(ws, 'nested/.dockguard.yaml'), 'profile: all\n');
    const client = await start(ws, { dockguard: { profile: 'recommended', rules: { DG104: 'off' } } });
    const cli = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', '.'], ws).stdout).findings as { file: string; line: number; column: number; rule: string; severity: string }[];
    const fromCli = cli.filter((f) => f.rule !== 'DG104').map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`).sort();
    assert.ok(fromCli.some((f) => f.includes('DG103 error')) && fromCli.some((f) => f.includes('DG110')));
    assert.deepEqual(await workspaceFindings(client, ws), fromCli);
    rmSync(ws, { recursive: true, force: true });
  });
});
