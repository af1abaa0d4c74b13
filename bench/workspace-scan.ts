/**
 * The workspace scan and the file watcher on the generated workspace (issue 15): spawn → the
 * diagnostics of every relevant file (a VS Code-like pull client streaming `workspace/diagnostic`,
 * and a push client), spawn → the complete diagnostics of a daemon.json opened at start, peak RSS,
 * at 1×, 2× and 4×; then, on the 1× workspace, a change on disk → new diagnostics published for a
 * file nothing depends on, for a host's daemon.json and its dependents, and for a 500-file burst.
 * `DOCKGUARD_SERVERS=before.js,after.js` compares builds: they take turns run by run, so a change in the
 * machine's load falls on both, and each cell reads `before → after` (medians of 3 runs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressType, type ClientCapabilities, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, SERVER_JS, startClient, withTimeout, type TestClient } from '../test/lsp/harness';
import { benchOptions, formatMs, peakRssMb, percentile, type BenchOptions } from './stats';
import { EDITED_DAEMON_JSON, HOSTS, relevantFiles, workspaceAt } from './workspace';

const SERVERS = (process.env.DOCKGUARD_SERVERS ?? SERVER_JS).split(',');
const TIMEOUT_MS = 300_000;

/** What VS Code's client declares beyond the harness's: progress and workspace folder changes. */
const withVsCodeWorkspace = (capabilities: ClientCapabilities): ClientCapabilities => ({
  ...capabilities,
  window: { ...capabilities.window, workDoneProgress: true },
  workspace: { ...capabilities.workspace, workspaceFolders: true },
});

const start = (server: string, folder: string, capabilities: ClientCapabilities) =>
  startClient({ command: [process.execPath, server, '--stdio'], workspaceFolder: folder, capabilities: withVsCodeWorkspace(capabilities), configuration: () => ({}) });

/** Resolves when `check` holds, re-checked on every message. */
const whenPublished = (client: TestClient, check: () => boolean) => client.waitUntil(() => (check() ? true : undefined), 'publications', TIMEOUT_MS);

/** Spawn → every relevant file's diagnostics through one streamed workspace pull. */
async function pullAll(server: string, folder: string, expected: number): Promise<{ ms: number; rss: number; files: number }> {
  const started = performance.now();
  const client = await start(server, folder, PULL_CAPABILITIES);
  try {
    const uris = new Set<string>();
    const collect = (items: { uri: string }[]) => items.forEach((item) => uris.add(item.uri));
    client.connection.onProgress(new ProgressType<{ items: { uri: string }[] }>(), 'all', (partial: { items: { uri: string }[] }) => collect(partial.items));
    const report = (await withTimeout(client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [], partialResultToken: 'all' }), TIMEOUT_MS, 'the workspace pull')) as { items: { uri: string }[] };
    collect(report.items);
    // A server that answered before its scan ended is asked again after its refresh.
    while (uris.size < expected) {
      await client.waitForRefresh(TIMEOUT_MS);
      collect(((await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string }[] }).items);
    }
    return { ms: performance.now() - started, rss: peakRssMb(client.process.pid!), files: uris.size };
  } finally {
    await client.stop();
  }
}

/** Spawn → every relevant file's diagnostics pushed. */
async function pushAll(server: string, folder: string, expected: number): Promise<number> {
  const started = performance.now();
  const client = await start(server, folder, PUSH_CAPABILITIES);
  try {
    await whenPublished(client, () => new Set(client.published.map((p) => p.uri)).size >= expected);
    return performance.now() - started;
  } finally {
    await client.stop();
  }
}

/** Spawn → the opened daemon.json's diagnostics, complete (DG202 needs its host's drop-in). */
async function openAtStart(server: string, folder: string): Promise<{ spawn: number; initialized: number }> {
  const path = join(folder, EDITED_DAEMON_JSON);
  const uri = fileUri(path);
  const started = performance.now();
  const client = await start(server, folder, PULL_CAPABILITIES);
  const initialized = performance.now();
  try {
    client.open(uri, readFileSync(path, 'utf8'));
    const diagnostics = (await withTimeout(client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), TIMEOUT_MS, 'the open file')) as { items: Diagnostic[] };
    const done = performance.now();
    if (!diagnostics.items.some((d) => d.code === 'DG202')) throw new Error(`no DG202 on open: its machine was not read (${diagnostics.items.map((d) => d.code).join(', ')})`);
    return { spawn: done - started, initialized: done - initialized };
  } finally {
    await client.stop();
  }
}

/** Rewrites files on disk (a setting flipped, a comment added or removed), notifies, and times until each of `awaited` is published anew. */
async function change(client: TestClient, folder: string, files: string[], awaited: string[], notifications = 1): Promise<{ ms: number; maxPublishes: number }> {
  for (const file of files) {
    const path = join(folder, file);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.includes('"live-restore": true') ? text.replace('"live-restore": true', '"live-restore": false') : text.includes('"live-restore": false') ? text.replace('"live-restore": false', '"live-restore": true') : text.endsWith('# touched\n') ? text.slice(0, -10) : `${text}# touched\n`);
  }
  const seen = client.published.length;
  const uris = new Set(awaited.map((file) => fileUri(join(folder, file))));
  const started = performance.now();
  const changes = files.map((file) => ({ uri: fileUri(join(folder, file)), type: 2 }));
  const size = Math.ceil(changes.length / notifications);
  for (let i = 0; i < changes.length; i += size) void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.slice(i, i + size) });
  const fresh = () => client.published.slice(seen);
  await whenPublished(client, () => [...uris].every((uri) => fresh().some((p: PublishDiagnosticsParams) => p.uri === uri)));
  const ms = performance.now() - started;
  // Anything still in flight for these files would count as a second lint.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const counts = new Map<string, number>();
  for (const p of fresh()) if (uris.has(p.uri)) counts.set(p.uri, (counts.get(p.uri) ?? 0) + 1);
  return { ms, maxPublishes: Math.max(...counts.values()) };
}

