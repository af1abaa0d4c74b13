/**
 * Code-action latency over LSP (issue 10, "Done when"): on each file of examples/insecure-host, the
 * quick fixes of each fixable diagnostic (as VS Code's light bulb asks: the diagnostic in the
 * context, no `only`) and `source.fixAll.dockguard`, timed from request to response. Target p50 ≤
 * 5 ms. The same on one host of the generated 10,000-file workspace: the cost must not grow with it. The peer, in the same run: VS Code's JSON language server formatting the example daemon.json,
 * re-indented to 4 spaces (an edit on every line): the nearest request it has to a whole-file fix (its own code action is a constant "Sort JSON").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, SERVER_JS, startClient, type TestClient } from '../test/lsp/harness';
import { FIX_ALL_KIND } from '../server/src/protocol';
import { PEER_SERVER } from './lsp';
import { EDITED_DAEMON_JSON, workspaceAt } from './workspace';
import { EDITED_DROP_IN, pull } from './workspace-lsp';
import { formatMs, formatRatio, percentile, type BenchOptions } from './stats';

const EXAMPLE = join(__dirname, '..', 'examples', 'insecure-host');
const FILES: [path: string, languageId: string][] = [
  ['etc/docker/daemon.json', 'json'],
  ['etc/systemd/system/docker.service.d/override.conf', 'systemd-unit'],
  ['lib/systemd/system/docker.service', 'systemd-unit'],
  ['lib/systemd/system/docker.socket', 'systemd-unit'],
];
const WORKSPACE_FILES: [path: string, languageId: string][] = [
  [EDITED_DAEMON_JSON, 'json'],
  [EDITED_DROP_IN, 'systemd-unit'],
];

interface Timing {
  medianMs: number;
  p95Ms: number;
  /** The median of the peer samples taken between these requests. */
  peerMedianMs: number;
}

/** The peer's requests, one after each of ours, so its samples span the same stretch of the machine's load. */
interface Peer {
  sample(): Promise<number>;
  samples: number[];
}

/** `request` (which times its own request, untimed set-up apart) warmUp times untimed, then `runs` times, each followed by a peer sample; the median and p95. */
async function time(request: (i: number) => Promise<number>, warmUp: number, runs: number, peer: Peer): Promise<Timing> {
  const samples: number[] = [];
  const peerSamples: number[] = [];
  for (let i = 0; i < warmUp + runs; i++) {
    const ms = await request(i);
    if (i < warmUp) continue;
    samples.push(ms);
    peerSamples.push(await peer.sample());
  }
  return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), peerMedianMs: percentile(peerSamples, 50) };
}

/** The time `request` takes to answer. */
async function timed(request: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await request();
  return performance.now() - t;
}

const codeActions = (client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]) =>
  client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;

/** The peer: the JSON server formatting the example daemon.json. */
async function startPeer(warmUp: number): Promise<Peer & { stop(): Promise<void> }> {
  const client = await startClient(PEER_SERVER.start);
  const uri = fileUri(join(EXAMPLE, FILES[0][0]));
  const format = () => client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }) as Promise<unknown[] | null>;
  try {
    await PEER_SERVER.configure?.(client);
    client.open(uri, readFileSync(join(EXAMPLE, FILES[0][0]), 'utf8'));
    await client.pull(uri);
    if (!(await format())?.length) throw new Error('the peer returned no formatting edits: its timing would measure nothing');
    for (let i = 0; i < warmUp; i++) await format();
  } catch (error) {
    await client.stop();
    throw error;
  }
  const samples: number[] = [];
  const sample = async () => {
    const ms = await timed(format);
    samples.push(ms);
    return ms;
  };
  return { samples, sample, stop: () => client.stop() };
}

/**
 * One file's figures. "Repeated" asks again with nothing changed (a cursor moving over the squiggle);
 * "after an edit" first changes the text (a trailing newline comes and goes, the findings stay) and
 * pulls the new diagnostics untimed, as VS Code does, so nothing computed for the old text can answer.
 */
