// The report as fixed-width text for the terminal: one block per mode, then the comparison.
import { OUTCOME_KINDS } from './call-outcome.js';
import type { LatencySummary } from './percentiles.js';
import { durationText, msText, percentText } from './report-format.js';
import type { ComparisonRow, ModeReport, Report } from './report.js';

const MAX_REASONS = 12;

type Align = 'left' | 'right';

/** The report as a text table (lines joined with "\n", ending with a newline). */
export function renderReportTable(report: Report): string {
  const { scenario } = report;
  const lines = [
    `Warmline simulation report - seed ${scenario.seed}, campaign ${scenario.campaignId}, ${scenario.callsPerMode} calls per mode`,
    ...(scenario.description === null ? [] : [scenario.description]),
    '',
  ];
  for (const mode of report.modes) lines.push(...modeBlock(mode), '');
  if (report.comparison !== null) {
    lines.push(`== comparison: ${report.comparison.map((row) => row.mode).join(' vs ')} ==`);
    const rows: [string, (row: ComparisonRow) => string][] = [
      ['calls', (row) => String(row.calls)],
      ['bridged rate', (row) => percentText(row.bridgedRate)],
      ['abandon rate', (row) => percentText(row.abandonRate)],
      ['appointment rate', (row) => percentText(row.appointmentRate)],
      ['handle time incl. requal. (mean)', (row) => durationText(row.meanHandleTimeMs)],
      ['re-qualification (mean)', (row) => durationText(row.meanRequalificationMs)],
      ['transfers without requal.', (row) => percentText(row.withoutRequalificationShare)],
      ['decisive -> transfer p50 (ms)', (row) => msText(row.transferLatencyP50Ms)],
      ['decisive -> transfer p95 (ms)', (row) => msText(row.transferLatencyP95Ms)],
    ];
    const comparison = report.comparison;
    lines.push(
      ...table(
        ['metric', ...comparison.map((row) => row.mode)],
        rows.map(([label, cell]) => [label, ...comparison.map(cell)]),
        ['left', ...comparison.map((): Align => 'right')],
      ),
      '',
    );
  }
  return lines.join('\n');
}

function modeBlock(mode: ModeReport): string[] {
  const outcomeRows = OUTCOME_KINDS.map((kind) => [
    kind,
    String(mode.outcomes[kind]),
    percentText(mode.calls === 0 ? null : mode.outcomes[kind] / mode.calls),
  ]);
  const reasons = mode.reasons.slice(0, MAX_REASONS);
  const { transfers, appointments } = mode;
  return [
    `== ${mode.mode} (${mode.calls} calls) ==`,
    ...table(['outcome', 'calls', 'share'], outcomeRows, ['left', 'right', 'right']),
    '',
    ...(reasons.length === 0
      ? ['reasons: none']
      : table(
          ['reason', 'outcome', 'calls'],
          reasons.map((r) => [r.reason, r.outcome, String(r.count)]),
          ['left', 'left', 'right'],
        )),
    ...(mode.reasons.length > MAX_REASONS
      ? [`(${mode.reasons.length - MAX_REASONS} more reasons in the JSON report)`]
      : []),
    '',
    `decisive -> transfer command (ms):  ${latencyLine(mode.transferLatencyMs)}`,
    `decisive -> appointment booked (ms): ${latencyLine(mode.appointmentLatencyMs)}`,
    `transfers: ${transfers.connected} connected, ${transfers.withoutRequalification} without re-qualification (${percentText(transfers.withoutRequalificationShare)}), mean re-qualification ${durationText(transfers.meanRequalificationMs)}`,
    `appointments: ${appointments.booked} booked, ${appointments.withConsentWindow} with a consent window, ${appointments.insideConsent} inside it (${percentText(appointments.insideConsentShare)})`,
    `handle time incl. re-qualification: p50 ${durationText(mode.handleTimeMs.p50)}, mean ${durationText(mode.handleTimeMs.mean)}`,
    `faults injected (calls): ${faultLine(mode.faults)}`,
  ];
}

function latencyLine(summary: LatencySummary): string {
  if (summary.count === 0) return 'n=0';
  return `n=${summary.count} p50=${msText(summary.p50)} p95=${msText(summary.p95)} p99=${msText(summary.p99)} min=${msText(summary.min)} max=${msText(summary.max)}`;
}

function faultLine(faults: Readonly<Record<string, number>>): string {
  const entries = Object.entries(faults);
  return entries.length === 0
    ? 'none'
    : entries.map(([name, count]) => `${name} ${count}`).join(', ');
}

/** Rows padded to column widths, a header and a rule of dashes. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string[] {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        align[i] === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}
