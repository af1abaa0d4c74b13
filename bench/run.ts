/**
 * `npm run bench` (after `node esbuild.mjs`): every benchmark, one markdown section each, after the
 * machine they ran on (BENCHMARKS.md explains the set-ups). `--only=engine,cli,lsp,systemd,audit` picks
 * sections. Medians and percentiles only: nothing here passes or fails.
 */
import { machine, runCliBenchmark, runEngineBenchmark } from './engine';
import { runLspBenchmark } from './lsp';
import { runSystemdBenchmark } from './systemd';
import { runAuditBenchmark } from './audit';

const BENCHMARKS: [name: string, title: string, run: () => Promise<string>][] = [
  ['engine', 'Engine: lintSources per daemon.json (profile all, after 50 warm-up runs)', runEngineBenchmark],
  ['cli', 'CLI: whole process, cold, on the daemon.json corpus', runCliBenchmark],
  ['lsp', "Language server vs VS Code's JSON language server", runLspBenchmark],
  ['systemd', 'systemd units', runSystemdBenchmark],
  ['audit', 'Audit rules', runAuditBenchmark],
];

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = only?.filter((name) => !BENCHMARKS.some(([n]) => n === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')} (${BENCHMARKS.map(([n]) => n).join(', ')})`);
  console.log(`Machine: ${machine()}\n`);
  for (const [name, title, run] of BENCHMARKS) {
    if (!only || only.includes(name)) console.log(`## ${title}\n\n${await run()}\n`);
  }
}

main().catch((error: Error) => {
  console.error(error.stack);
  process.exitCode = 1;
});
