/**
 * The workspace over a real LSP connection (issue 15): the scan reports every matching file once and
 * never an ignored one, answers requests while it runs, can be cancelled, asks for settings once per
 * folder; the watcher re-lints a host's other files, clears deleted ones and lints a burst once per
 * file; `dockguard.scope`, workspace folders added and removed, and the status notification.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ProgressType, type ClientCapabilities, type Diagnostic } from 'vscode-languageserver-protocol';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol';
import { fileUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, startClient, type StartOptions, type TestClient } from './harness';

/** What VS Code's client declares beyond the harness's defaults. */
const vscodeLike = (capabilities: ClientCapabilities): ClientCapabilities => ({
  ...capabilities,
  window: { ...capabilities.window, workDoneProgress: true },
  workspace: { ...capabilities.workspace, workspaceFolders: true },
});
const PULL = vscodeLike(PULL_CAPABILITIES);
const PUSH = vscodeLike(PUSH_CAPABILITIES);

const ICC_ON = '{"icc": true}\n';
const DROP_IN = '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --icc=false\n';

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A temporary folder holding `files` (relative path → text). */
function tree(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dockguard-workspace-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) write(folder, path, text);
  return folder;
}

function write(folder: string, path: string, text: string): void {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

/** Several hosts, a loose daemon.json, and files that must never be linted. */
const HOSTS_TREE = {
  'h1/etc/docker/daemon.json': ICC_ON,
  'h1/etc/systemd/system/docker.service.d/override.conf': DROP_IN,
  'h2/etc/docker/daemon.json': '{"icc": false}\n',
  'h2/lib/systemd/system/docker.service': '[Service]\nExecStart=/usr/bin/dockerd -H fd://\n',
  'configs/daemon.json': '{"debug": true}\n',
  '.dockguard.yaml': 'ignore:\n  - "vendor/**"\n',
  '.gitignore': 'build/\n',
  'build/etc/docker/daemon.json': ICC_ON,
  'vendor/pkg/daemon.json': ICC_ON,
  'node_modules/pkg/daemon.json': ICC_ON,
  'node_modules/pkg/docker.service': '[Service]\nExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2375\n',
  '.git/daemon.json': ICC_ON,
  'README.md': '# hosts\n',
};
const LINTED = ['.dockguard.yaml', 'configs/daemon.json', 'h1/etc/docker/daemon.json', 'h1/etc/systemd/system/docker.service.d/override.conf', 'h2/etc/docker/daemon.json', 'h2/lib/systemd/system/docker.service'];

/** A tree big enough that its scan takes a while: `hosts` hosts of two files each. */
function bigTree(hosts: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < hosts; i++) {
    files[`hosts/h${i}/etc/docker/daemon.json`] = ICC_ON;
    files[`hosts/h${i}/etc/systemd/system/docker.service.d/override.conf`] = DROP_IN;
  }
  return tree(files);
}

const start = (folder: string, capabilities: ClientCapabilities, options: StartOptions = {}) => startClient({ workspaceFolder: folder, capabilities, configuration: () => ({}), ...options });

/** Resolves when the scan's work-done progress has ended. */
const scanEnded = (client: TestClient) => client.waitUntil(() => (client.progress.some((p) => p.value.kind === 'end') ? true : undefined), 'the end of the scan', 60_000);

/** How many times each file under `folder` was published, by relative path. */
function publishCounts(client: TestClient, folder: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { uri } of client.published) {
    const path = uri.slice(fileUri(folder).length + 1);
    counts[path] = (counts[path] ?? 0) + 1;
  }
  return counts;
}

type WorkspaceItem = { uri: string; kind: string; items?: Diagnostic[] };

/** A workspace pull with a partial-result token: every item streamed and answered, in order. */
async function workspacePull(client: TestClient, previousResultIds: { uri: string; value: string }[] = []): Promise<WorkspaceItem[]> {
  const token = `pull-${Math.random()}`;
  const items: WorkspaceItem[] = [];
  const listening = client.connection.onProgress(new ProgressType<{ items: WorkspaceItem[] }>(), token, (partial) => {
    items.push(...partial.items);
  });
  const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds, partialResultToken: token })) as { items: WorkspaceItem[] };
  listening.dispose();
  return [...items, ...report.items];
}

