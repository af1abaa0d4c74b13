/**
 * The config decides which files are linted, in the editor as in CI: `compose.files` and
 * `audit.files` add files to those kinds (the CLI's walk, the workspace scan, a didOpen and the
 * file watcher all ask the kind table, extended by the config), a `.gitignore` or a config saved
 * with other patterns re-applies to the workspace, and an open `.dockguard.yaml` applies as it is
 * typed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver-protocol';
import { HARDENED_DAEMON_JSON, runCli, tempWorkspace } from '../cli/harness';
import { fileUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, startClient, type TestClient } from './harness';

const CONFIG = 'compose:\n  files: [deploy/stack.yml]\naudit:\n  files: [security/docker.audit]\n';
const STACK = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
const AUDIT = '-w /usr/bin/dockerd -p wa -k docker\n-w /etc/docker -p wa\n';
const NO_USERNS = HARDENED_DAEMON_JSON.replace('  "userns-remap": "default",\n', '');
const PUSH: ClientCapabilities = { ...PUSH_CAPABILITIES, window: { ...PUSH_CAPABILITIES.window, workDoneProgress: true } };

type WorkspaceReport = { items: { uri: string; items: Diagnostic[] }[] };

/** Every finding of a workspace pull, as `file:line:col rule`, sorted. */
async function workspaceFindings(client: TestClient, root: string): Promise<string[]> {
  const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceReport;
  return report.items.flatMap((r) => r.items.map((d) => `${relative(root, fileURLToPath(r.uri))}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`)).sort();
}

