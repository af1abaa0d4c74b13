/**
 * The workspace benchmark's batch half (issue 10 §8): the generated workspace (bench/workspace.ts)
 * linted at 1×, 2× and 4× its files, in-process through the Project the server keeps and through
 * the CLI's lintFiles, and the CLI as a whole process. Cost must grow with the files (a ratio of ~2
 * per doubling); the peer is a walk that reads the same files and lints nothing, measured in the
 * same run, so the machine's own growth (caches, GC) shows apart from the engine's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigResolver } from '../server/src/cli/config';
import { lintFiles } from '../server/src/cli/lint-files';
import { findFiles } from '../server/src/cli/sources';
import { loadSource } from '../server/src/engine/files';
import { withDefaults } from '../server/src/engine/options';
import { Project } from '../server/src/engine/project';
import { knownRuleIds } from '../server/src/engine/registry';
import { REGISTRY } from '../server/src/registry';
import { formatMs, formatRatio, percentile, type BenchOptions } from './stats';
import { relevantFiles, totalFiles, workspaceAt } from './workspace';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
/**
 * A path whose median at one scale is above this is not run at the next: before issue 10 the
 * server's load grew as N^2.5 (1,000 files 11.6 s, 2,000 files 80 s), and minutes of waiting
 * measure nothing more than the ratio already shows.
 */
const BUDGET_MS = 8_000;
const options = withDefaults();
/** Each path runs once, untimed, on a workspace this size first, so the 1× point pays less for the JIT (not all: BENCHMARKS.md). */
const WARM_UP_SCALE = 0.1;

interface Lint {
  files: number;
  findings: number;
}

/** The floor: the walk and the reads every path below does, and no linting. */
function readOnly(dir: string): Lint {
  const files = findFiles([dir], REGISTRY, new ConfigResolver(dir, knownRuleIds(REGISTRY)));
  for (const file of files) loadSource(file.path, file.kind);
  return { files: files.length, findings: 0 };
}

/** What the server does on start: each file set as the scan sets it (asking which files it affects, before and after), then every file's findings. */
function projectLint(dir: string): Lint {
  const project = new Project(REGISTRY);
  const files = findFiles([dir], REGISTRY, new ConfigResolver(dir, knownRuleIds(REGISTRY)));
  for (const file of files) {
    project.machineFiles(file.path);
    project.set(loadSource(file.path, file.kind).source);
    project.machineFiles(file.path);
  }
  let findings = 0;
  for (const file of files) findings += project.findings(file.path, options).findings.length;
  return { files: files.length, findings };
}

/** The CLI's lint without the process: the walk, the config lookup, the lint and the fixability checks. */
function cliLint(dir: string): Lint {
  const configs = new ConfigResolver(dir, knownRuleIds(REGISTRY));
  const outcome = lintFiles({ files: findFiles([dir], REGISTRY, configs), configs, overrides: {}, registry: REGISTRY });
  let findings = 0;
  for (const list of outcome.findings.values()) findings += list.length;
  return { files: outcome.sources.length, findings };
}

type Point = { ms: number; lint: Lint } | { skipped: string };

/**
 * Every path at every scale, the paths taking turns within each run so a change in the machine's
 * load falls on all of them alike. A path is not run at a scale after its median at the previous
 * one passed the budget.
 */
function measure(paths: readonly ((dir: string) => Lint)[], scales: number[], runs: number): Point[][] {
  for (const run of paths) run(workspaceAt(WARM_UP_SCALE));
  const points: Point[][] = paths.map(() => []);
  scales.forEach((scale, s) => {
    const dir = workspaceAt(scale);
    const skipped = paths.map((_, p) => {
      const previous = points[p][s - 1];
      if (previous && 'skipped' in previous) return previous.skipped;
      if (previous && previous.ms > BUDGET_MS) return `not run: ${scales[s - 1]}× took ${(previous.ms / 1000).toFixed(1)} s`;
      return undefined;
    });
    const samples: number[][] = paths.map(() => []);
    const lints: Lint[] = [];
    for (let i = 0; i < runs; i++) {
      paths.forEach((run, p) => {
        if (skipped[p] !== undefined) return;
        const start = performance.now();
        lints[p] = run(dir);
        samples[p].push(performance.now() - start);
        if (lints[p].files !== relevantFiles(scale)) throw new Error(`${run.name} found ${lints[p].files} files at ${scale}×, not ${relevantFiles(scale)} (node_modules not skipped?)`);
      });
    }
    paths.forEach((_, p) => points[p].push(skipped[p] !== undefined ? { skipped: skipped[p]! } : { ms: percentile(samples[p], 50), lint: lints[p] }));
  });
  return points;
}

const cell = (p: Point) => ('skipped' in p ? `(${p.skipped})` : `${formatMs(p.ms)} ms`);
const growth = (a: Point | undefined, b: Point | undefined) => (a && b && 'ms' in a && 'ms' in b ? formatRatio(b.ms, a.ms) : '–');

