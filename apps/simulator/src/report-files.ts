// The report on disk: report.json (the report's JSON form, annotated with every call's outcome and
// the stack's dead letters), report.html (the page with charts) and trails.json (what the stack did
// with each call, for reading one call's story), in one folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderReportHtml, reportJson } from '@warmline/simulation';
import type { CampaignReport } from './run-campaign.js';

/** Where the report files went. */
export interface ReportPaths {
  readonly json: string;
  readonly html: string;
  readonly trails: string;
}

/** Writes report.json, report.html and trails.json into `dir` (created if missing); returns their absolute paths. */
export function writeReportFiles(report: CampaignReport, dir: string): ReportPaths {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const paths = {
    json: join(folder, 'report.json'),
    html: join(folder, 'report.html'),
    trails: join(folder, 'trails.json'),
  };
  const { traces, ...annotated } = report;
  writeFileSync(paths.json, `${JSON.stringify(reportJson(annotated), null, 2)}\n`);
  writeFileSync(paths.html, renderReportHtml(report));
  writeFileSync(paths.trails, `${JSON.stringify(traces, null, 2)}\n`);
  return paths;
}
