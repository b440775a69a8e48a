import fc from 'fast-check';
import { percentile, summarize } from './percentiles.js';

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ⌈p/100 × n⌉ of the sorted values', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
  });

  it('does not round up on floating-point noise (7 % of 100 values is rank 7)', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 7)).toBe(7);
    expect(percentile(values, 29)).toBe(29);
  });

  it('is null for no values and refuses p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 0)).toThrow(/p must be in/);
    expect(() => percentile([1], 101)).toThrow(/p must be in/);
  });
});

describe('summarize', () => {
  it('summarises latencies', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i + 1) * 10);
    expect(summarize(values)).toEqual({
      count: 200,
      min: 10,
      p50: 1_000,
      p95: 1_900,
      p99: 1_980,
      max: 2_000,
      mean: 1_005,
    });
  });

  it('has only nulls for no values and refuses non-finite ones', () => {
    expect(summarize([])).toEqual({
      count: 0,
      min: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
      mean: null,
    });
    expect(() => summarize([1, Number.NaN])).toThrow(/finite/);
  });

  it('keeps p50 ≤ p95 ≤ p99 within [min, max], whatever the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const s = summarize(values);
          expect(s.min).toBe(Math.min(...values));
          expect(s.max).toBe(Math.max(...values));
          expect(s.min! <= s.p50! && s.p50! <= s.p95! && s.p95! <= s.p99! && s.p99! <= s.max!).toBe(
            true,
          );
          expect(values).toContain(s.p95);
        },
      ),
    );
  });
});