const relative = (folder: string, items: WorkspaceItem[]) => items.map((item) => item.uri.slice(fileUri(folder).length + 1)).sort();

describe('the workspace scan', () => {
  test('a push client gets every matching file exactly once, and none that is ignored', async () => {
    const folder = tree(HOSTS_TREE);
    const client = await start(folder, PUSH);
    try {
      await scanEnded(client);
      await client.waitUntil(() => (Object.keys(publishCounts(client, folder)).length >= LINTED.length ? true : undefined), 'the files');
      assert.deepEqual(publishCounts(client, folder), Object.fromEntries(LINTED.map((path) => [path, 1])));
      // The drop-in's DG202 needs the host's daemon.json: the host was read whole before it was published.
      const dropIn = client.published.find((p) => p.uri.endsWith('override.conf'))!;
      assert.deepEqual(dropIn.diagnostics.map((d) => d.code), ['DG202']);
      assert.ok(client.log.some((line) => /: 6 file\(s\) read of \d+ in \d+ ms/.test(line)), client.log.join('\n'));
    } finally {
      await client.stop();
    }
  });

  test('a client that refuses the progress still gets every file', async () => {
    const folder = tree(HOSTS_TREE);
    const client = await start(folder, PUSH, { refuseProgress: true });
    try {
      await client.waitUntil(() => (Object.keys(publishCounts(client, folder)).length >= LINTED.length ? true : undefined), 'the files');
      assert.ok(client.log.some((line) => line.includes("could not show the scan's progress")));
    } finally {
      await client.stop();
    }
  });

  test('a pull client streams each file once through workspace/diagnostic, and the open file through its own pull', async () => {
    const folder = tree(HOSTS_TREE);
    const configurationRequests: (string | undefined)[] = [];
    const client = await start(folder, PULL, { configuration: (_section, scopeUri) => (configurationRequests.push(scopeUri), {}) });
    try {
      const open = fileUri(join(folder, 'h1/etc/docker/daemon.json'));
      client.open(open, ICC_ON);
      const pulled = await client.pull(open);
      assert.ok(pulled.some((d) => d.code === 'DG202'), 'the open file is answered with its machine read');
      const items = await workspacePull(client);
      assert.deepEqual(relative(folder, items), LINTED.filter((path) => path !== 'h1/etc/docker/daemon.json'));
      // One request for the folder, of two sections (dockguard, and files for files.exclude).
      assert.deepEqual(configurationRequests, [fileUri(folder), fileUri(folder)]);
    } finally {
      await client.stop();
    }
  });

  test('a request sent while the scan runs is answered before the scan ends', async () => {
    const folder = bigTree(600);
    const client = await start(folder, PULL);
    try {
      await client.waitUntil(() => (client.progress.some((p) => p.value.kind === 'begin') ? true : undefined), 'the scan to begin');
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(join(folder, 'nowhere/daemon.json')) }, position: { line: 0, character: 0 } });
      assert.equal(client.progress.some((p) => p.value.kind === 'end'), false, 'the hover was answered while the scan ran');
      await scanEnded(client);
    } finally {
      await client.stop();
    }
  });

  test('cancelling the progress stops the scan', async () => {
    const folder = bigTree(600);
    const client = await start(folder, PULL);
    try {
      const begin = await client.waitUntil(() => client.progress.find((p) => p.value.kind === 'begin'), 'the scan to begin');
      assert.equal(begin.value.cancellable, true);
      await client.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
      await scanEnded(client);
      const line = await client.waitUntil(() => client.log.find((l) => l.includes('scan cancelled')), 'the cancel to be logged');
      const read = Number(/scan cancelled, (\d+) file/.exec(line)![1]);
      assert.ok(read < 1200, `stopped after ${read} of 1200 files`);
      assert.equal((await workspacePull(client)).length, read);
    } finally {
      await client.stop();
    }
  });

  test('dockguard.scope openFiles reads no folder and reports only the open file, until it is workspace again', async () => {
    const folder = tree(HOSTS_TREE);
    let scope = 'openFiles';
    const client = await start(folder, PULL, { configuration: () => ({ scope }) });
    try {
      await scanEnded(client);
      const open = fileUri(join(folder, 'h1/etc/docker/daemon.json'));
      client.open(open, ICC_ON);
      // Its machine is read for the cross-file rules, but only the open file is listed.
      assert.ok((await client.pull(open)).some((d) => d.code === 'DG202'));
      assert.deepEqual(await workspacePull(client), []);
      scope = 'workspace';
      const refreshed = client.waitForRefresh();
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await refreshed;
      await client.waitUntil(() => (client.progress.filter((p) => p.value.kind === 'end').length === 2 ? true : undefined), 'the second scan');
      assert.deepEqual(relative(folder, await workspacePull(client)), LINTED.filter((path) => path !== 'h1/etc/docker/daemon.json'));
    } finally {
      await client.stop();
    }
  });
});

