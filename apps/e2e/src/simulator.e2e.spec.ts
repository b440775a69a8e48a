// The simulator CLI against the whole stack, everything as its own process: perception,
// qualification and the escalation governor with the campaign's policy files (written by the
// simulator itself), the router and the scheduler; then `node apps/simulator/dist/main.js` plays a
// small campaign in all three modes over the bus and must exit 0 with its report on disk.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';
import { runNode, type CommandRun } from './support/node-command.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const SIMULATOR = join(workspaceRoot(), 'apps', 'simulator', 'dist', 'main.js');

// Twelve buyers per mode (seed 1: six ready, two objecting, two voicemail, a hedger and a buyer
// who hangs up on hold); four willing closers; call-back timing answers only, so every booking has
// a window wider than the scheduler's lead time plus a slot; the stack's timeouts cut to seconds.
const SCENARIO = `
seed: 1
campaignId: sim-e2e
description: End-to-end campaign - twelve buyers per mode against the whole stack.
calls: 12
concurrency: 12
arrivalRatePerSecond: 8
timeScale: 12
callLimitMs: 300000
modes: [warm, cold, appointment-only]
buyers:
  mix: { ready: 6, hedging: 1, objecting: 1, interrupting: 0, voicemail: 2, hangUpOnHold: 1 }
  timeZones: { America/New_York: 1, America/Chicago: 1 }
  languages: { en-US: 1 }
  territories: { US-NY: 1, US-TX: 1 }
  timing: { now: 0, window: 1 }
  objectionTopics: [price]
  objectionResolveRate: 1
  permissionFirstRate: 0.5
  assertionRate: 0.25
closers:
  count: 4
  defaults:
    skills: [roofing]
    languages: [en-US]
    territories: []
    timeZone: America/Chicago
    workingHours: always
    capacity: 1
    declineRate: 0
    noAnswerRate: 0
    voicemailRate: 0
    answerDelayMs: { min: 1000, max: 3000 }
    talkTimeMs: { min: 20000, max: 40000 }
faults:
  amdErrorRate: 0
  asrLagRate: 0
  asrLagMs: 2500
  duplicateRate: 0.05
  reorderRate: 0
  reorderWindow: 3
  tokenLimitRate: 0
  promptDriftRate: 0
policy:
  warm:
    liveTransfer: { reservationTimeoutMs: 3000 }
  cold:
    liveTransfer: { reservationTimeoutMs: 3000 }
`;

interface CallOutcomeJson {
  readonly interactionId: string;
  readonly mode: string;
  readonly persona: string;
  readonly outcome: string;
  readonly transferCommandAtMs: number | null;
  readonly requalificationNeeded: boolean | null;
  readonly consentWindow: { startAtMs: number; endAtMs: number } | null;
  readonly appointment: { startAtMs: number; endAtMs: number } | null;
}

interface ReportJson {
  readonly schema: string;
  readonly totalCalls: number;
  readonly modes: readonly {
    readonly mode: string;
    readonly calls: number;
    readonly outcomes: Readonly<Record<string, number>>;
    readonly transferLatencyMs: Readonly<Record<string, number | null>>;
    readonly appointments: { booked: number; insideConsent: number; withConsentWindow: number };
  }[];
  readonly comparison: readonly { mode: string }[] | null;
  readonly calls: readonly CallOutcomeJson[];
  readonly stack: { readonly deadLetters: readonly { agent: string; reason: string }[] };
}

let stack: WarmlineUnderTest;
let dir: string;
let campaign: CommandRun;
let report: ReportJson;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warmline-sim-e2e-'));
  const scenarioPath = join(dir, 'campaign.scenario.yaml');
  writeFileSync(scenarioPath, SCENARIO);
  const policies = await runNode(
    SIMULATOR,
    ['--scenario', scenarioPath, '--write-policies', join(dir, 'policies')],
    {},
    20_000,
  );
  if (policies.code !== 0) throw new Error(`--write-policies failed: ${policies.stderr}`);
  const policyFiles = { WARMLINE_POLICY_FILES: policies.stdout.trim().split('\n').join(',') };

  stack = await warmlineUnderTest();
  await Promise.all([
    stack.start('perception', policyFiles),
    stack.start('qualification', policyFiles),
    stack.start('escalation-governor', policyFiles),
    stack.start('router', { WARMLINE_DIAL_TIMEOUT_MS: '4000', WARMLINE_RING_GRACE_MS: '1000' }),
    stack.start('scheduler'),
  ]);
  campaign = await runNode(
    SIMULATOR,
    ['--scenario', scenarioPath, '--out', join(dir, 'report'), '--no-progress'],
    {
      NATS_URL: stack.broker.url,
      WL_NATS_PASSWORD_SIMULATOR: stack.broker.credentials('simulator').pass,
      WARMLINE_GRANT_TRUSTED_KEYS: stack.grantKey.publicKey,
    },
    75_000,
  );
  if (campaign.code === 0) {
    report = JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8')) as ReportJson;
  }
}, 110_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const callsOf = (mode: string) => report.calls.filter((call) => call.mode === mode);

