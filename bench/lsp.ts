/**
 * The language server benchmark: dockguard's server against VS Code's own JSON language server
 * (vscode-langservers-extracted, pull mode, daemon.schema.json mapped to daemon.json), over real
 * LSP connections, on the same files and the same edits. Measures the time from `didChange` to the
 * new diagnostics (median and p95), start-up to first diagnostics, and peak RSS (VmHWM).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, startClient, SERVER_JS, type StartOptions, type TestClient } from '../test/lsp/harness';
import { formatMs, peakRssMb, percentile } from './stats';

const ROOT = join(__dirname, '..');
const SCHEMA = join(ROOT, 'schemas', 'daemon.schema.json');
const PEER = join(ROOT, 'node_modules', '.bin', 'vscode-json-language-server');
const EDITS = 40;
/**
 * Edits before the typing figures, for both servers alike: the first ones measure the JIT warming
 * up, not typing. The very first edit is reported on its own row ("first edit after open").
 */
const WARMUP_EDITS = 50;

export interface ServerUnderTest {
  name: string;
  start: StartOptions;
  /** Sent after `initialized` (the peer's schema mapping). */
  configure?: (client: TestClient) => Promise<void>;
}

const DOCKGUARD: ServerUnderTest = { name: 'dockguard', start: { command: [process.execPath, SERVER_JS, '--stdio'], configuration: () => ({ profile: 'all' }) } };

export const PEER_SERVER: ServerUnderTest = {
  name: 'vscode-json-language-server',
  start: { command: [PEER, '--stdio'], initializationOptions: { handledSchemaProtocols: ['file'] }, configuration: () => null },
  configure: (client) =>
    client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { json: { validate: { enable: true }, schemas: [{ fileMatch: ['daemon.json'], url: fileUri(SCHEMA) }] } },
    }),
};

/** A typical daemon.json (the hardened example's keys and a few more) and a large one (~5,000 lines). */
export function benchFiles(): { name: string; text: string }[] {
  const typical = readFileSync(join(ROOT, 'examples', 'insecure-host', 'etc', 'docker', 'daemon.json'), 'utf8');
  // Long lists that are not findings: the cost measured is the server's, not the report's size.
  const mirrors = Array.from({ length: 2_400 }, (_, i) => `    "https://mirror-${i}.registry.internal"`);
  const labels = Array.from({ length: 2_500 }, (_, i) => `    "rack=r${i}"`);
  const large = `{\n  "icc": true,\n  "log-level": "info",\n  "registry-mirrors": [\n${mirrors.join(',\n')}\n  ],\n  "labels": [\n${labels.join(',\n')}\n  ],\n  "live-restore": true\n}\n`;
  return [
    { name: `typical (${typical.split('\n').length} lines)`, text: typical },
    { name: `large (${large.split('\n').length} lines)`, text: large },
  ];
}

interface Figures {
  startupMs: number;
  firstEditMs: number;
  medianMs: number;
  p95Ms: number;
  peakRssMb: number;
  diagnostics: number;
}

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  return client.pull(uri);
}

/** One server, one file: start, first diagnostics, WARMUP_EDITS untimed edits, then EDITS timed edits, each followed by a pull. */
async function measure(server: ServerUnderTest, text: string, dir: string): Promise<Figures> {
  const started = performance.now();
  const client = await startClient(server.start);
  try {
    await server.configure?.(client);
    const uri = fileUri(join(dir, 'daemon.json'));
    client.open(uri, text);
    const first = await pull(client, uri);
    const startupMs = performance.now() - started;
    // Each edit flips the value of "icc" (line 1), as a person toggling a setting would.
    const line = text.split('\n').findIndex((l) => l.includes('"icc"'));
    const column = text.split('\n')[line].indexOf(':') + 2;
    let current = text.split('\n')[line].slice(column).startsWith('true') ? 'true' : 'false';
    const times: number[] = [];
    let firstEditMs = NaN;
    for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
      const next = current === 'true' ? 'false' : 'true';
      const t = performance.now();
      client.changeRange(uri, { start: { line, character: column }, end: { line, character: column + current.length } }, next);
      await pull(client, uri);
      if (i === 0) firstEditMs = performance.now() - t;
      if (i >= WARMUP_EDITS) times.push(performance.now() - t);
      current = next;
    }
    return { startupMs, firstEditMs, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), peakRssMb: peakRssMb(client.process.pid!), diagnostics: first.length };
  } finally {
    await client.stop();
  }
}

/** The peer's timings mean nothing unless it validates: a mistyped key must give it a diagnostic. */
async function checkPeerValidates(dir: string): Promise<void> {
  const client = await startClient(PEER_SERVER.start);
  try {
    await PEER_SERVER.configure?.(client);
    const uri = fileUri(join(dir, 'daemon.json'));
    client.open(uri, '{\n  "live-restor": true\n}\n');
    const diagnostics = await pull(client, uri);
    if (!diagnostics.some((d) => String(d.message).includes('live-restor') || String(d.message).includes('not allowed'))) {
      throw new Error(`the peer does not validate daemon.json against the schema (got ${JSON.stringify(diagnostics)})`);
    }
  } finally {
    await client.stop();
  }
}

/** Runs the comparison and returns the report (a markdown table), printing nothing itself. */
export async function runLspBenchmark(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-bench-'));
  try {
    await checkPeerValidates(dir);
    const rows = ['| file | figure | dockguard | VS Code JSON server | ratio |', '|---|---|---|---|---|'];
    for (const file of benchFiles()) {
      const ours = await measure(DOCKGUARD, file.text, dir);
      const peer = await measure(PEER_SERVER, file.text, dir);
      const row = (figure: string, a: number, b: number, unit: string) => rows.push(`| ${file.name} | ${figure} | ${formatMs(a)} ${unit} | ${formatMs(b)} ${unit} | ${(a / b).toFixed(2)} |`);
      row(`didChange → diagnostics, median of ${EDITS} (after ${WARMUP_EDITS} untimed)`, ours.medianMs, peer.medianMs, 'ms');
      row(`didChange → diagnostics, p95 of ${EDITS} (after ${WARMUP_EDITS} untimed)`, ours.p95Ms, peer.p95Ms, 'ms');
      row('first edit after open (cold)', ours.firstEditMs, peer.firstEditMs, 'ms');
      row('start-up → first diagnostics', ours.startupMs, peer.startupMs, 'ms');
      row('peak RSS', ours.peakRssMb, peer.peakRssMb, 'MB');
      rows.push(`| ${file.name} | diagnostics on open | ${ours.diagnostics} (whole rule pack, profile all) | ${peer.diagnostics} (schema) | |`);
    }
    return rows.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runLspBenchmark().then(
    (report) => console.log(report),
    (error: Error) => {
      console.error(error.stack);
      process.exitCode = 1;
    },
  );
}
