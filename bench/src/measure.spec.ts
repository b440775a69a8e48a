import { median, medianOf, overhead, quantile } from './measure.js';
import { renderTable } from './table.js';

describe('measure', () => {
  it('takes medians and nearest-rank quantiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(() => median([])).toThrow(RangeError);
  });

  it('discards the warm-up run and returns the median of the rest', async () => {
    const results = [1_000, 3, 1, 2];
    expect(await medianOf(3, async () => results.shift()!)).toBe(2);
  });

  it('orients the cost ratio so that more than 1 means Warmline pays more', () => {
    const base = { name: 'x', unit: 'u', note: '' };
    expect(overhead({ ...base, baseline: 100, warmline: 50, higherIsBetter: true })).toBe(2);
    expect(overhead({ ...base, baseline: 1, warmline: 3, higherIsBetter: false })).toBe(3);
  });

  it('renders a table with the baseline beside Warmline', () => {
    const text = renderTable(
      [
        {
          name: 'codec',
          unit: 'ops/s',
          baseline: 200_000,
          warmline: 300_000,
          higherIsBetter: true,
          note: 'JSON',
        },
      ],
      5,
    );
    expect(text).toContain('medians of 5 runs');
    expect(text).toMatch(/codec\s+ops\/s\s+200,000\s+300,000\s+0\.67\s+JSON/);
  });
});
