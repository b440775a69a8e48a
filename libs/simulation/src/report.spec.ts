import fc from 'fast-check';
import { fakeCampaign } from './__fixtures__/campaign.js';
import { scenarioWith } from './__fixtures__/scenarios.js';
import type { CallOutcome } from './call-outcome.js';
import { DEFAULT_SCENARIO } from './default-scenario.js';
import { buildReport } from './report.js';

const T = Date.UTC(2025, 0, 6, 15);
let counter = 0;
function call(fields: Partial<CallOutcome>): CallOutcome {
  counter += 1;
  return {
    interactionId: `call-${counter}`,
    callIndex: counter,
    mode: 'warm',
    persona: 'ready',
    outcome: 'held_no_escalation',
    reasons: [],
    faults: [],
    decisiveAtMs: null,
    transferCommandAtMs: null,
    appointmentBookedAtMs: null,
    handleTimeMs: 60_000,
    requalificationMs: 0,
    requalificationNeeded: null,
    consentWindow: null,
    appointment: null,
    ...fields,
  };
}
const bridged = (latencyMs: number, requalificationMs = 0, fields: Partial<CallOutcome> = {}) =>
  call({
    outcome: 'bridged',
    decisiveAtMs: T,
    transferCommandAtMs: T + latencyMs,
    requalificationMs,
    requalificationNeeded: requalificationMs > 0,
    ...fields,
  });

describe('buildReport', () => {
  const warmOnly = scenarioWith({ modes: ['warm'] });

  it('counts outcomes per mode and per persona, zeros included', () => {
    const report = buildReport(
      [
        bridged(500),
        bridged(700),
        call({ outcome: 'voicemail', persona: 'voicemail' }),
        call({ outcome: 'abandoned', persona: 'hangUpOnHold' }),
      ],
      warmOnly,
    );
    const [warm] = report.modes;
    expect(report.totalCalls).toBe(4);
    expect(warm!.calls).toBe(4);
    expect(warm!.outcomes).toMatchObject({
      bridged: 2,
      voicemail: 1,
      abandoned: 1,
      appointment: 0,
      denied: 0,
    });
    expect(Object.keys(warm!.outcomes)).toHaveLength(11);
    expect(warm!.outcomesByPersona.hangUpOnHold.abandoned).toBe(1);
    expect(warm!.outcomesByPersona.ready.bridged).toBe(2);
    expect(warm!.rates).toEqual({ bridged: 0.5, abandoned: 0.25, appointment: 0 });
    expect(report.comparison).toBeNull();
  });

  it('counts each reason once per call, most frequent first', () => {
    const report = buildReport(
      [
        call({
          outcome: 'returned_to_ai',
          reasons: ['CLOSER_DECLINED', 'CLOSER_DECLINED', 'NO_ANSWER'],
        }),
        call({ outcome: 'returned_to_ai', reasons: ['NO_ANSWER'] }),
        call({ outcome: 'abandoned', reasons: ['PATIENCE_EXCEEDED', 'SIGNAL_DEGRADED'] }),
      ],
      warmOnly,
    );
    expect(report.modes[0]!.reasons).toEqual([
      { outcome: 'returned_to_ai', reason: 'NO_ANSWER', count: 2 },
      { outcome: 'returned_to_ai', reason: 'CLOSER_DECLINED', count: 1 },
      { outcome: 'abandoned', reason: 'PATIENCE_EXCEEDED', count: 1 },
      { outcome: 'abandoned', reason: 'SIGNAL_DEGRADED', count: 1 },
    ]);
  });

  it('measures decisive utterance → transfer command on calls that have both', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => (i + 1) * 10);
    const report = buildReport(
      [...latencies.map((ms) => bridged(ms)), call({ outcome: 'abandoned', decisiveAtMs: T })],
      warmOnly,
    );
    expect(report.modes[0]!.transferLatencyMs).toEqual({
      count: 100,
      min: 10,
      p50: 500,
      p95: 950,
      p99: 990,
      max: 1_000,
      mean: 505,
    });
  });

  it('shares the transfers that needed no re-qualification, and counts drop-offs as abandons', () => {
    const report = buildReport(
      [
        bridged(100),
        bridged(100),
        bridged(100, 120_000),
        call({
          outcome: 'dropped_in_requalification',
          decisiveAtMs: T,
          transferCommandAtMs: T + 1,
          requalificationMs: 200_000,
          requalificationNeeded: true,
        }),
      ],
      warmOnly,
    );
    expect(report.modes[0]!.transfers).toEqual({
      connected: 4,
      withoutRequalification: 2,
      withoutRequalificationShare: 0.5,
      meanRequalificationMs: 80_000,
    });
    expect(report.modes[0]!.rates.abandoned).toBe(0.25);
    expect(report.modes[0]!.handleTimeMs.mean).toBe(60_000 + 80_000);
  });

  it('checks booked appointments against the consent window the buyer gave', () => {
    const window = { startAtMs: T, endAtMs: T + 3_600_000 };
    const booked = (startAtMs: number, consentWindow: typeof window | null = window) =>
      call({
        outcome: 'appointment',
        consentWindow,
        appointment: { startAtMs, endAtMs: startAtMs + 1_800_000 },
      });
    const report = buildReport(
      [booked(T), booked(T + 1_800_000), booked(T + 1_800_001), booked(T, null)],
      warmOnly,
    );
    expect(report.modes[0]!.appointments).toEqual({
      booked: 4,
      withConsentWindow: 3,
      insideConsent: 2,
      insideConsentShare: 0.6667,
    });
  });

  it('compares modes side by side when more than one ran', () => {
    const report = buildReport(
      [
        bridged(100),
        bridged(300, 150_000, { mode: 'cold' }),
        call({ mode: 'appointment-only', outcome: 'appointment' }),
      ],
      DEFAULT_SCENARIO,
    );
    expect(report.modes.map((m) => m.mode)).toEqual(['warm', 'cold', 'appointment-only']);
    expect(report.comparison).toEqual([
      expect.objectContaining({
        mode: 'warm',
        bridgedRate: 1,
        withoutRequalificationShare: 1,
        transferLatencyP50Ms: 100,
      }),
      expect.objectContaining({
        mode: 'cold',
        bridgedRate: 1,
        withoutRequalificationShare: 0,
        meanRequalificationMs: 150_000,
      }),
      expect.objectContaining({
        mode: 'appointment-only',
        bridgedRate: 0,
        appointmentRate: 1,
        transferLatencyP50Ms: null,
      }),
    ]);
  });

  it('refuses outcomes of a mode the scenario did not run, and times that are not numbers', () => {
    expect(() => buildReport([call({ mode: 'cold' })], warmOnly)).toThrow(
      /mode "cold", which the scenario did not run/,
    );
    expect(() => buildReport([call({ handleTimeMs: Number.NaN })], warmOnly)).toThrow(
      /handleTimeMs must be a finite number/,
    );
  });
});

