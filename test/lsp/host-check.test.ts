/**
 * "dockguard: Check this host" over a real LSP connection: the executeCommand runs host mode on a
 * fixture root (an argument, or the `hostRoot` setting), the client receives exactly the findings
 * `dockguard host` reports, on the fixture's own file URIs, a re-run clears what was fixed, nothing
 * is written, and the status offers the check when a workspace folder is /etc.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CHECK_HOST_COMMAND, STATUS_NOTIFICATION, type CheckHostResult, type StatusParams } from '../../server/src/protocol';
import { runCli } from '../cli/harness';
import { buildRoot, dpkgStatus } from '../host/roots';
import { fileUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, startClient, type TestClient } from './harness';

const clients: TestClient[] = [];
after(() => Promise.all(clients.map((c) => c.stop())));

async function start(options: Parameters<typeof startClient>[0] = {}): Promise<TestClient> {
  const client = await startClient({ workspaceFolder: mkdtempSync(join(tmpdir(), 'dockguard-empty-')), ...options });
  clients.push(client);
  return client;
}

const check = (client: TestClient, args?: unknown[]) => client.connection.sendRequest('workspace/executeCommand', { command: CHECK_HOST_COMMAND, arguments: args }) as Promise<CheckHostResult>;

/** A host with a finding in each of three files: a loose daemon.json, a debug drop-in, an unmaintained engine. */
function looseHost(): string {
  return buildRoot({
    files: {
      'etc/systemd/system/docker.service.d/debug.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock --debug\n',
      'var/lib/dpkg/status': dpkgStatus({ 'docker-ce': '5:24.0.7-1~debian.12~bookworm' }),
    },
    modes: { 'etc/docker/daemon.json': 0o666 },
  });
}

/** What `dockguard host --format json` reports for the root, as the diagnostics the client should hold, by URI. */
function cliFindings(root: string): Map<string, string[]> {
  const json = JSON.parse(runCli(['host', '--root', '.', '--format', 'json', '--fail-on', 'never'], root).stdout) as { findings: { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; message: string }[] };
  const byUri = new Map<string, string[]>();
  for (const f of json.findings) {
    const uri = fileUri(join(root, f.file));
    byUri.set(uri, [...(byUri.get(uri) ?? []), `${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.rule} ${f.message}`]);
  }
  return byUri;
}

const shown = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);

/** The latest diagnostics the client holds per URI, without the empty ones. */
function held(client: TestClient): Map<string, string[]> {
  const latest = new Map<string, Diagnostic[]>();
  for (const p of client.published) latest.set(p.uri, p.diagnostics);
  return new Map([...latest].filter(([, d]) => d.length > 0).map(([uri, d]) => [uri, shown(d)]));
}