describe('simulator: a campaign over the bus against the whole stack', () => {
  it('runs to the end, prints the table and writes report.json and report.html', () => {
    expect({ code: campaign.code, stderr: campaign.stderr }).toEqual({ code: 0, stderr: '' });
    expect(campaign.stdout).toContain('== comparison: warm vs cold vs appointment-only ==');
    expect(campaign.stdout).toContain(join(dir, 'report', 'report.json'));
    const html = readFileSync(join(dir, 'report', 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(existsSync(join(dir, 'report', 'trails.json'))).toBe(true);
  });

  it('has an outcome for every call of every mode, and the side-by-side comparison', () => {
    expect(report.schema).toBe('warmline.simulation.report/v1');
    expect(report.totalCalls).toBe(36);
    for (const mode of ['warm', 'cold', 'appointment-only']) {
      const calls = callsOf(mode);
      expect(calls.map((call) => call.interactionId)).toHaveLength(12);
      expect(new Set(calls.map((call) => call.interactionId)).size).toBe(12);
      const counted = Object.values(report.modes.find((m) => m.mode === mode)!.outcomes);
      expect(counted.reduce((sum, n) => sum + n, 0)).toBe(12);
    }
    expect(report.comparison?.map((row) => row.mode)).toEqual(['warm', 'cold', 'appointment-only']);
  });

  it('bridges a ready buyer in warm mode with nothing re-asked; cold transfers re-ask', () => {
    const warmBridged = callsOf('warm').filter(
      (call) => call.persona === 'ready' && call.outcome === 'bridged',
    );
    expect(warmBridged.length).toBeGreaterThanOrEqual(1);
    for (const call of warmBridged) expect(call.requalificationNeeded).toBe(false);
    const coldConnected = callsOf('cold').filter(
      (call) => call.outcome === 'bridged' || call.outcome === 'dropped_in_requalification',
    );
    for (const call of coldConnected) expect(call.requalificationNeeded).toBe(true);
  });

  it('never transfers a voicemail', () => {
    const voicemails = report.calls.filter((call) => call.persona === 'voicemail');
    expect(voicemails.length).toBe(6);
    for (const call of voicemails) {
      expect(call).toMatchObject({ outcome: 'voicemail', transferCommandAtMs: null });
    }
  });

  it('books appointments only inside the consent the buyer gave', () => {
    const booked = report.calls.filter((call) => call.appointment !== null);
    expect(callsOf('appointment-only').some((call) => call.outcome === 'appointment')).toBe(true);
    for (const call of booked) {
      expect(call.consentWindow).not.toBeNull();
      expect(call.appointment!.startAtMs).toBeGreaterThanOrEqual(call.consentWindow!.startAtMs);
      expect(call.appointment!.endAtMs).toBeLessThanOrEqual(call.consentWindow!.endAtMs);
    }
    for (const mode of report.modes) {
      expect(mode.appointments.insideConsent).toBe(mode.appointments.withConsentWindow);
    }
  });

  it('reports decisive-to-transfer latency percentiles for the transfer modes', () => {
    for (const mode of ['warm', 'cold']) {
      const latency = report.modes.find((m) => m.mode === mode)!.transferLatencyMs;
      expect(latency['count']).toBeGreaterThan(0);
      expect(latency['p50']).toEqual(expect.any(Number));
      expect(latency['p95']!).toBeGreaterThanOrEqual(latency['p50']!);
      expect(latency['p99']!).toBeGreaterThanOrEqual(latency['p95']!);
    }
    expect(
      report.modes.find((m) => m.mode === 'appointment-only')!.transferLatencyMs['count'],
    ).toBe(0);
  });

  it('leaves no agent a dead letter about the campaign', () => {
    expect(report.stack.deadLetters).toEqual([]);
  });
});
