/**
 * The engine and CLI benchmark: lintSources' time per file (median, p95 after a warm-up) on a
 * typical and a large daemon.json (bench/fixtures/), and the CLI's files per second on the daemon.json
 * corpus, each run a new process as a user starts it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { lintSources } from '../server/src/engine/api';
import { withDefaults } from '../server/src/engine/options';
import { CORPUS } from '../test/corpus-location';
import { formatMs, percentile } from './stats';
import { REGISTRY } from '../server/src/registry';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CORPUS_DAEMON_JSON = join(CORPUS ?? join(ROOT, '..', 'shared', 'corpus'), 'daemon-json');
const WARM_UP = 50;
const ENGINE_RUNS = 300;
const CLI_RUNS = 20;

/** lintSources on one daemon.json, the whole rule pack (profile all), after a warm-up. */
export async function runEngineBenchmark(): Promise<string> {
  const rows = ['| file | lines | runs | median | p95 | findings |', '|---|---|---|---|---|---|'];
  for (const name of ['typical', 'large']) {
    const path = join(__dirname, 'fixtures', `${name}.daemon.json`);
    const sources = [{ path, kind: 'daemon-json' as const, text: readFileSync(path, 'utf8') }];
    const options = withDefaults({ profile: 'all' });
    let findings = 0;
    for (let i = 0; i < WARM_UP; i++) findings = lintSources(sources, options, REGISTRY).findings.get(path)?.length ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < ENGINE_RUNS; i++) {
      const start = performance.now();
      lintSources(sources, options, REGISTRY);
      samples.push(performance.now() - start);
    }
    const lines = sources[0].text.split('\n').length - 1;
    rows.push(`| ${name} | ${lines} | ${ENGINE_RUNS} | ${formatMs(percentile(samples, 50))} ms | ${formatMs(percentile(samples, 95))} ms | ${findings} |`);
  }
  return rows.join('\n');
}

/** `node dist/cli.js lint --kind daemon-json <corpus>` as a user runs it: a new process each time. */
export async function runCliBenchmark(): Promise<string> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.mjs\` first`);
  if (!existsSync(CORPUS_DAEMON_JSON)) return `(skipped: no corpus at ${CORPUS_DAEMON_JSON})`;
  const samples: number[] = [];
  let files = 0;
  for (let i = 0; i < CLI_RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'lint', '--kind', 'daemon-json', '--fail-on', 'never', CORPUS_DAEMON_JSON], { encoding: 'utf8' });
    samples.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`the CLI exited ${run.status}: ${run.stderr}`);
    files = Number(/(\d+) files? linted/.exec(run.stdout)?.[1] ?? NaN);
  }
  const empty = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    empty.push(performance.now() - start);
  }
  const median = percentile(samples, 50);
  return [
    '| figure | value |',
    '|---|---|',
    `| files per run (../shared/corpus/daemon-json) | ${files} |`,
    `| wall time per run, median of ${CLI_RUNS} | ${formatMs(median)} ms |`,
    `| wall time per run, p95 | ${formatMs(percentile(samples, 95))} ms |`,
    `| files per second (whole process) | ${(files / (median / 1000)).toFixed(0)} |`,
    `| \`node -e 0\` on the same machine, median | ${formatMs(percentile(empty, 50))} ms |`,
  ].join('\n');
}

/** The machine the numbers were taken on, for BENCHMARKS.md. */
export function machine(): string {
  const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return `${cpus().length} CPUs (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load average ${load}`;
}