/** Every entry below the root with its mode and modification time: what "nothing is written" compares. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((name) => {
    const stat = statSync(join(dir, name));
    return `${name} ${stat.mode.toString(8)} ${stat.mtimeMs}`;
  });
}

describe('dockguard: Check this host (workspace/executeCommand)', () => {
  test('the server offers the command', async () => {
    const client = await start();
    assert.ok(client.initializeResult.capabilities.executeCommandProvider?.commands.includes(CHECK_HOST_COMMAND));
  });

  for (const [mode, capabilities] of [['push', PUSH_CAPABILITIES], ['pull', PULL_CAPABILITIES]] as const) {
    test(`a ${mode} client receives exactly the host's findings on its files, and nothing is written`, async () => {
      const root = looseHost();
      const expected = cliFindings(root);
      assert.deepEqual([...expected.keys()].sort(), ['etc/docker/daemon.json', 'etc/systemd/system/docker.service.d/debug.conf', 'var/lib/dpkg/status'].map((f) => fileUri(join(root, f))));
      const before = snapshot(root);
      const client = await start({ capabilities });
      const result = await check(client, [{ root }]);
      assert.deepEqual(result, { root, files: 8, errors: 0, warnings: [...expected.values()].flat().length, infos: 0 });
      await client.waitUntil(() => (held(client).size === expected.size ? true : undefined), 'the host diagnostics');
      assert.deepEqual(held(client), expected);
      const published = client.published.find((p) => p.uri === fileUri(join(root, 'etc/docker/daemon.json')))!.diagnostics;
      assert.deepEqual([published[0].source, published[0].codeDescription?.href, published[0].severity], ['dockguard', 'https://github.com/dockguard/dockguard/blob/main/docs/rules/DG508.md', 2]);
      assert.deepEqual(client.messages.at(-1), { type: 3, message: `dockguard: checked the host at ${root}: 8 files, 0 errors, 3 warnings, 0 info (in the Problems view)` });
      assert.deepEqual(snapshot(root), before);
    });
  }

  test('a re-run clears the files whose findings were fixed and keeps the others', async () => {
    const root = looseHost();
    const client = await start({ capabilities: PUSH_CAPABILITIES });
    await check(client, [{ root }]);
    const daemonJson = fileUri(join(root, 'etc/docker/daemon.json'));
    await client.waitForPublished(daemonJson, (d) => d.length === 1);
    chmodSync(join(root, 'etc/docker/daemon.json'), 0o644);
    const published = client.published.length;
    const result = await check(client, [{ root }]);
    assert.equal((result as { warnings: number }).warnings, 2);
    await client.waitForPublished(daemonJson, (d) => d.length === 0);
    assert.deepEqual(held(client), cliFindings(root));
    // The clear is one notification per file that had findings: the others are sent again, once.
    assert.deepEqual(client.published.slice(published).map((p) => [p.uri.slice(fileUri(root).length), p.diagnostics.length]).sort(), [
      ['/etc/docker/daemon.json', 0],
      ['/etc/systemd/system/docker.service.d/debug.conf', 1],
      ['/var/lib/dpkg/status', 1],
    ]);
  });

  test('without an argument, checks the root the hostRoot setting names', async () => {
    const root = looseHost();
    const client = await start({ capabilities: PUSH_CAPABILITIES, configuration: (section) => (section === 'dockguard' ? { hostRoot: root } : null) });
    const result = await check(client);
    assert.equal(result.root, root);
    await client.waitUntil(() => (held(client).size === 3 ? true : undefined), 'the host diagnostics');
    assert.deepEqual(held(client), cliFindings(root));
  });

  test('a root that is not a folder is an error message and an answer that says so, not a crash', async () => {
    const client = await start({ capabilities: PUSH_CAPABILITIES });
    const missing = join(tmpdir(), 'dockguard-no-such-root');
    assert.deepEqual(await check(client, [{ root: missing }]), { root: missing, problem: `${missing} is not a folder: there is no host to check there` });
    assert.deepEqual(client.messages.at(-1), { type: 1, message: `dockguard: ${missing} is not a folder: there is no host to check there` });
    const root = looseHost();
    assert.equal((await check(client, [{ root }]) as { warnings: number }).warnings, 3);
  });

  test('the status offers the check when a workspace folder is /etc, and not elsewhere', async () => {
    const status = async (client: TestClient) =>
      (await client.waitUntil(() => client.notifications.filter((n) => n.method === STATUS_NOTIFICATION).map((n) => n.params as StatusParams).find((s) => !s.scanning), 'the status')) as StatusParams;
    assert.equal((await status(await start({ capabilities: PUSH_CAPABILITIES }))).offerHostCheck, false);
    // openFiles: the test reads nothing of the machine's /etc.
    const etc = await start({ capabilities: PUSH_CAPABILITIES, workspaceFolder: '/etc', configuration: (section) => (section === 'dockguard' ? { scope: 'openFiles' } : null) });
    assert.equal((await status(etc)).offerHostCheck, true);
  });
});