async function measureFile(client: TestClient, root: string, file: string, languageId: string, warmUp: number, runs: number, peer: Peer): Promise<string[]> {
  const uri = fileUri(join(root, file));
  const text = readFileSync(join(root, file), 'utf8');
  client.open(uri, text, languageId);
  let diagnostics = await pull(client, uri);
  let edited = false;
  const edit = async () => {
    edited = !edited;
    client.change(uri, edited ? `${text}\n` : text);
    diagnostics = await pull(client, uri);
  };
  const key = (d: Diagnostic) => `${d.code}:${d.range.start.line + 1}:${d.range.start.character}`;
  const current = (d: Diagnostic) => diagnostics.find((c) => key(c) === key(d) && c.message === d.message)!;
  // Fixable: the diagnostics whose quick fixes include an edit (asked once, untimed).
  const fixable: Diagnostic[] = [];
  let quickFixEdits = 0;
  for (const d of diagnostics) {
    const n = (await codeActions(client, uri, [d])).filter((a) => a.edit).length;
    if (n > 0) fixable.push(d);
    quickFixEdits += n;
  }
  const fixAllEdits = (await codeActions(client, uri, [], [FIX_ALL_KIND])).filter((a) => a.edit).length;
  const label = root === EXAMPLE ? file : `10,000-file workspace: ${file}`;
  const cell = (t: Timing) => `${formatMs(t.medianMs)} (${formatMs(t.p95Ms)}) ms`;
  const rows: string[] = [];
  if (fixable.length > 0) {
    // Every fixable diagnostic is asked about as often, so the slowest one shows.
    const quickRuns = Math.max(runs, fixable.length * 5);
    const perDiagnostic = new Map<string, number[]>();
    const quickFix = (afterEdit: boolean) => async (i: number) => {
      if (afterEdit) await edit();
      const d = current(fixable[i % fixable.length]);
      const ms = await timed(() => codeActions(client, uri, [d]));
      if (afterEdit) perDiagnostic.set(key(d), [...(perDiagnostic.get(key(d)) ?? []), ms]);
      return ms;
    };
    const repeated = await time(quickFix(false), warmUp, quickRuns, peer);
    const afterEdit = await time(quickFix(true), warmUp, quickRuns, peer);
    const [slowest, slowestMs] = [...perDiagnostic].map(([k, v]) => [k, percentile(v, 50)] as const).sort((a, b) => b[1] - a[1])[0];
    rows.push(`| ${label} | quick fix (${fixable.length} fixable; ${quickRuns} requests) | ${quickFixEdits} | ${cell(repeated)} | ${cell(afterEdit)} | ${slowest.split(':').slice(0, 2).join(' line ')}: ${formatMs(slowestMs)} ms | ${formatRatio(afterEdit.medianMs, afterEdit.peerMedianMs)} |`);
  }
  const fixAll = (afterEdit: boolean) => async () => {
    if (afterEdit) await edit();
    return timed(() => codeActions(client, uri, [], [FIX_ALL_KIND]));
  };
  const repeated = await time(fixAll(false), warmUp, runs, peer);
  const afterEdit = await time(fixAll(true), warmUp, runs, peer);
  rows.push(`| ${label} | ${FIX_ALL_KIND} (${runs} requests) | ${fixAllEdits} | ${cell(repeated)} | ${cell(afterEdit)} | | ${formatRatio(afterEdit.medianMs, afterEdit.peerMedianMs)} |`);
  return rows;
}

/** Runs the measurements and returns a markdown table. */
export async function runCodeActionBenchmark({ quick }: BenchOptions): Promise<string> {
  const [warmUp, runs] = quick ? [5, 15] : [10, 40];
  const peer = await startPeer(warmUp);
  const rows = [
    `examples/insecure-host and one host of the generated workspace, profile all; request → response, median (p95) after ${warmUp} untimed requests`,
    '',
    '| file | request | actions with an edit | repeated | after an edit | slowest diagnostic after an edit (median) | after an edit ÷ peer |',
    '|---|---|---|---|---|---|---|',
  ];
  try {
    for (const [root, files] of [[EXAMPLE, FILES], [workspaceAt(1), WORKSPACE_FILES]] as const) {
      const client = await startClient({ command: [process.execPath, SERVER_JS, '--stdio'], workspaceFolder: root, configuration: () => ({ profile: 'all' }) });
      try {
        for (const [file, languageId] of files) rows.push(...(await measureFile(client, root, file, languageId, warmUp, runs, peer)));
      } finally {
        await client.stop();
      }
    }
  } finally {
    await peer.stop();
  }
  rows.push(`| peer: JSON server, textDocument/formatting of ${FILES[0][0]}, one after each timed request above (${peer.samples.length}) | | | ${formatMs(percentile(peer.samples, 50))} (${formatMs(percentile(peer.samples, 95))}) ms | | | |`);
  return rows.join('\n');
}
