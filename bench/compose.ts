/**
 * The Compose benchmark (issues 12 and 13, "Speed"): a typical Compose file (~60 lines, two services
 * merging an anchor) and a large one (~5,000 lines, a service per ~25 lines merging it). Edit to
 * diagnostics: a keystroke flipping `read_only: true`/`false` in the first service, then the file's
 * findings, through the engine's incremental Project (what the server runs per keystroke) and over a
 * real LSP connection; the peers (compose-peers.ts) on the same files and the same edits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../server/src/engine/project';
import { withDefaults } from '../server/src/engine/options';
import { REGISTRY } from '../server/src/registry';
import { fileUri, SERVER_JS, startClient } from '../test/lsp/harness';
import { peerOverLsp, yamlLanguageServiceInProcess, type FlipEdit, type PeerFigures } from './compose-peers';
import { formatMs, formatRatio, peakRssMb, percentile, type BenchOptions } from './stats';
const options = withDefaults({ profile: 'all' });

/** One service of ~25 lines: ports, volumes, environment, limits, a health check. */
function service(name: string, index: number, readOnly: boolean): string {
  return `  ${name}:
    <<: *defaults
    image: registry.internal/${name}:1.${index}.0
    read_only: ${readOnly}
    user: "10${String(index).padStart(3, '0')}:10${String(index).padStart(3, '0')}"
    ports:
      - "127.0.0.1:${10000 + index}:8080"   # the service's API
    volumes:
      - ${name}-data:/var/lib/${name}
      - ./config/${name}.yaml:/etc/${name}/config.yaml:ro
    environment:
      LOG_LEVEL: info
      DB_HOST: db
      DB_PASSWORD: \${${name.toUpperCase().replace(/-/g, '_')}_DB_PASSWORD}
    mem_limit: 256m
    cpus: 0.5
    pids_limit: 200
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]
      interval: 30s
      timeout: 5s
      retries: 3
    depends_on:
      - db
    tmpfs:
      - /tmp
`;
}

const HEADER = `x-defaults: &defaults
  restart: on-failure:5
  cap_drop: [ALL]
  security_opt: ["no-new-privileges:true"]
  logging:
    driver: json-file
    options: {max-size: 10m, max-file: "3"}

services:
`;

export function benchCompose(services: number): string {
  const names = Array.from({ length: services }, (_, i) => `svc-${i}`);
  return HEADER + names.map((name, i) => service(name, i, true)).join('') + `volumes:\n${names.map((n) => `  ${n}-data: {}\n`).join('')}`;
}

/** How many rounds each figure takes (after its untimed warm-up ones); a debounce makes a round slow. */
function roundsOf(options: BenchOptions) {
  const q = options.quick;
  return {
    engine: { rounds: q ? 40 : 200, warmup: 20 },
    lsp: { rounds: q ? 10 : 40, warmup: q ? 5 : 20 },
    yamlLsp: { rounds: q ? 5 : 20, warmup: q ? 2 : 5 },
    yamlInProcess: { rounds: q ? 10 : 40, warmup: 5 },
    composeShipped: { rounds: q ? 3 : 8, warmup: 2 },
    composeNoDelay: { rounds: q ? 10 : 40, warmup: q ? 5 : 20 },
  };
}

/** The first service's `read_only: ` value: the text the keystroke flips. */
function flipOf(text: string): FlipEdit {
  const at = text.indexOf('read_only: ') + 'read_only: '.length;
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1, flipped: `${before}false${text.slice(at + 'true'.length)}` };
}

function engineMs(path: string, text: string, edit: FlipEdit, { rounds, warmup }: { rounds: number; warmup: number }): { ms: number; findings: number } {
  const project = new Project(REGISTRY);
  project.set({ path, kind: 'compose', text });
  const findings = project.findings(path, options).findings.length;
  const samples: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const t = performance.now();
    project.set({ path, kind: 'compose', text: i % 2 === 0 ? edit.flipped : text });
    project.findings(path, options);
    if (i >= warmup) samples.push(performance.now() - t);
  }
  return { ms: percentile(samples, 50), findings };
}

async function lspFigures(path: string, text: string, edit: FlipEdit, { rounds, warmup }: { rounds: number; warmup: number }): Promise<PeerFigures> {
  const uri = fileUri(path);
  const client = await startClient({ command: [process.execPath, SERVER_JS, '--stdio'], configuration: () => ({ profile: 'all' }) });
  try {
    client.open(uri, text, 'dockercompose');
    await client.pull(uri);
    let value = 'true';
    const samples: number[] = [];
    for (let i = 0; i < warmup + rounds; i++) {
      const next = value === 'true' ? 'false' : 'true';
      const t = performance.now();
      client.changeRange(uri, { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + value.length } }, next);
      const diagnostics = await client.pull(uri);
      if (i >= warmup) samples.push(performance.now() - t);
      // The answer must follow the edit (DG313 on `read_only: false`), or the timing measures a stale one.
      if (diagnostics.some((d) => d.code === 'DG313') !== (next === 'false')) throw new Error('the Compose file was not re-linted after the edit');
      value = next;
    }
    return { medianMs: percentile(samples, 50), rounds, peakRssMb: peakRssMb(client.process.pid!) };
  } finally {
    await client.stop();
  }
}

