// Runs a measurement several times and keeps the median: this machine is shared and noisy, so one
// run says little; medians of runs taken in the same process, next to a baseline, say more.

/** One benchmark row: a figure for Warmline and for its baseline, measured the same way. */
export interface BenchRow {
  readonly name: string;
  readonly unit: string;
  /** Median over runs of what the baseline achieved. */
  readonly baseline: number;
  /** Median over runs of what Warmline achieved. */
  readonly warmline: number;
  /** True when bigger is better (throughput), false for latencies. */
  readonly higherIsBetter: boolean;
  readonly note: string;
}

/** The median of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** Runs `once` `runs` times (after one unmeasured warm-up) and returns the median result. */
export async function medianOf(runs: number, once: () => Promise<number>): Promise<number> {
  await once();
  const results: number[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  return median(results);
}

/** How Warmline compares with its baseline: the ratio, oriented so > 1 means "costs more". */
export function overhead(row: BenchRow): number {
  return row.higherIsBetter ? row.baseline / row.warmline : row.warmline / row.baseline;
}
