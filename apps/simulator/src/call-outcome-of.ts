// A finished call's CallOutcome, from how it ended (the simulator's side) and what the stack did
// (its trail). Once the buyer has left, later reports of the stack (a revocation's return to the AI,
// a failure) do not change how the call ended for them; a booking still counts (it is a call-back
// inside the buyer's consent).
import {
  classifyOutcome,
  consentWindowOf,
  type CallFacts,
  type CallOutcome,
  type CallPlan,
  type RequalificationCost,
} from '@warmline/simulation';
import { v1, type warmline } from '@warmline/contracts';
import type { CallTrail } from './call-trail.js';

/** How the call ended on the simulator's side. */
export type EndingKind =
  /** Buyer and closer were connected. */
  | 'bridged'
  /** An appointment was booked; the agent ended the call. */
  | 'booked'
  /** The router gave the buyer back to the AI agent for good. */
  | 'returned'
  /** No appointment could be booked; the agent ended the call. */
  | 'unavailable'
  /** The buyer's patience ran out. */
  | 'abandoned'
  /** The plan's own ending: a hedging buyer, a refused objection, a voicemail. */
  | 'hung_up'
  /** Still open at the scenario's callLimitMs. */
  | 'timed_out';

/** The end of a call. */
export interface CallEnding {
  readonly kind: EndingKind;
  /** Wall-clock epoch ms. */
  readonly atMs: number;
  /** Call start to this end, simulated ms. */
  readonly handleTimeMs: number;
}

/** The simulator's own record of one call. */
export interface CallRecord {
  readonly plan: CallPlan;
  /** faultNamesOf(plan, stream). */
  readonly faults: readonly string[];
  readonly ending: CallEnding;
  /** First publish of the decisive utterance, wall ms; null when there was none. */
  readonly decisiveAtMs: number | null;
  /** First publish of the timing answer, wall ms; null when there was none. */
  readonly timingAtMs: number | null;
  /** The bridge, with the brief the closer had and what re-qualification cost; null if none. */
  readonly bridge: {
    readonly brief: warmline.v1.IHandoffBrief | null;
    readonly cost: RequalificationCost;
  } | null;
}

/** Reasons the simulator adds of its own, by how the call ended. */
const ENDING_REASONS: Partial<Record<EndingKind, string>> = {
  abandoned: 'PATIENCE_EXCEEDED',
  timed_out: 'CALL_LIMIT_REACHED',
};

/** The call's outcome (classifyOutcome on the facts below) with reasons, times and consent. */
export function callOutcomeOf(record: CallRecord, trail: CallTrail): CallOutcome {
  const { plan, ending, bridge } = record;
  return {
    interactionId: plan.interactionId,
    callIndex: plan.callIndex,
    mode: plan.mode,
    persona: plan.persona,
    outcome: classifyOutcome(callFactsOf(record, trail)),
    reasons: callReasonsOf(record, trail),
    faults: [...record.faults],
    decisiveAtMs: record.decisiveAtMs,
    transferCommandAtMs: trail.firstTransferCommandAtMs(),
    appointmentBookedAtMs: trail.booked?.atMs ?? null,
    handleTimeMs: ending.handleTimeMs,
    requalificationMs: bridge?.cost.requalificationMs ?? 0,
    requalificationNeeded: bridge === null ? null : bridge.cost.markersReasked > 0,
    consentWindow: record.timingAtMs === null ? null : consentWindowOf(plan, record.timingAtMs),
    appointment:
      trail.booked === null
        ? null
        : { startAtMs: trail.booked.startAtMs, endAtMs: trail.booked.endAtMs },
  };
}

/**
 * The facts classifyOutcome reads. Handoff reports count only until the buyer left (abandoned,
 * hung up, timed out); the last decision ignores "interaction closed" decisions after a hang-up.
 */
export function callFactsOf(record: CallRecord, trail: CallTrail): CallFacts {
  const { ending } = record;
  const buyerLeft =
    ending.kind === 'abandoned' || ending.kind === 'hung_up' || ending.kind === 'timed_out';
  const until = buyerLeft ? ending.atMs : Number.POSITIVE_INFINITY;
  const before = (atMs: number | null) => atMs !== null && atMs <= until;
  return {
    bridged: record.bridge !== null,
    droppedInRequalification: record.bridge?.cost.dropsOff ?? false,
    appointmentBooked: trail.booked !== null,
    appointmentUnavailable: trail.booked === null && before(trail.unavailable?.atMs ?? null),
    returnedToAi: before(trail.returnedToAiAtMs()),
    transferFailed: trail.handoffs.some(
      (h) => h.state === v1.HandoffState.HANDOFF_STATE_FAILED && h.atMs <= until,
    ),
    buyerAbandoned: ending.kind === 'abandoned',
    timedOut: ending.kind === 'timed_out',
    reachedVoicemail: record.plan.persona === 'voicemail',
    lastDecision: trail.lastDecision()?.outcome ?? null,
  };
}

/**
 * Why the call ended where it did, each once: for a call the governor never authorised, the reasons
 * of its last decision (POLICY_SATISFIED left out); for an authorised one, the authorisations' other
 * reasons (why an appointment rather than a transfer, e.g. NO_CLOSER_CAPACITY), the handoff failure
 * reasons, revocations (`REVOKED_<reason>`) and the appointment's unavailability; then grants
 * telephony refused (`TELEPHONY_<code>`) and the simulator's own (PATIENCE_EXCEEDED,
 * CALL_LIMIT_REACHED).
 */
export function callReasonsOf(record: CallRecord, trail: CallTrail): string[] {
  const reasons: string[] = [];
  if (!trail.authorised) {
    reasons.push(...(trail.lastDecision()?.reasons ?? []).filter((r) => r !== 'POLICY_SATISFIED'));
  } else {
    // An authorisation's other reasons say why it is not a live transfer (controls, a refusal).
    for (const decision of trail.decisions) {
      if (decision.outcome.startsWith('authorize')) {
        reasons.push(...decision.reasons.filter((r) => r !== 'POLICY_SATISFIED'));
      }
    }
    for (const handoff of trail.handoffs) {
      if (handoff.failureReason !== null) reasons.push(handoff.failureReason);
    }
    reasons.push(...trail.revocations.map((r) => `REVOKED_${r.reason}`));
    if (trail.unavailable !== null) reasons.push(trail.unavailable.reason);
  }
  reasons.push(...trail.refusals.map((r) => `TELEPHONY_${r.code}`));
  const own = ENDING_REASONS[record.ending.kind];
  if (own !== undefined) reasons.push(own);
  return [...new Set(reasons)];
}
