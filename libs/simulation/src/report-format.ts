// How report numbers read, shared by the text table and the HTML page.

/** "42.5%" for 0.425; "-" for null. */
export function percentText(share: number | null): string {
  return share === null ? '-' : `${(share * 100).toFixed(1)}%`;
}

/** "1234" for 1234.4 ms; "-" for null. */
export function msText(ms: number | null): string {
  return ms === null ? '-' : String(Math.round(ms));
}

/** "2.5 min" / "45.0 s" / "820 ms" for a duration; "-" for null. */
export function durationText(ms: number | null): string {
  if (ms === null) return '-';
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 10_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}