describe('buildReport properties', () => {
  const small = (seed: number) => scenarioWith({ seed, calls: 25 });

  it('gives the same report for the same seed', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        expect(buildReport(fakeCampaign(small(seed)), small(seed))).toEqual(
          buildReport(fakeCampaign(small(seed)), small(seed)),
        );
      }),
      { numRuns: 10 },
    );
  });

  it('keeps every count and percentile consistent', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const scenario = small(seed);
        const report = buildReport(fakeCampaign(scenario), scenario);
        for (const mode of report.modes) {
          expect(Object.values(mode.outcomes).reduce((s, n) => s + n, 0)).toBe(scenario.calls);
          for (const summary of [
            mode.transferLatencyMs,
            mode.appointmentLatencyMs,
            mode.handleTimeMs,
          ]) {
            if (summary.count === 0) continue;
            expect(summary.min! <= summary.p50! && summary.p50! <= summary.p95!).toBe(true);
            expect(summary.p95! <= summary.p99! && summary.p99! <= summary.max!).toBe(true);
          }
        }
        // Warm transfers here carry a full brief: nothing is re-asked; cold ones re-ask everything.
        const [warm, cold] = report.modes;
        if (warm!.transfers.connected > 0)
          expect(warm!.transfers.withoutRequalificationShare).toBe(1);
        if (cold!.transfers.connected > 0)
          expect(cold!.transfers.withoutRequalificationShare).toBe(0);
      }),
      { numRuns: 10 },
    );
  });
});
