// Latency percentiles by the nearest-rank method: the p-th percentile of n sorted values is the
// value at rank ⌈p/100 × n⌉ (1-based). It is always one of the observed values, so it lies within
// [min, max], and it never decreases as p grows.
import { SimulationInputError } from './errors.js';

/** A distribution of milliseconds; every statistic is null when there are no values. */
export interface LatencySummary {
  readonly count: number;
  readonly min: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  readonly mean: number | null;
}

/** The nearest-rank `p`-th percentile (0 < p ≤ 100) of `values`; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new SimulationInputError('p', `p must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[rankOf(p, sorted.length) - 1] as number;
}

/** Count, min, p50, p95, p99, max and mean (rounded to 0.1 ms) of `values`. */
export function summarize(values: readonly number[]): LatencySummary {
  for (const value of values) {
    if (!Number.isFinite(value)) {
      throw new SimulationInputError('values', `latencies must be finite numbers, got ${value}`);
    }
  }
  if (values.length === 0) {
    return { count: 0, min: null, p50: null, p95: null, p99: null, max: null, mean: null };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[rankOf(p, sorted.length) - 1] as number;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    count: sorted.length,
    min: sorted[0] as number,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: sorted.at(-1) as number,
    mean: Math.round(mean * 10) / 10,
  };
}

// p × n first: (p / 100) × n can land a hair above an integer (0.07 × 100 = 7.000000000000001).
function rankOf(p: number, n: number): number {
  return Math.max(1, Math.ceil((p * n) / 100));
}