function cliFindings(root: string, args: string[] = ['.']): string[] {
  const run = runCli(['lint', '--format', 'json', '--fail-on', 'never', ...args], root);
  assert.equal(run.stderr, '');
  return (JSON.parse(run.stdout).findings as { file: string; line: number; column: number; rule: string }[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`).sort();
}

const filesIn = (findings: string[]) => [...new Set(findings.map((f) => f.split(':')[0]))].sort();
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

describe('files a config adds, in both front ends', () => {
  const clients: TestClient[] = [];
  after(async () => {
    for (const client of clients) await client.stop();
  });
  const start = async (folder: string, capabilities: ClientCapabilities = PULL_CAPABILITIES) => {
    const client = await startClient({ workspaceFolder: folder, capabilities });
    clients.push(client);
    return client;
  };

  test('compose.files and audit.files: the same findings from the CLI and over LSP, as Compose and as audit rules', async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': CONFIG, 'deploy/stack.yml': STACK, 'deploy/notes.yml': STACK, 'security/docker.audit': AUDIT, 'security/other.audit': AUDIT });
    const fromCli = cliFindings(ws);
    assert.deepEqual(filesIn(fromCli), ['deploy/stack.yml', 'security/docker.audit'], 'only the files the config names');
    assert.ok(fromCli.includes('deploy/stack.yml:4:5 DG301') && fromCli.includes('security/docker.audit:2:1 DG405'), 'linted as Compose and as audit rules');
    const client = await start(ws);
    assert.deepEqual(await workspaceFindings(client, ws), fromCli);
    assert.deepEqual(cliFindings(ws, ['deploy/stack.yml']), fromCli.filter((f) => f.startsWith('deploy/')), 'a named file is of the kind its config gives it');

    // The server watches what the config adds beside the kinds' own globs.
    const added = await client.waitUntil(() => client.registrations.find((r) => JSON.stringify(r.registerOptions).includes('stack.yml')), 'a watcher for the added files');
    assert.deepEqual(added.registerOptions, {
      watchers: ['**/deploy/stack.yml', '**/deploy/stack.yml/**', '**/security/docker.audit', '**/security/docker.audit/**'].map((globPattern) => ({ globPattern })),
    });

    // didOpen: an added file is linted from the editor's text; a YAML file the config does not name is not dockguard's.
    const stack = fileUri(join(ws, 'deploy/stack.yml'));
    client.open(stack, STACK.replace('    privileged: true\n', ''), 'yaml');
    assert.ok(!codes(await client.pull(stack)).includes('DG301'));
    const notes = fileUri(join(ws, 'deploy/notes.yml'));
    client.open(notes, STACK, 'yaml');
    assert.deepEqual(await client.pull(notes), []);

    // The watcher: the audit file changed on disk is read again as audit rules.
    writeFileSync(join(ws, 'security/docker.audit'), '-w /etc/docker -p wa -k docker\n');
    const refreshed = client.waitForRefresh();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, 'security/docker.audit')), type: 2 }] });
    await refreshed;
    assert.deepEqual((await workspaceFindings(client, ws)).filter((f) => f.startsWith('security/')), ['security/docker.audit:1:1 DG401']);
  });

  test('a config saved with other patterns re-applies: files it adds now are linted, files it no longer adds are dropped', async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': CONFIG, 'deploy/stack.yml': STACK, 'deploy/notes.yml': STACK, 'security/docker.audit': AUDIT });
    const client = await start(ws, PUSH);
    const stack = fileUri(join(ws, 'deploy/stack.yml'));
    const notes = fileUri(join(ws, 'deploy/notes.yml'));
    const audit = fileUri(join(ws, 'security/docker.audit'));
    await client.waitForPublished(stack, (d) => codes(d).includes('DG301'));
    await client.waitForPublished(audit, (d) => d.length > 0);
    writeFileSync(join(ws, '.dockguard.yaml'), 'compose:\n  files: ["deploy/*.yml"]\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.dockguard.yaml')), type: 2 }] });
    await client.waitForPublished(notes, (d) => codes(d).includes('DG301'));
    await client.waitForPublished(audit, (d) => d.length === 0);
    assert.deepEqual(filesIn(cliFindings(ws)), ['deploy/notes.yml', 'deploy/stack.yml'], 'as the CLI now lints');
    await client.waitUntil(() => client.registrations.find((r) => JSON.stringify(r.registerOptions).includes('deploy/*.yml')), 'a watcher for the new patterns');
  });
});

describe('a .gitignore change in the editor re-applies', () => {
  let client: TestClient | undefined;
  after(async () => client?.stop());

  test('files newly ignored lose their diagnostics; files no longer ignored are linted', async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.gitignore': 'legacy/\n', 'legacy/etc/docker/daemon.json': '{', 'build/etc/docker/daemon.json': '{', 'live/etc/docker/daemon.json': '{' });
    client = await startClient({ workspaceFolder: ws, capabilities: PUSH });
    const registered = await client.waitForRegistration('workspace/didChangeWatchedFiles');
    assert.ok(JSON.stringify(registered.registerOptions).includes('"**/.gitignore"'), 'the server watches .gitignore files');
    const uri = (folder: string) => fileUri(join(ws, folder, 'etc/docker/daemon.json'));
    await client.waitForPublished(uri('build'), (d) => codes(d).includes('DG001'));
    await client.waitForPublished(uri('live'), (d) => codes(d).includes('DG001'));
    assert.equal(client.published.some((p) => p.uri === uri('legacy')), false);

    writeFileSync(join(ws, '.gitignore'), 'build/\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.gitignore')), type: 2 }] });
    await client.waitForPublished(uri('build'), (d) => d.length === 0);
    await client.waitForPublished(uri('legacy'), (d) => codes(d).includes('DG001'));
    assert.deepEqual(filesIn(cliFindings(ws)), ['legacy/etc/docker/daemon.json', 'live/etc/docker/daemon.json'], 'as the CLI now lints');

    // A nested .gitignore with a negation, created later.
    writeFileSync(join(ws, 'live/.gitignore'), 'etc/\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, 'live/.gitignore')), type: 1 }] });
    await client.waitForPublished(uri('live'), (d) => d.length === 0);
    writeFileSync(join(ws, 'live/.gitignore'), 'etc/\n!etc/\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, 'live/.gitignore')), type: 2 }] });
    await client.waitForPublished(uri('live'), (d) => codes(d).includes('DG001'));
    assert.deepEqual(filesIn(cliFindings(ws)), ['legacy/etc/docker/daemon.json', 'live/etc/docker/daemon.json']);

    // A .gitignore where the walk never goes (node_modules) takes nothing in.
    writeFileSync(join(ws, '.gitignore'), '');
    const vendored = join(ws, 'node_modules/pkg');
    mkdirSync(join(vendored, 'etc/docker'), { recursive: true });
    writeFileSync(join(vendored, 'etc/docker/daemon.json'), '{');
    writeFileSync(join(vendored, '.gitignore'), '');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(join(vendored, '.gitignore')), type: 1 }, { uri: fileUri(join(ws, '.gitignore')), type: 2 }],
    });
    await client.waitForPublished(uri('build'), (d) => codes(d).includes('DG001'));
    assert.equal(client.published.some((p) => p.uri.includes('node_modules')), false);
  });
});

describe('an exclude setting changed in the editor re-applies', () => {
  let client: TestClient | undefined;
  after(async () => client?.stop());

  test('files.exclude and dockguard.exclude: files newly excluded lose their diagnostics, files no longer excluded are linted', async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', 'tmp/etc/docker/daemon.json': '{', 'vendor/etc/docker/daemon.json': '{' });
    let settings: Record<string, unknown> = { files: { exclude: { 'tmp/**': true } }, dockguard: {} };
    client = await startClient({ workspaceFolder: ws, capabilities: PUSH, configuration: (section) => (section ? settings[section] : null) });
    const tmp = fileUri(join(ws, 'tmp/etc/docker/daemon.json'));
    const vendor = fileUri(join(ws, 'vendor/etc/docker/daemon.json'));
    await client.waitForPublished(vendor, (d) => codes(d).includes('DG001'));
    settings = { files: { exclude: {} }, dockguard: { exclude: ['vendor/'] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForPublished(vendor, (d) => d.length === 0);
    await client.waitForPublished(tmp, (d) => codes(d).includes('DG001'));
  });
});

describe('a .gitignore change, in a held workspace pull (VS Code\'s way)', () => {
  let client: TestClient | undefined;
  after(async () => client?.stop());

  test('the pull held since the last answer clears the file now ignored and brings the one now linted', async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.gitignore': 'legacy/\n', 'legacy/etc/docker/daemon.json': '{', 'build/etc/docker/daemon.json': '{' });
    client = await startClient({ workspaceFolder: ws });
    const first = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; resultId?: string; items: Diagnostic[] }[] };
    const build = fileUri(join(ws, 'build/etc/docker/daemon.json'));
    const legacy = fileUri(join(ws, 'legacy/etc/docker/daemon.json'));
    assert.deepEqual(first.items.map((r) => r.uri), [build]);
    const held = client.connection.sendRequest('workspace/diagnostic', { previousResultIds: first.items.map((r) => ({ uri: r.uri, value: r.resultId! })) }) as Promise<{ items: { uri: string; kind: string; items?: Diagnostic[] }[] }>;
    writeFileSync(join(ws, '.gitignore'), 'build/\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, '.gitignore')), type: 2 }] });
    const next = await held;
    assert.deepEqual(next.items.find((r) => r.uri === build), { kind: 'full', uri: build, version: null, items: [] });
    let items = next.items.find((r) => r.uri === legacy)?.items;
    // The newly linted file may come in the next pull, once the held one has answered.
    if (!items) items = ((await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceReport).items.find((r) => r.uri === legacy)?.items;
    assert.deepEqual(codes(items ?? []), ['DG001']);
  });
});

describe('an open .dockguard.yaml applies as it is typed', () => {
  let client: TestClient | undefined;
  after(async () => client?.stop());

  test('a valid text applies to the files below it; an invalid one is DG010, the defaults and one notification', async () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': '', 'a/etc/docker/daemon.json': NO_USERNS, 'old/etc/docker/daemon.json': '{' });
    client = await startClient({ workspaceFolder: ws, capabilities: PUSH });
    const a = fileUri(join(ws, 'a/etc/docker/daemon.json'));
    const old = fileUri(join(ws, 'old/etc/docker/daemon.json'));
    const config = fileUri(join(ws, '.dockguard.yaml'));
    await client.waitForPublished(a, (d) => d.length === 0);
    await client.waitForPublished(old, (d) => codes(d).includes('DG001'));
    client.open(config, '', 'yaml');

    // Typed, not saved: the strict profile adds DG110 (user namespaces) below it.
    client.change(config, 'profile: strict\n');
    assert.deepEqual(codes(await client.waitForPublished(a, (d) => d.length > 0)), ['DG110']);

    // An intermediate text that is not a config: DG010 where it is wrong, the defaults below it, and the user told once.
    client.change(config, 'profile: stri\n');
    const invalid = await client.waitForPublished(config, (d) => d.length > 0);
    assert.deepEqual(invalid.map((d) => [d.code, d.range.start, d.message]), [['DG010', { line: 0, character: 9 }, 'Invalid dockguard config: profile must be one of recommended, strict, all; until it is fixed, dockguard lints with the defaults.']]);
    await client.waitForPublished(a, (d) => d.length === 0);
    client.change(config, 'profile: str\n');
    client.change(config, 'profile: strict\nignore: [ol\n');
    await client.waitForPublished(config, (d) => d.some((x) => x.code === 'DG010' && x.range.start.line >= 1));
    const path = join(ws, '.dockguard.yaml');
    assert.deepEqual(client.messages, [{ type: 2, message: `dockguard: ${path} is invalid (line 1: profile must be one of recommended, strict, all); linting with the default settings until it is fixed.` }]);

    // Valid again, with an ignore: the ignored host loses its diagnostics, the other has the strict profile again.
    client.change(config, 'profile: strict\nignore: [old/]\n');
    await client.waitForPublished(config, (d) => d.length === 0);
    await client.waitForPublished(old, (d) => d.length === 0);
    assert.deepEqual(codes(await client.waitForPublished(a, (d) => d.length > 0)), ['DG110']);
    assert.equal(client.messages.length, 1, 'still one notification');

    // Closed unsaved: the file on disk (empty) applies again, and the ignored host comes back.
    client.close(config);
    await client.waitForPublished(a, (d) => d.length === 0);
    await client.waitForPublished(old, (d) => codes(d).includes('DG001'));
  });
});