describe('kept current', () => {
  test('editing a daemon.json on disk re-lints the unit of its host; deleting a file clears its diagnostics', async () => {
    const folder = tree(HOSTS_TREE);
    const client = await start(folder, PUSH);
    try {
      await scanEnded(client);
      const dropIn = fileUri(join(folder, 'h1/etc/systemd/system/docker.service.d/override.conf'));
      const daemonJson = join(folder, 'h1/etc/docker/daemon.json');
      await client.waitForPublished(dropIn, (d) => d.some((x) => x.code === 'DG202'));
      writeFileSync(daemonJson, '{}\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(daemonJson), type: 2 }] });
      await client.waitForPublished(dropIn, (d) => d.length === 0);

      unlinkSync(join(folder, 'configs/daemon.json'));
      const gone = fileUri(join(folder, 'configs/daemon.json'));
      await client.waitForPublished(gone, (d) => d.length > 0);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: gone, type: 3 }] });
      await client.waitForPublished(gone, (d) => d.length === 0);
    } finally {
      await client.stop();
    }
  });

  test('an up-to-date workspace pull is held until a file changes, and a deleted file is cleared in it', async () => {
    const folder = tree(HOSTS_TREE);
    const client = await start(folder, PULL);
    try {
      const first = await workspacePull(client);
      const previous = first.map((item) => ({ uri: item.uri, value: (item as { resultId?: string }).resultId! }));
      // Nothing changed: VS Code's next pull is answered only when something does.
      let answered = false;
      const held = workspacePull(client, previous).finally(() => (answered = true));
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: first[0].uri }, position: { line: 0, character: 0 } });
      assert.equal(answered, false);
      const gone = join(folder, 'configs/daemon.json');
      unlinkSync(gone);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(gone), type: 3 }] });
      const next = await held;
      assert.deepEqual(next.find((item) => item.uri === fileUri(gone)), { kind: 'full', uri: fileUri(gone), version: null, items: [] });
      assert.ok(next.filter((item) => item.uri !== fileUri(gone)).every((item) => item.kind === 'unchanged'));
    } finally {
      await client.stop();
    }
  });

  test('a .dockguard.yaml change re-lints only the files under it', async () => {
    const folder = tree({ 'a/daemon.json': ICC_ON, 'b/daemon.json': ICC_ON });
    const client = await start(folder, PUSH);
    try {
      const a = fileUri(join(folder, 'a/daemon.json'));
      await client.waitForPublished(fileUri(join(folder, 'b/daemon.json')), (d) => d.some((x) => x.code === 'DG103'));
      await client.waitForPublished(a, (d) => d.some((x) => x.code === 'DG103'));
      const seen = client.published.length;
      write(folder, 'a/.dockguard.yaml', 'rules:\n  DG103: off\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'a/.dockguard.yaml')), type: 1 }] });
      await client.waitForPublished(a, (d) => !d.some((x) => x.code === 'DG103'));
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 0 } });
      assert.deepEqual(client.published.slice(seen).map((p) => p.uri).sort(), [fileUri(join(folder, 'a/.dockguard.yaml')), a]);
    } finally {
      await client.stop();
    }
  });

  test('500 files changed in one burst are linted and published once each', async () => {
    const folder = bigTree(250);
    const client = await start(folder, PUSH);
    try {
      await scanEnded(client);
      await client.waitUntil(() => (client.published.length >= 500 ? true : undefined), 'the scan to publish');
      const seen = client.published.length;
      const changes = [];
      for (let i = 0; i < 250; i++) {
        write(folder, `hosts/h${i}/etc/docker/daemon.json`, '{"icc": false}\n');
        write(folder, `hosts/h${i}/etc/systemd/system/docker.service.d/override.conf`, '[Service]\n');
        changes.push({ uri: fileUri(join(folder, `hosts/h${i}/etc/docker/daemon.json`)), type: 2 });
        changes.push({ uri: fileUri(join(folder, `hosts/h${i}/etc/systemd/system/docker.service.d/override.conf`)), type: 2 });
      }
      // All daemon.json first, then the drop-ins: a host's two files come in different notifications.
      changes.sort((a, b) => Number(b.uri.endsWith('.json')) - Number(a.uri.endsWith('.json')));
      for (let i = 0; i < 500; i += 100) void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.slice(i, i + 100) });
      await client.waitUntil(() => (client.published.length >= seen + 500 ? true : undefined), 'the burst to be published');
      // Whatever a second lint would publish comes right after: a hover answered later shows there is none.
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: changes[0].uri }, position: { line: 0, character: 0 } });
      const counts = new Map<string, number>();
      for (const { uri } of client.published.slice(seen)) counts.set(uri, (counts.get(uri) ?? 0) + 1);
      assert.equal(counts.size, 500);
      assert.deepEqual(new Set(counts.values()), new Set([1]));
    } finally {
      await client.stop();
    }
  });

  test('a workspace folder added at run time is scanned, and a removed one is cleared', async () => {
    const first = tree({ 'a/daemon.json': ICC_ON });
    const second = tree({ 'b/daemon.json': ICC_ON });
    const client = await start(first, PUSH);
    try {
      const secondUri = fileUri(join(second, 'b/daemon.json'));
      await client.waitForPublished(fileUri(join(first, 'a/daemon.json')));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(second), name: 'second' }], removed: [] } });
      await client.waitForPublished(secondUri, (d) => d.some((x) => x.code === 'DG103'));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(second), name: 'second' }] } });
      await client.waitForPublished(secondUri, (d) => d.length === 0);
    } finally {
      await client.stop();
    }
  });

  test('the status notification counts errors and warnings and names the profile', async () => {
    const folder = tree({ 'h1/etc/docker/daemon.json': ICC_ON, 'h1/etc/systemd/system/docker.service.d/override.conf': DROP_IN });
    const client = await start(folder, PUSH, { configuration: () => ({ profile: 'strict' }) });
    try {
      const status = (await client.waitUntil(() => {
        const last = client.notifications.filter((n) => n.method === STATUS_NOTIFICATION).at(-1)?.params as StatusParams | undefined;
        return last && !last.scanning ? last : undefined;
      }, 'the status after the scan')) as StatusParams;
      const published = client.published.flatMap((p) => p.diagnostics);
      assert.deepEqual(status, {
        errors: published.filter((d) => d.severity === 1).length,
        warnings: published.filter((d) => d.severity === 2).length,
        profile: 'strict',
        scanning: false,
        offerHostCheck: false,
      });
      assert.ok(status.errors >= 2);
    } finally {
      await client.stop();
    }
  });

  test('the log names what was scanned per folder and every internal error with its stack, once', async () => {
    const folder = tree({ 'h1/etc/docker/daemon.json': ICC_ON });
    const client = await start(folder, PUSH, { command: [process.execPath, '--import', 'tsx', join(__dirname, 'throwing-server.ts'), '--stdio'] });
    try {
      const uri = fileUri(join(folder, 'h1/etc/docker/daemon.json'));
      await client.waitForPublished(uri, (d) => d.some((x) => x.code === 'DG000'));
      await client.waitUntil(() => client.log.find((line) => line.startsWith(`${folder}: 1 file(s) read of 1 in `)), 'the scan to be logged');
      // A settings change publishes the cached findings again: the same failure is not logged twice.
      const published = client.published.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.waitUntil(() => (client.published.length > published ? true : undefined), 'the publication after the settings change');
      const failures = client.log.filter((line) => line.includes('rule DG999 (always-throws) failed'));
      assert.equal(failures.length, 1, failures.join('\n'));
      assert.match(failures[0], /boom\n\s+at .*throwing-server\.ts/);
    } finally {
      await client.stop();
    }
  });
});
