/** The statistics and number format every benchmark table uses. */

/** The nearest-rank p-th percentile of the samples (50: the median). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Milliseconds as a table shows them: two decimals below 10, whole numbers above. */
export const formatMs = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
