// The campaign report: what happened to the calls of each mode, how fast the stack acted on the
// decisive utterance, what transfers cost in re-qualification, whether bookings kept to the buyer's
// consent, and — when several modes ran — the modes side by side. Plain JSON-ready data.
import { OUTCOME_KINDS, type CallOutcome, type OutcomeKind } from './call-outcome.js';
import { SimulationInputError } from './errors.js';
import { summarize, type LatencySummary } from './percentiles.js';
import type { Scenario } from './scenario-schema.js';
import { isInsideWindow } from './timing-answer.js';
import { PERSONAS, type Persona, type SimulationMode } from './vocabulary.js';

/** Version tag of the report's JSON shape. */
export const REPORT_SCHEMA = 'warmline.simulation.report/v1';

/** A count of one reason among the calls of one outcome. */
export interface ReasonCount {
  readonly outcome: OutcomeKind;
  readonly reason: string;
  readonly count: number;
}

/** The report of one mode's calls. Shares are 0..1 rounded to 4 places; null when nothing to share. */
export interface ModeReport {
  readonly mode: SimulationMode;
  readonly calls: number;
  /** Every outcome kind, in OUTCOME_KINDS order. */
  readonly outcomes: Readonly<Record<OutcomeKind, number>>;
  /** Outcomes per persona (personas in PERSONAS order, outcome kinds in OUTCOME_KINDS order). */
  readonly outcomesByPersona: Readonly<Record<Persona, Readonly<Record<OutcomeKind, number>>>>;
  /** Reasons per outcome, most frequent first (ties by outcome order, then reason). */
  readonly reasons: readonly ReasonCount[];
  /** Decisive utterance → first transfer command, wall-clock ms. */
  readonly transferLatencyMs: LatencySummary;
  /** Decisive utterance → appointment booked, wall-clock ms. */
  readonly appointmentLatencyMs: LatencySummary;
  readonly transfers: {
    /** Calls that reached a closer (bridged + dropped_in_requalification). */
    readonly connected: number;
    /** Of those, the ones where the closer re-asked nothing. */
    readonly withoutRequalification: number;
    readonly withoutRequalificationShare: number | null;
    /** Mean re-qualification of connected calls, simulated ms. */
    readonly meanRequalificationMs: number | null;
  };
  readonly appointments: {
    readonly booked: number;
    /** Booked for a buyer who gave a consent window. */
    readonly withConsentWindow: number;
    /** Of those, booked wholly inside it. */
    readonly insideConsent: number;
    readonly insideConsentShare: number | null;
  };
  readonly rates: {
    /** bridged / calls (buyers who reached a closer and stayed). */
    readonly bridged: number;
    /** (abandoned + dropped_in_requalification) / calls. */
    readonly abandoned: number;
    /** appointment / calls. */
    readonly appointment: number;
  };
  /** Handle time including re-qualification, simulated ms, over calls that reached a closer or a booking. */
  readonly handleTimeMs: LatencySummary;
  /** Calls per injected fault name. */
  readonly faults: Readonly<Record<string, number>>;
}

/** One mode's column of the side-by-side comparison. */
export interface ComparisonRow {
  readonly mode: SimulationMode;
  readonly calls: number;
  readonly bridgedRate: number;
  readonly abandonRate: number;
  readonly appointmentRate: number;
  readonly meanHandleTimeMs: number | null;
  readonly meanRequalificationMs: number | null;
  readonly withoutRequalificationShare: number | null;
  readonly transferLatencyP50Ms: number | null;
  readonly transferLatencyP95Ms: number | null;
}

/** The whole report. */
export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly scenario: {
    readonly seed: number;
    readonly campaignId: string;
    readonly description: string | null;
    readonly callsPerMode: number;
    readonly modes: readonly SimulationMode[];
  };
  readonly totalCalls: number;
  /** One per scenario mode, in scenario order. */
  readonly modes: readonly ModeReport[];
  /** Present when the scenario ran more than one mode: warm vs cold vs appointment-only. */
  readonly comparison: readonly ComparisonRow[] | null;
}

/**
 * Builds the report of `outcomes` (any order) for `scenario`. Throws SimulationInputError when an
 * outcome's mode is not one of the scenario's modes or a time is not finite.
 */
export function buildReport(outcomes: readonly CallOutcome[], scenario: Scenario): Report {
  outcomes.forEach(checkOutcome(scenario));
  const modes = scenario.modes.map((mode) =>
    modeReport(
      mode,
      outcomes.filter((outcome) => outcome.mode === mode),
    ),
  );
  return {
    schema: REPORT_SCHEMA,
    scenario: {
      seed: scenario.seed,
      campaignId: scenario.campaignId,
      description: scenario.description ?? null,
      callsPerMode: scenario.calls,
      modes: [...scenario.modes],
    },
    totalCalls: outcomes.length,
    modes,
    comparison: modes.length > 1 ? modes.map(comparisonRow) : null,
  };
}

