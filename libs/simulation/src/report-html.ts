// The report as one self-contained HTML page: inline CSS, inline SVG charts drawn by svg-chart.ts,
// no script, no external fonts, stylesheets or URLs. Every piece of text is escaped.
import { OUTCOME_KINDS } from './call-outcome.js';
import { escapeHtml } from './html-text.js';
import { durationText, msText, percentText } from './report-format.js';
import type { ModeReport, Report } from './report.js';
import { barChartSvg, type ChartSeries } from './svg-chart.js';
import type { SimulationMode } from './vocabulary.js';

const MODE_COLORS: Readonly<Record<SimulationMode, string>> = {
  warm: '#d9622b',
  cold: '#3b6ea8',
  'appointment-only': '#4f9a5a',
};

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; color: #1d232b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { padding: 0.2rem 0.7rem; border-bottom: 1px solid #dde2e8; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { display: block; margin: 1rem 0; font-size: 12px; }
.chart text { fill: #1d232b; } .chart .chart-title { font-weight: 600; font-size: 13px; }
.chart .value { fill: #56606b; } .chart .axis { stroke: #9aa4ae; }
.muted { color: #56606b; }
`;

/** The report as a complete HTML document. */
export function renderReportHtml(report: Report): string {
  const { scenario } = report;
  const title = `Warmline simulation - ${scenario.campaignId}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">seed ${scenario.seed} · ${scenario.callsPerMode} calls per mode · modes: ${escapeHtml(scenario.modes.join(', '))}</p>`,
    ...(scenario.description === null ? [] : [`<p>${escapeHtml(scenario.description)}</p>`]),
    ...comparisonSection(report),
    '<h2>Outcomes</h2>',
    outcomeChart(report.modes),
    '<h2>Decisive utterance to transfer command</h2>',
    latencyChart(report.modes),
    ...report.modes.flatMap(modeSection),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function comparisonSection(report: Report): string[] {
  if (report.comparison === null) return [];
  const rows = report.comparison;
  const metrics: [string, (row: (typeof rows)[number]) => string][] = [
    ['calls', (row) => String(row.calls)],
    ['bridged rate', (row) => percentText(row.bridgedRate)],
    ['abandon rate', (row) => percentText(row.abandonRate)],
    ['appointment rate', (row) => percentText(row.appointmentRate)],
    ['handle time incl. re-qualification (mean)', (row) => durationText(row.meanHandleTimeMs)],
    ['re-qualification (mean)', (row) => durationText(row.meanRequalificationMs)],
    ['transfers without re-qualification', (row) => percentText(row.withoutRequalificationShare)],
    ['decisive → transfer p50 (ms)', (row) => msText(row.transferLatencyP50Ms)],
    ['decisive → transfer p95 (ms)', (row) => msText(row.transferLatencyP95Ms)],
  ];
  return [
    `<h2>${escapeHtml(rows.map((row) => row.mode).join(' vs '))}</h2>`,
    htmlTable(
      ['metric', ...rows.map((row) => row.mode)],
      metrics.map(([label, cell]) => [label, ...rows.map(cell)]),
    ),
    barChartSvg({
      title: 'Rates by mode',
      groups: ['bridged', 'abandoned', 'appointment'],
      series: rows.map((row) => ({
        name: row.mode,
        color: MODE_COLORS[row.mode],
        values: [row.bridgedRate, row.abandonRate, row.appointmentRate],
      })),
      label: (value) => percentText(value),
    }),
  ];
}

function outcomeChart(modes: readonly ModeReport[]): string {
  const kinds = OUTCOME_KINDS.filter((kind) => modes.some((mode) => mode.outcomes[kind] > 0));
  return barChartSvg({
    title: 'Calls by outcome and mode',
    groups: kinds,
    series: modes.map((mode) => ({
      name: mode.mode,
      color: MODE_COLORS[mode.mode],
      values: kinds.map((kind) => mode.outcomes[kind]),
    })),
    label: (value) => String(value),
  });
}

function latencyChart(modes: readonly ModeReport[]): string {
  const series: ChartSeries[] = modes.map((mode) => ({
    name: mode.mode,
    color: MODE_COLORS[mode.mode],
    values: [mode.transferLatencyMs.p50, mode.transferLatencyMs.p95, mode.transferLatencyMs.p99],
  }));
  return barChartSvg({
    title: 'Latency percentiles (wall-clock ms)',
    groups: ['p50', 'p95', 'p99'],
    series,
    label: (value) => `${Math.round(value)} ms`,
  });
}

function modeSection(mode: ModeReport): string[] {
  const latency = mode.transferLatencyMs;
  const booked = mode.appointmentLatencyMs;
  return [
    `<h2>${escapeHtml(mode.mode)} <span class="muted">(${mode.calls} calls)</span></h2>`,
    htmlTable(
      ['outcome', 'calls', 'share'],
      OUTCOME_KINDS.map((kind) => [
        kind,
        String(mode.outcomes[kind]),
        percentText(mode.calls === 0 ? null : mode.outcomes[kind] / mode.calls),
      ]),
    ),
    '<h3>Reasons</h3>',
    mode.reasons.length === 0
      ? '<p class="muted">none</p>'
      : htmlTable(
          ['reason', 'outcome', 'calls'],
          mode.reasons.map((r) => [r.reason, r.outcome, String(r.count)]),
        ),
    '<h3>Latency and hand-over quality</h3>',
    htmlTable(
      ['measure', 'n', 'p50', 'p95', 'p99', 'min', 'max'],
      [
        ['decisive → transfer command (ms)', ...summaryCells(latency)],
        ['decisive → appointment booked (ms)', ...summaryCells(booked)],
      ],
    ),
    htmlTable(
      ['measure', 'value'],
      [
        ['transfers connected', String(mode.transfers.connected)],
        [
          'without re-qualification',
          `${mode.transfers.withoutRequalification} (${percentText(mode.transfers.withoutRequalificationShare)})`,
        ],
        ['mean re-qualification', durationText(mode.transfers.meanRequalificationMs)],
        ['appointments booked', String(mode.appointments.booked)],
        [
          'inside the consent window',
          `${mode.appointments.insideConsent} of ${mode.appointments.withConsentWindow} (${percentText(mode.appointments.insideConsentShare)})`,
        ],
        ['handle time incl. re-qualification (p50)', durationText(mode.handleTimeMs.p50)],
        [
          'faults injected (calls)',
          Object.entries(mode.faults)
            .map(([name, n]) => `${name} ${n}`)
            .join(', ') || 'none',
        ],
      ],
    ),
  ];
}

function summaryCells(summary: ModeReport['transferLatencyMs']): string[] {
  return [
    String(summary.count),
    msText(summary.p50),
    msText(summary.p95),
    msText(summary.p99),
    msText(summary.min),
    msText(summary.max),
  ];
}

// Cells after the first that read as numbers are right-aligned.
function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = (cell: string) => /^[-\d.,% ]+(ms|s|min)?$|^\d+ \(/.test(cell);
  const head = headers
    .map((h, i) => `<th${i > 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${i > 0 && numeric(cell) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
