/**
 * The audit rules benchmark (issue 14, "Speed"): a host's rules.d with a fragment of ~2,000 distinct
 * rules (every rule auditctl loads from the corpus' files, de-duplicated, then generated watches) and
 * a base fragment. Measures a keystroke in the middle of the big fragment (flipping one watch's
 * `-p wa`/`-p rwa`: the parser reuses the rules of the lines before it and reads the moved ones
 * again) → its diagnostics, through the engine's incremental Project and over a real LSP connection.
 * Target: ≤ 5 ms median (after 20 untimed keystrokes in-process).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withDefaults } from '../server/src/engine/options';
import { Project } from '../server/src/engine/project';
import { parseAudit } from '../server/src/formats/audit/parse';
import { loads } from '../server/src/formats/audit/rule';
import { movedControl } from '../server/src/model/audit-rules';
import { REGISTRY } from '../server/src/registry';
import { ruleIdentity } from '../server/src/rules/audit-rules/dg404-duplicate-audit-rule';
import { CORPUS } from '../test/corpus-location';
import { fileUri, SERVER_JS, startClient } from '../test/lsp/harness';
import { formatMs, percentile } from './stats';

const LINES = 2000;
const ROUNDS = 200;
/** Untimed keystrokes first: the JIT warming up is not typing. */
const WARM_UP = 20;
const LSP_ROUNDS = 40;
const options = withDefaults({ profile: 'all' });
const BASE = '-D\n-b 8192\n-f 1\n-e 2\n';

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** The corpus' loadable rules, each once, then `-w` watches up to `LINES`; the watch to flip is in the middle. */
export function benchRules(): { text: string; fromCorpus: number } {
  const lines: string[] = [];
  const seen = new Set<string>();
  const folder = CORPUS && join(CORPUS, 'audit-rules');
  for (const path of folder ? walk(folder) : []) {
    const file = parseAudit(path, readFileSync(path, 'utf8'));
    for (const rule of file.rules) {
      const identity = loads(rule) && !movedControl(rule) ? ruleIdentity(rule) : undefined;
      if (identity === undefined || seen.has(identity)) continue;
      seen.add(identity);
      lines.push(file.text.slice(rule.span.start, rule.span.end));
    }
  }
  const fromCorpus = lines.length;
  for (let i = 0; lines.length < LINES - 1; i++) lines.push(`-w /srv/app${i}/config -p wa -k app${i % 10}`);
  const kept = lines.slice(0, LINES - 1);
  kept.splice(FLIP_LINE, 0, FLIP);
  return { text: kept.join('\n') + '\n', fromCorpus };
}

const FLIP = '-w /srv/bench/flip -p wa -k bench';
const FLIP_LINE = LINES / 2;
const flip = (text: string, on: boolean) => (on ? text.replace(FLIP, FLIP.replace('-p wa', '-p rwa')) : text);

interface Figures {
  findings: number;
  keystrokeMs: number;
}

function engineFigures(root: string, text: string): Figures {
  const path = join(root, 'etc/audit/rules.d/50-bench.rules');
  const project = new Project(REGISTRY);
  project.set({ path: join(root, 'etc/audit/rules.d/10-base.rules'), kind: 'audit', text: BASE });
  project.set({ path, kind: 'audit', text });
  const findings = project.findings(path, options).findings.length;
  const keystrokes: number[] = [];
  for (let i = 0; i < WARM_UP + ROUNDS; i++) {
    const t = performance.now();
    project.set({ path, kind: 'audit', text: flip(text, i % 2 === 0) });
    project.findings(path, options);
    if (i >= WARM_UP) keystrokes.push(performance.now() - t);
  }
  return { findings, keystrokeMs: percentile(keystrokes, 50) };
}

async function lspFigures(root: string, text: string): Promise<Figures> {
  const uri = fileUri(join(root, 'etc/audit/rules.d/50-bench.rules'));
  const client = await startClient({ command: [process.execPath, SERVER_JS, '--stdio'], configuration: () => ({ profile: 'all' }) });
  try {
    client.open(fileUri(join(root, 'etc/audit/rules.d/10-base.rules')), BASE, 'audit-rules');
    client.open(uri, text, 'audit-rules');
    const findings = (await client.pull(uri)).length;
    const character = '-w /srv/bench/flip -p '.length;
    let perms = 'wa';
    const keystrokes: number[] = [];
    for (let i = 0; i < LSP_ROUNDS; i++) {
      const next = perms === 'wa' ? 'rwa' : 'wa';
      const t = performance.now();
      client.changeRange(uri, { start: { line: FLIP_LINE, character }, end: { line: FLIP_LINE, character: character + perms.length } }, next);
      await client.pull(uri);
      keystrokes.push(performance.now() - t);
      perms = next;
    }
    return { findings, keystrokeMs: percentile(keystrokes, 50) };
  } finally {
    await client.stop();
  }
}

/** Runs both measurements and returns a markdown table, printing nothing itself. */
export async function runAuditBenchmark(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'dockguard-audit-bench-'));
  try {
    const { text, fromCorpus } = benchRules();
    const engine = engineFigures(root, text);
    const lsp = await lspFigures(root, text);
    return [
      `rules.d fragment of ${LINES} distinct rules (${Math.min(fromCorpus, LINES - 1)} from the corpus, the rest generated watches; ${engine.findings} findings, profile all) beside a base fragment, a keystroke on line ${FLIP_LINE + 1}; target ≤ 5 ms median`,
      '',
      '| figure | engine (Project) | over LSP (pull) |',
      '|---|---|---|',
      `| keystroke in the fragment → its diagnostics, median | ${formatMs(engine.keystrokeMs)} ms (${ROUNDS}) | ${formatMs(lsp.keystrokeMs)} ms (${LSP_ROUNDS}) |`,
    ].join('\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runAuditBenchmark().then(
    (report) => console.log(report),
    (error: Error) => {
      console.error(error.stack);
      process.exitCode = 1;
    },
  );
}