function modeReport(mode: SimulationMode, calls: readonly CallOutcome[]): ModeReport {
  const outcomes = countOutcomes(calls);
  const connected = calls.filter(
    (c) => c.outcome === 'bridged' || c.outcome === 'dropped_in_requalification',
  );
  const clean = connected.filter((c) => c.requalificationNeeded === false).length;
  const booked = calls.filter((c) => c.outcome === 'appointment' && c.appointment !== null);
  const withWindow = booked.filter((c) => c.consentWindow !== null);
  const inside = withWindow.filter(
    (c) =>
      c.appointment !== null &&
      c.consentWindow !== null &&
      isInsideWindow(c.appointment, c.consentWindow),
  ).length;
  const handled = calls.filter((c) => connected.includes(c) || c.outcome === 'appointment');
  return {
    mode,
    calls: calls.length,
    outcomes,
    outcomesByPersona: Object.fromEntries(
      PERSONAS.map((persona) => [
        persona,
        countOutcomes(calls.filter((c) => c.persona === persona)),
      ]),
    ) as Record<Persona, Record<OutcomeKind, number>>,
    reasons: reasonCounts(calls),
    transferLatencyMs: summarize(latencies(calls, (c) => c.transferCommandAtMs)),
    appointmentLatencyMs: summarize(latencies(calls, (c) => c.appointmentBookedAtMs)),
    transfers: {
      connected: connected.length,
      withoutRequalification: clean,
      withoutRequalificationShare: share(clean, connected.length),
      meanRequalificationMs: mean(connected.map((c) => c.requalificationMs)),
    },
    appointments: {
      booked: booked.length,
      withConsentWindow: withWindow.length,
      insideConsent: inside,
      insideConsentShare: share(inside, withWindow.length),
    },
    rates: {
      bridged: share(outcomes.bridged, calls.length) ?? 0,
      abandoned: share(outcomes.abandoned + outcomes.dropped_in_requalification, calls.length) ?? 0,
      appointment: share(outcomes.appointment, calls.length) ?? 0,
    },
    handleTimeMs: summarize(handled.map((c) => c.handleTimeMs + c.requalificationMs)),
    faults: faultCounts(calls),
  };
}

function comparisonRow(report: ModeReport): ComparisonRow {
  return {
    mode: report.mode,
    calls: report.calls,
    bridgedRate: report.rates.bridged,
    abandonRate: report.rates.abandoned,
    appointmentRate: report.rates.appointment,
    meanHandleTimeMs: report.handleTimeMs.mean,
    meanRequalificationMs: report.transfers.meanRequalificationMs,
    withoutRequalificationShare: report.transfers.withoutRequalificationShare,
    transferLatencyP50Ms: report.transferLatencyMs.p50,
    transferLatencyP95Ms: report.transferLatencyMs.p95,
  };
}

function countOutcomes(calls: readonly CallOutcome[]): Record<OutcomeKind, number> {
  const counts = Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, 0])) as Record<
    OutcomeKind,
    number
  >;
  for (const call of calls) counts[call.outcome] += 1;
  return counts;
}

function reasonCounts(calls: readonly CallOutcome[]): ReasonCount[] {
  const counts = new Map<string, ReasonCount>();
  for (const call of calls) {
    for (const reason of new Set(call.reasons)) {
      const key = `${call.outcome}\u0000${reason}`;
      const known = counts.get(key);
      counts.set(key, { outcome: call.outcome, reason, count: (known?.count ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      OUTCOME_KINDS.indexOf(a.outcome) - OUTCOME_KINDS.indexOf(b.outcome) ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
}

function faultCounts(calls: readonly CallOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    for (const fault of new Set(call.faults)) counts[fault] = (counts[fault] ?? 0) + 1;
  }
  return Object.fromEntries(
    Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

function latencies(
  calls: readonly CallOutcome[],
  end: (call: CallOutcome) => number | null,
): number[] {
  return calls.flatMap((call) => {
    const at = end(call);
    return call.decisiveAtMs === null || at === null ? [] : [Math.max(0, at - call.decisiveAtMs)];
  });
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0
    ? null
    : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
}

function checkOutcome(scenario: Scenario) {
  return (outcome: CallOutcome, i: number): void => {
    if (!scenario.modes.includes(outcome.mode)) {
      throw new SimulationInputError(
        `outcomes[${i}].mode`,
        `outcome ${outcome.interactionId} is for mode ${JSON.stringify(outcome.mode)}, which the scenario did not run`,
      );
    }
    if (!OUTCOME_KINDS.includes(outcome.outcome)) {
      throw new SimulationInputError(
        `outcomes[${i}].outcome`,
        `unknown outcome ${JSON.stringify(outcome.outcome)}`,
      );
    }
    const times: [string, number | null][] = [
      ['decisiveAtMs', outcome.decisiveAtMs],
      ['transferCommandAtMs', outcome.transferCommandAtMs],
      ['appointmentBookedAtMs', outcome.appointmentBookedAtMs],
      ['handleTimeMs', outcome.handleTimeMs],
      ['requalificationMs', outcome.requalificationMs],
    ];
    for (const [field, value] of times) {
      if (value !== null && !Number.isFinite(value)) {
        throw new SimulationInputError(
          `outcomes[${i}].${field}`,
          `${field} must be a finite number, got ${value}`,
        );
      }
    }
  };
}
