// Hand-drawn SVG charts for the HTML report: grouped horizontal bars (one group per category, one
// bar per series). Inline and self-contained: no xmlns URL, no fonts, no script.
import { escapeHtml } from './html-text.js';

/** One series of a grouped bar chart, e.g. one mode. */
export interface ChartSeries {
  readonly name: string;
  readonly color: string;
  /** One value per group, same order as the groups; null draws no bar. */
  readonly values: readonly (number | null)[];
}

/** What to draw. */
export interface BarChart {
  readonly title: string;
  readonly groups: readonly string[];
  readonly series: readonly ChartSeries[];
  /** How a value is labelled at the end of its bar. */
  readonly label: (value: number) => string;
}

const WIDTH = 760;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 80;
const BAR_HEIGHT = 14;
const BAR_GAP = 2;
const GROUP_GAP = 12;
const TOP = 44;

/** The chart as an `<svg>` element. */
export function barChartSvg(chart: BarChart): string {
  const values = chart.series.flatMap((series) =>
    series.values.filter((v): v is number => v !== null),
  );
  const max = Math.max(1, ...values);
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const groupHeight = chart.series.length * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
  const height = TOP + chart.groups.length * groupHeight + 8;
  const parts: string[] = [
    `<svg class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(chart.title)}">`,
    `<title>${escapeHtml(chart.title)}</title>`,
    `<text x="0" y="16" class="chart-title">${escapeHtml(chart.title)}</text>`,
    ...legend(chart.series),
  ];
  chart.groups.forEach((group, g) => {
    const y0 = TOP + g * groupHeight;
    const labelY = y0 + (chart.series.length * (BAR_HEIGHT + BAR_GAP)) / 2 + 4;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${labelY}" text-anchor="end">${escapeHtml(group)}</text>`,
    );
    chart.series.forEach((series, s) => {
      const value = series.values[g] ?? null;
      if (value === null) return;
      const y = y0 + s * (BAR_HEIGHT + BAR_GAP);
      const width = Math.max(value > 0 ? 1 : 0, (value / max) * plotWidth);
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${round1(width)}" height="${BAR_HEIGHT}" fill="${escapeHtml(series.color)}"><title>${escapeHtml(`${series.name}: ${chart.label(value)}`)}</title></rect>`,
        `<text x="${round1(LABEL_WIDTH + width + 4)}" y="${y + BAR_HEIGHT - 3}" class="value">${escapeHtml(chart.label(value))}</text>`,
      );
    });
  });
  parts.push(
    `<line x1="${LABEL_WIDTH}" y1="${TOP - 4}" x2="${LABEL_WIDTH}" y2="${height - 8}" class="axis"/>`,
    '</svg>',
  );
  return parts.join('\n');
}

function legend(series: readonly ChartSeries[]): string[] {
  let x = LABEL_WIDTH;
  return series.flatMap((entry) => {
    const item = [
      `<rect x="${x}" y="24" width="10" height="10" fill="${escapeHtml(entry.color)}"/>`,
      `<text x="${x + 14}" y="33">${escapeHtml(entry.name)}</text>`,
    ];
    x += 24 + entry.name.length * 7;
    return item;
  });
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