/** In-process lint at each scale; returns a markdown table. */
export async function runScaleBenchmark({ quick }: BenchOptions): Promise<string> {
  const scales = quick ? [1, 2] : [1, 2, 4];
  const runs = quick ? 1 : 3;
  const paths: [string, (dir: string) => Lint][] = [
    ['walk + read, no lint (peer)', readOnly],
    ['Project, as the server loads a workspace', projectLint],
    ["lintFiles, the CLI's lint in-process", cliLint],
  ];
  const header = scales.map((s) => `${s}× (${totalFiles(s).toLocaleString('en')} files, ${relevantFiles(s).toLocaleString('en')} linted)`);
  const rows = [
    `| path, median of ${runs} | ${header.join(' | ')} | ${scales.slice(1).map((s) => `${s}×/${s / 2}×`).join(' | ')} | ÷ peer at 1× |`,
    `|---|${scales.map(() => '---|').join('')}${scales.slice(1).map(() => '---|').join('')}---|`,
  ];
  const findings: string[] = [];
  const points = measure(paths.map(([, run]) => run), scales, runs);
  const peer = points[0];
  paths.forEach(([name], p) => {
    const [first, peerFirst] = [points[p][0], peer[0]];
    const vsPeer = 'ms' in first && 'ms' in peerFirst ? formatRatio(first.ms, peerFirst.ms) : '–';
    rows.push(`| ${name} | ${points[p].map(cell).join(' | ')} | ${scales.slice(1).map((_, i) => growth(points[p][i], points[p][i + 1])).join(' | ')} | ${vsPeer} |`);
    if (p > 0) findings.push(`${name.split(',')[0]}: ${points[p].map((pt) => ('lint' in pt ? pt.lint.findings.toLocaleString('en') : '–')).join(' / ')}`);
  });
  return `${rows.join('\n')}\n\nFindings at ${scales.map((s) => `${s}×`).join(' / ')}: ${findings.join('; ')}. Linear growth is a ratio of ~2.00 per doubling.`;
}

/** The median time of each command as a new node process, the commands taking turns within each run. */
function timeProcesses(commands: string[][], runs: number): number[] {
  const samples: number[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, c) => {
      const start = performance.now();
      const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
      samples[c].push(performance.now() - start);
      if (run.status !== 0) throw new Error(`node ${args.slice(0, 2).join(' ')} exited ${run.status}: ${run.stderr}`);
    });
  }
  return samples.map((s) => percentile(s, 50));
}

/** The peer process: node walking the tree as the CLI does and reading the files it would lint. */
const WALK = `const fs = require('fs'), path = require('path');
const linted = /(daemon[^/]*\\.json|\\.(service|socket)|\\.d\\/[^/]*\\.conf)$/;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== '.git') walk(full); }
    else if (linted.test(full)) fs.readFileSync(full);
  }
})(process.argv[1]);`;

/** `node dist/cli.js lint --format json --fail-on never DIR`, a new process each run; returns a markdown table. */
export async function runCliWorkspaceBenchmark({ quick }: BenchOptions): Promise<string> {
  const scales = quick ? [1] : [1, 2];
  const runs = quick ? 3 : 5;
  const rows = [`| figure, median of ${runs} | ${scales.map((s) => `${s}× (${relevantFiles(s).toLocaleString('en')} linted)`).join(' | ')} |`, `|---|${scales.map(() => '---|').join('')}`];
  const timings = scales.map((s) => {
    const lint = [CLI, 'lint', '--format', 'json', '--fail-on', 'never', workspaceAt(s)];
    // One untimed run, to check the CLI lints exactly the workspace's files (node_modules skipped).
    const files = JSON.parse(spawnSync(process.execPath, lint, { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout).files;
    if (files !== relevantFiles(s)) throw new Error(`the CLI linted ${files} files at ${s}×, not ${relevantFiles(s)}`);
    return timeProcesses([lint, ['-e', WALK, workspaceAt(s)], ['-e', '0']], runs);
  });
  const [cli, walk, empty] = [0, 1, 2].map((c) => timings.map((t) => t[c]));
  rows.push(`| \`dockguard lint --format json --fail-on never DIR\` | ${cli.map((ms) => `${formatMs(ms)} ms`).join(' | ')} |`);
  rows.push(`| peer: \`node -e\` walking the tree and reading the same files | ${walk.map((ms) => `${formatMs(ms)} ms`).join(' | ')} |`);
  rows.push(`| ratio dockguard / peer | ${cli.map((ms, i) => formatRatio(ms, walk[i])).join(' | ')} |`);
  rows.push(`| \`node -e 0\` | ${empty.map((ms) => `${formatMs(ms)} ms`).join(' | ')} |`);
  return rows.join('\n');
}
