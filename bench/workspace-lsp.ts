/**
 * The workspace benchmark's editor half (issue 10 §8): the language server started on the generated
 * 10,000-file workspace (bench/workspace.ts) with one host's daemon.json open. Measures start-up →
 * that file's first diagnostics (the workspace scan included) and keystroke → diagnostics, against
 * two peers in the same run: dockguard on a folder of that host's two files (the cost a keystroke
 * should have, whatever the workspace), and VS Code's JSON language server on the same workspace.
 * 1× only: before issue 10 the server took ~12 s to load it and its load grew as N^2.5.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, SERVER_JS, startClient, withTimeout, type StartOptions, type TestClient } from '../test/lsp/harness';
import { PEER_SERVER } from './lsp';
import { formatMs, formatRatio, peakRssMb, percentile, type BenchOptions } from './stats';
import { EDITED_DAEMON_JSON, EDITED_HOST, workspaceAt } from './workspace';

/** The drop-in whose `--icc` makes DG202 on daemon.json: present in the first diagnostics only if the host was loaded. */
export const EDITED_DROP_IN = `${EDITED_HOST}/etc/systemd/system/docker.service.d/override.conf`;
/** Long enough for the slowest start-up measured (before issue 10: ~12 s, more on a loaded machine). */
const PULL_TIMEOUT_MS = 180_000;

interface Setup {
  name: string;
  start: StartOptions;
  configure?: (client: TestClient) => Promise<void>;
  /** dockguard's answers are checked (cross-file finding on open, DG109 following each edit); the peer's are only timed. */
  checked: boolean;
}

interface Figures {
  startupMs: number;
  medianMs: number;
  p95Ms: number;
  peakRssMb: number;
}

/** A pull that waits as long as a start-up on the big workspace takes (the harness's gives up after 10 s). */
export const pull = async (client: TestClient, uri: string): Promise<Diagnostic[]> =>
  ((await withTimeout(client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), PULL_TIMEOUT_MS, `diagnostics of ${uri}`)) as { items?: Diagnostic[] }).items ?? [];

interface Session {
  setup: Setup;
  client: TestClient;
  uri: string;
  startupMs: number;
  /** Where "log-level"'s value is, and what it is now. */
  line: number;
  character: number;
  level: string;
  times: number[];
}

/** Start the server on `folder`, open its host's daemon.json and pull its diagnostics: the start-up time. */
async function start(setup: Setup, folder: string): Promise<Session> {
  const path = join(folder, EDITED_DAEMON_JSON);
  const uri = fileUri(path);
  const text = readFileSync(path, 'utf8');
  const started = performance.now();
  const client = await startClient({ ...setup.start, workspaceFolder: folder });
  let first: Diagnostic[];
  try {
    await setup.configure?.(client);
    client.open(uri, text);
    first = await pull(client, uri);
  } catch (error) {
    await client.stop();
    throw error;
  }
  const startupMs = performance.now() - started;
  if (setup.checked && !first.some((d) => d.code === 'DG202')) {
    await client.stop();
    throw new Error(`${setup.name}: no DG202 on open, so the host's drop-in was not loaded (${first.map((d) => d.code).join(', ')})`);
  }
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"log-level"'));
  const character = lines[line].indexOf(': "') + 3;
  return { setup, client, uri, startupMs, line, character, level: lines[line].slice(character).startsWith('debug') ? 'debug' : 'info', times: [] };
}

/** One keystroke: flip "log-level" debug ↔ info and time it to the pulled diagnostics. */
async function keystroke(session: Session, timed: boolean): Promise<void> {
  const { client, uri, line, character, level, setup } = session;
  const next = level === 'debug' ? 'info' : 'debug';
  const t = performance.now();
  client.changeRange(uri, { start: { line, character }, end: { line, character: character + level.length } }, next);
  const diagnostics = await pull(client, uri);
  if (timed) session.times.push(performance.now() - t);
  session.level = next;
  if (setup.checked && diagnostics.some((d) => d.code === 'DG109' && d.range.start.line === line) !== (next === 'debug')) throw new Error(`${setup.name}: stale diagnostics after an edit`);
}

const figures = (session: Session): Figures => ({ startupMs: session.startupMs, medianMs: percentile(session.times, 50), p95Ms: percentile(session.times, 95), peakRssMb: peakRssMb(session.client.process.pid!) });

/** A folder holding only the edited host's daemon.json and drop-in, at the same paths. */
function twoFileFolder(workspace: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-two-files-'));
  for (const file of [EDITED_DAEMON_JSON, EDITED_DROP_IN]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(workspace, file), join(dir, file));
  }
  return dir;
}

/** Runs the three set-ups and returns a markdown table. */
export async function runWorkspaceLspBenchmark({ quick }: BenchOptions): Promise<string> {
  const [warmUp, edits] = quick ? [10, 20] : [20, 40];
  const workspace = workspaceAt(1);
  const small = twoFileFolder(workspace);
  const dockguard: Setup = { name: 'dockguard', start: { command: [process.execPath, SERVER_JS, '--stdio'], configuration: () => ({}) }, checked: true };
  const json: Setup = { name: 'JSON server', start: PEER_SERVER.start, configure: PEER_SERVER.configure, checked: false };
  const sessions: Session[] = [];
  try {
    // Start-ups one after the other; then the three servers take turns, keystroke by keystroke, so a change in the machine's load falls on all alike.
    for (const [setup, folder] of [[dockguard, workspace], [dockguard, small], [json, workspace]] as const) sessions.push(await start(setup, folder));
    for (let i = 0; i < warmUp + edits; i++) for (const session of sessions) await keystroke(session, i >= warmUp);
    const [big, two, peer] = sessions.map(figures);
    const row = (figure: string, pick: (f: Figures) => number, unit: string) =>
      `| ${figure} | ${formatMs(pick(big))} ${unit} | ${formatMs(pick(two))} ${unit} | ${formatRatio(pick(big), pick(two))} | ${formatMs(pick(peer))} ${unit} | ${formatRatio(pick(big), pick(peer))} |`;
    return [
      `\`${EDITED_DAEMON_JSON}\` open, profile recommended; keystroke = flipping "log-level" debug ↔ info, didChange → pulled diagnostics, ${edits} timed after ${warmUp} untimed`,
      '',
      '| figure | dockguard, 10,000-file workspace | dockguard, two-file folder | ratio | JSON server, 10,000-file workspace | ratio |',
      '|---|---|---|---|---|---|',
      row('start-up → first diagnostics of the open daemon.json', (f) => f.startupMs, 'ms'),
      row('keystroke → diagnostics, median', (f) => f.medianMs, 'ms'),
      row('keystroke → diagnostics, p95', (f) => f.p95Ms, 'ms'),
      row('peak RSS', (f) => f.peakRssMb, 'MB'),
    ].join('\n');
  } finally {
    for (const session of sessions) await session.client.stop();
    rmSync(small, { recursive: true, force: true });
  }
}