const ms = (f: PeerFigures) => (typeof f.medianMs === 'number' ? `${formatMs(f.medianMs)} ms (${f.rounds})` : f.medianMs);
const mb = (f: PeerFigures) => (f.peakRssMb === undefined ? '–' : `${f.peakRssMb.toFixed(0)} MB`);
/** A ratio far below 1 keeps two significant digits (0.0046), not two decimals (0.00). */
const ratio = (a: PeerFigures, b: PeerFigures) => {
  if (typeof a.medianMs !== 'number' || typeof b.medianMs !== 'number') return '–';
  return a.medianMs / b.medianMs < 0.1 ? (a.medianMs / b.medianMs).toPrecision(2) : formatRatio(a.medianMs, b.medianMs);
};

/** Both files, ours and the peers in the same run; a markdown table (medians, rounds in brackets). */
export async function runComposeBenchmark(benchOptions: BenchOptions = { quick: false }): Promise<string> {
  const rounds = roundsOf(benchOptions);
  const columns: { name: string; lines: number; findings: number; figures: Record<string, PeerFigures> }[] = [];
  for (const [name, services] of [['typical', 2], ['large', 196]] as const) {
    const dir = mkdtempSync(join(tmpdir(), `dockguard-compose-bench-${name}-`));
    try {
      const path = join(dir, 'compose.yaml');
      const text = benchCompose(services);
      const edit = flipOf(text);
      const engine = engineMs(path, text, edit, rounds.engine);
      const figures: Record<string, PeerFigures> = {
        engine: { medianMs: engine.ms, rounds: rounds.engine.rounds },
        lsp: await lspFigures(path, text, edit, rounds.lsp),
        yamlLsp: await peerOverLsp('yaml-language-server', dir, text, edit, rounds.yamlLsp.rounds, rounds.yamlLsp.warmup),
        yamlInProcess: await yamlLanguageServiceInProcess(dir, text, edit, rounds.yamlInProcess.rounds, rounds.yamlInProcess.warmup),
        composeShipped: await peerOverLsp('compose-language-service', dir, text, edit, rounds.composeShipped.rounds, rounds.composeShipped.warmup),
        composeNoDelay: await peerOverLsp('compose-language-service', dir, text, edit, rounds.composeNoDelay.rounds, rounds.composeNoDelay.warmup, 0),
      };
      columns.push({ name, lines: text.split('\n').length - 1, findings: engine.findings, figures });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const row = (label: string, cell: (f: Record<string, PeerFigures>) => string) => `| ${label} | ${columns.map((c) => cell(c.figures)).join(' | ')} |`;
  return [
    `| figure (median, rounds) | ${columns.map((c) => `${c.name} (${c.lines.toLocaleString('en')} lines, ${c.findings} findings)`).join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    row('dockguard: edit → diagnostics over LSP (pull)', (f) => ms(f.lsp)),
    row('dockguard: edit → findings in-process (Project)', (f) => ms(f.engine)),
    row('yaml-language-server: edit → diagnostics over LSP, as shipped (~200 ms debounce)', (f) => ms(f.yamlLsp)),
    row('yaml-language-server: `doValidation` in-process (no timer)', (f) => ms(f.yamlInProcess)),
    row('compose-language-service: edit → diagnostics over LSP, as shipped (1 s delay, syntax only)', (f) => ms(f.composeShipped)),
    row('compose-language-service: over LSP with `diagnosticDelay: 0` (no timer)', (f) => ms(f.composeNoDelay)),
    row('ratio dockguard LSP / yaml-language-server LSP as shipped', (f) => ratio(f.lsp, f.yamlLsp)),
    row('ratio dockguard LSP / yaml-language-server `doValidation`', (f) => ratio(f.lsp, f.yamlInProcess)),
    row('ratio dockguard in-process / yaml-language-server `doValidation`', (f) => ratio(f.engine, f.yamlInProcess)),
    row('ratio dockguard LSP / compose-language-service as shipped', (f) => ratio(f.lsp, f.composeShipped)),
    row('ratio dockguard LSP / compose-language-service without its delay', (f) => ratio(f.lsp, f.composeNoDelay)),
    row('peak RSS: dockguard / yaml-language-server / compose-language-service (no delay)', (f) => `${mb(f.lsp)} / ${mb(f.yamlLsp)} / ${mb(f.composeNoDelay)}`),
  ].join('\n');
}
