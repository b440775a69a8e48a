// The report's JSON form: the Report itself, as a plain object with a fixed key order (see README
// "Report JSON"). A copy, so callers may annotate it without touching the report.
import type { Report } from './report.js';

/** The report as a plain, JSON-serialisable object (schema "warmline.simulation.report/v1"). */
export function reportJson(report: Report): Report {
  return JSON.parse(JSON.stringify(report)) as Report;
}
