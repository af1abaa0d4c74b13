/**
 * `npm run bench` (after `node esbuild.mjs`): every benchmark, one markdown section each, after the
 * machine they ran on (BENCHMARKS.md explains the set-ups). `--only=engine,cli,lsp,compose,…` picks
 * sections; `--quick` (or DOCKGUARD_BENCH_QUICK=1) runs fewer rounds and skips the largest
 * workspace. Medians and percentiles only: nothing here passes or fails.
 */
import { runCodeActionBenchmark } from './code-actions';
import { runComposeBenchmark } from './compose';
import { machine, runCliBenchmark, runEngineBenchmark } from './engine';
import { runLspBenchmark } from './lsp';
import { runCliWorkspaceBenchmark, runScaleBenchmark } from './scale';
import { benchOptions, type BenchOptions } from './stats';
import { runSystemdBenchmark } from './systemd';
import { runAuditBenchmark } from './audit';
import { runWorkspaceLspBenchmark } from './workspace-lsp';
import { runWorkspaceScanBenchmark } from './workspace-scan';

const BENCHMARKS: [name: string, title: string, run: (options: BenchOptions) => Promise<string>][] = [
  ['engine', 'Engine: lintSources per daemon.json (profile all, after 50 warm-up runs)', runEngineBenchmark],
  ['cli', 'CLI: whole process, cold, on the daemon.json corpus', runCliBenchmark],
  ['lsp', "Language server vs VS Code's JSON language server", runLspBenchmark],
  ['systemd', 'systemd units', runSystemdBenchmark],
  ['audit', 'Audit rules', runAuditBenchmark],
  ['code-actions', 'Code actions over LSP: quick fix and fix-all', runCodeActionBenchmark],
  ['workspace', 'The 10,000-file workspace in-process at 1×, 2×, 4× (profile recommended)', runScaleBenchmark],
  ['workspace-cli', 'The 10,000-file workspace: CLI whole process (profile recommended)', runCliWorkspaceBenchmark],
  ['workspace-lsp', 'The 10,000-file workspace over LSP: start-up and keystroke', runWorkspaceLspBenchmark],
  ['compose', 'Compose files: edit to diagnostics, against yaml-language-server and compose-language-service', runComposeBenchmark],
  ['workspace-scan', 'The workspace scan and the file watcher over LSP (issue 15)', runWorkspaceScanBenchmark],
];

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = only?.filter((name) => !BENCHMARKS.some(([n]) => n === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')} (${BENCHMARKS.map(([n]) => n).join(', ')})`);
  const options = benchOptions();
  console.log(`Machine: ${machine()}${options.quick ? ' (--quick)' : ''}\n`);
  for (const [name, title, run] of BENCHMARKS) {
    if (!only || only.includes(name)) console.log(`## ${title}\n\n${await run(options)}\n`);
  }
}

main().catch((error: Error) => {
  console.error(error.stack);
  process.exitCode = 1;
});
