import fc from 'fast-check';
import { fakeCampaign } from './__fixtures__/campaign.js';
import { scenarioWith } from './__fixtures__/scenarios.js';
import type { CallOutcome } from './call-outcome.js';
import { DEFAULT_SCENARIO } from './default-scenario.js';
import { escapeHtml } from './html-text.js';
import { renderReportHtml } from './report-html.js';
import { reportJson } from './report-json.js';
import { renderReportTable } from './report-table.js';
import { buildReport, type Report } from './report.js';
import { barChartSvg } from './svg-chart.js';

const CAMPAIGN = buildReport(fakeCampaign(DEFAULT_SCENARIO), DEFAULT_SCENARIO);

function reportWith(description: string, reason: string): Report {
  const scenario = scenarioWith({ description, modes: ['warm', 'cold'] });
  const outcome: CallOutcome = {
    interactionId: 'call-1',
    callIndex: 0,
    mode: 'warm',
    persona: 'ready',
    outcome: 'returned_to_ai',
    reasons: [reason],
    faults: [reason],
    decisiveAtMs: 1_000,
    transferCommandAtMs: 1_400,
    appointmentBookedAtMs: null,
    handleTimeMs: 50_000,
    requalificationMs: 0,
    requalificationNeeded: null,
    consentWindow: null,
    appointment: null,
  };
  return buildReport([outcome], scenario);
}

describe('renderReportTable', () => {
  it('prints one block per mode and the comparison, in fixed-width columns', () => {
    const text = renderReportTable(CAMPAIGN);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'Warmline simulation report - seed 20250106, campaign sim-roofing, 120 calls per mode',
    );
    expect(lines).toContain('== warm (120 calls) ==');
    expect(lines).toContain('== cold (120 calls) ==');
    expect(lines).toContain('== comparison: warm vs cold vs appointment-only ==');
    const warm = CAMPAIGN.modes[0]!;
    const row = lines.find((l) => l.startsWith('bridged '))!;
    expect(row).toMatch(
      new RegExp(`^bridged +${warm.outcomes.bridged} +${(warm.rates.bridged * 100).toFixed(1)}%$`),
    );
    // Every row of the outcome table is as wide as its rule.
    const start = lines.indexOf('== warm (120 calls) ==') + 1;
    const width = lines[start + 1]!.length;
    for (const line of lines.slice(start + 2, start + 13)) expect(line.length).toBe(width);
    expect(text).toContain(
      `decisive -> transfer command (ms):  n=${warm.transferLatencyMs.count} p50=`,
    );
  });

  it('leaves the comparison out when one mode ran', () => {
    const scenario = scenarioWith({ modes: ['warm'], calls: 10 });
    expect(renderReportTable(buildReport(fakeCampaign(scenario), scenario))).not.toContain(
      '== comparison',
    );
  });
});

describe('escapeHtml', () => {
  it('leaves no character that could open a tag or end an attribute, and loses nothing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        const back = escaped
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&#39;', "'")
          .replaceAll('&amp;', '&');
        expect(back).toBe(text);
      }),
    );
  });
});

describe('reportJson', () => {
  it('is the report as plain JSON with a fixed key order', () => {
    const json = reportJson(CAMPAIGN);
    expect(JSON.parse(JSON.stringify(json))).toEqual(CAMPAIGN);
    expect(Object.keys(json)).toEqual(['schema', 'scenario', 'totalCalls', 'modes', 'comparison']);
    expect(json.schema).toBe('warmline.simulation.report/v1');
    expect(Object.keys(json.modes[0]!)).toEqual([
      'mode',
      'calls',
      'outcomes',
      'outcomesByPersona',
      'reasons',
      'transferLatencyMs',
      'appointmentLatencyMs',
      'transfers',
      'appointments',
      'rates',
      'handleTimeMs',
      'faults',
    ]);
    expect(json).not.toBe(CAMPAIGN);
  });
});

describe('renderReportHtml', () => {
  it('is one self-contained page with inline SVG charts and no script, fonts or URLs', () => {
    const html = renderReportHtml(CAMPAIGN);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:|url\(|@import|<link|src=/i);
    expect(html).toContain('<h2>warm vs cold vs appointment-only</h2>');
    expect(html).toContain('<title>Calls by outcome and mode</title>');
  });

  it('draws one bar per mode per outcome, as long as its share of the largest', () => {
    const svg = barChartSvg({
      title: 'T',
      groups: ['a', 'b'],
      series: [
        { name: 'warm', color: '#111', values: [10, 5] },
        { name: 'cold', color: '#222', values: [0, null] },
      ],
      label: String,
    });
    const widths = [...svg.matchAll(/<rect x="210" y="\d+" width="([\d.]+)" height="14"/g)].map(
      (m) => Number(m[1]),
    );
    expect(widths).toEqual([470, 0, 235]);
  });

  it('escapes what others wrote: the scenario description and reason strings', () => {
    const html = renderReportHtml(reportWith('<img onerror=x> & "quotes"', '<b>BAD</b>'));
    expect(html).toContain('&lt;img onerror=x&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('&lt;b&gt;BAD&lt;/b&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('never lets user text open a tag, whatever it says', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (description, reason) => {
        const html = renderReportHtml(reportWith(description, reason));
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain(escapeHtml(reason));
        expect(html).toContain(`<p>${escapeHtml(description)}</p>`);
      }),
      { numRuns: 200 },
    );
    expect(renderReportHtml(reportWith('<script>alert(1)</script>', '<SCRIPT src=x>'))).not.toMatch(
      /<script/i,
    );
  });
});
