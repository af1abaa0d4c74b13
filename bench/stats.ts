/** The statistics, number format and options every benchmark shares. */
import { readFileSync } from 'node:fs';

/** The nearest-rank p-th percentile of the samples (50: the median). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Milliseconds as a table shows them: two decimals below 10, whole numbers above. */
export const formatMs = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

/** `a / b` as a table shows a ratio. */
export const formatRatio = (a: number, b: number) => (a / b).toFixed(2);

export interface BenchOptions {
  /** `--quick` (or DOCKGUARD_BENCH_QUICK=1): fewer runs and the largest scales skipped, for a smoke run. */
  quick: boolean;
}

export const benchOptions = (argv = process.argv): BenchOptions => ({ quick: argv.includes('--quick') || process.env.DOCKGUARD_BENCH_QUICK === '1' });

/** Peak resident set size of a process, from /proc (Linux). */
export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}