const host = (i: number) => `hosts/h${String(i).padStart(4, '0')}`;
const hostFiles = (i: number) => [`${host(i)}/etc/docker/daemon.json`, `${host(i)}/lib/systemd/system/docker.service`, `${host(i)}/etc/systemd/system/docker.service.d/override.conf`];

async function watcher(server: string, folder: string, runs: number): Promise<[string, string][]> {
  const client = await start(server, folder, PUSH_CAPABILITIES);
  try {
    await whenPublished(client, () => new Set(client.published.map((p) => p.uri)).size >= relevantFiles(1));
    const lone: number[] = [];
    const dependents: number[] = [];
    for (let i = 0; i < runs; i++) {
      const file = `configs/c${String(i).padStart(4, '0')}/daemon.json`;
      lone.push((await change(client, folder, [file], [file])).ms);
      dependents.push((await change(client, folder, [hostFiles(i + 1)[0]], hostFiles(i + 1))).ms);
    }
    // A branch switch: 200 hosts' daemon.json, then their drop-ins, then the 100 lone daemon.json, in 5 notifications
    // (a host's two files arrive in different notifications, as a watcher reports them).
    const hosts = Array.from({ length: 200 }, (_, i) => hostFiles(HOSTS - 200 + i));
    const unique = [...hosts.map((files) => files[0]), ...hosts.map((files) => files[2]), ...Array.from({ length: 100 }, (_, i) => `configs/c${String(i).padStart(4, '0')}/daemon.json`)];
    const burstAwaited = [...hosts.flat(), ...unique.filter((file) => file.startsWith('configs/'))];
    const burst = await change(client, folder, unique, burstAwaited, 5);
    return [
      [`change on disk → published, a file nothing depends on, median of ${runs}`, `${formatMs(percentile(lone, 50))} ms`],
      [`change on disk → published, a host's daemon.json and its 2 dependents, median of ${runs}`, `${formatMs(percentile(dependents, 50))} ms`],
      [`burst of ${unique.length} changed files in 5 notifications → ${burstAwaited.length} files published`, `${formatMs(burst.ms)} ms, each file published ≤ ${burst.maxPublishes}×`],
    ];
  } finally {
    await client.stop();
  }
}

interface Run {
  pull: number;
  push: number;
  open: number;
  openInitialized: number;
  rss: number;
}

export async function runWorkspaceScanBenchmark({ quick }: BenchOptions): Promise<string> {
  const scales = quick ? [1] : [1, 2, 4];
  const runs = quick ? 1 : 3;
  const results = new Map<string, Run[]>();
  for (const scale of scales) {
    const folder = workspaceAt(scale);
    for (let run = 0; run < runs; run++) {
      for (const server of SERVERS) {
        const pulled = await pullAll(server, folder, relevantFiles(scale));
        const pushed = await pushAll(server, folder, relevantFiles(scale));
        const open = await openAtStart(server, folder);
        const key = `${server}\u0000${scale}`;
        results.set(key, [...(results.get(key) ?? []), { pull: pulled.ms, push: pushed, open: open.spawn, openInitialized: open.initialized, rss: pulled.rss }]);
      }
    }
  }
  const cell = (scale: number, pick: (run: Run) => number, unit: string) => SERVERS.map((server) => `${formatMs(percentile(results.get(`${server}\u0000${scale}`)!.map(pick), 50))} ${unit}`).join(' → ');
  const row = (figure: string, pick: (run: Run) => number, unit = 'ms') => `| ${figure} | ${scales.map((scale) => cell(scale, pick, unit)).join(' | ')} |`;
  const lines = [
    `| figure | ${scales.map((s) => `${s}× (${relevantFiles(s)} relevant files)`).join(' | ')} |`,
    `|---|${scales.map(() => '---|').join('')}`,
    row('spawn → all diagnostics, streamed workspace pull', (r) => r.pull),
    row('spawn → all diagnostics, push', (r) => r.push),
    row("spawn → an opened daemon.json's complete diagnostics", (r) => r.open),
    row('initialize answered → the same', (r) => r.openInitialized),
    row('peak RSS (pull run)', (r) => r.rss, 'MB'),
    '',
    `| watcher (1×, push client) | ${SERVERS.map((_, i) => (SERVERS.length > 1 ? ['before', 'after'][i] ?? String(i) : 'dockguard')).join(' | ')} |`,
    `|---|${SERVERS.map(() => '---|').join('')}`,
  ];
  const watched = [];
  for (const server of SERVERS) watched.push(await watcher(server, workspaceAt(1), quick ? 5 : 20));
  for (let i = 0; i < watched[0].length; i++) lines.push(`| ${watched[0][i][0]} | ${watched.map((w) => w[i][1]).join(' | ')} |`);
  return `${lines.join('\n')}\n\n(servers: ${SERVERS.join(', ')})`;
}

if (require.main === module) {
  runWorkspaceScanBenchmark(benchOptions()).then(
    (table) => console.log(table),
    (error: Error) => {
      console.error(error.stack);
      process.exitCode = 1;
    },
  );
}
