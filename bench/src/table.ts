// The benchmark table, as printed: one row per measurement, baseline beside Warmline, the ratio.
import { overhead, type BenchRow } from './measure.js';

/** A fixed-width text table of the rows. */
export function renderTable(rows: readonly BenchRow[], runs: number): string {
  const header = ['benchmark', 'unit', 'baseline', 'warmline', 'cost ×', 'baseline is'];
  const body = rows.map((r) => [
    r.name,
    r.unit,
    format(r.baseline),
    format(r.warmline),
    overhead(r).toFixed(2),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ');
  return [
    `medians of ${runs} runs; "cost ×" = how many times the baseline's cost Warmline's path pays`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n');
}

function format(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(3);
}
