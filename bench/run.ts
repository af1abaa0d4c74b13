/** `npm run bench`: every benchmark, one markdown section each (BENCHMARKS.md explains the set-ups). */
import { runLspBenchmark } from './lsp';
import { runSystemdBenchmark } from './systemd';

const BENCHMARKS: [title: string, run: () => Promise<string>][] = [
  ['Language server vs VS Code\'s JSON language server', runLspBenchmark],
  ['systemd units', runSystemdBenchmark],
];

async function main(): Promise<void> {
  for (const [title, run] of BENCHMARKS) console.log(`## ${title}\n\n${await run()}\n`);
}

main().catch((error: Error) => {
  console.error(error.stack);
  process.exitCode = 1;
});
