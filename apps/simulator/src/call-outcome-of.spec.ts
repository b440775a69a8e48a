import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { dialCloserCommand, holdCommand, returnToAgentCommand } from '@warmline/handoff';
import {
  DEFAULT_SCENARIO,
  callRng,
  planCall,
  type CallPlan,
  type Persona,
  type RequalificationCost,
} from '@warmline/simulation';
import { callOutcomeOf, type CallRecord, type EndingKind } from './call-outcome-of.js';
import { CallTrail } from './call-trail.js';

const D = v1.DecisionReasonCode;
const O = v1.EscalationOutcome;
const H = v1.HandoffState;
const T0 = Date.UTC(2025, 0, 6, 15, 0, 0);

function planOf(persona: Persona): CallPlan {
  const mix = {
    ready: 0,
    hedging: 0,
    objecting: 0,
    interrupting: 0,
    voicemail: 0,
    hangUpOnHold: 0,
  };
  const scenario = {
    ...DEFAULT_SCENARIO,
    buyers: {
      ...DEFAULT_SCENARIO.buyers,
      mix: { ...mix, [persona]: 1 },
      timing: { now: 1, window: 0 },
    },
  };
  return planCall(scenario, 3, callRng(scenario.seed, 3, 'plan'), { mode: 'warm', runId: 'test' });
}

function record(persona: Persona, kind: EndingKind, extra: Partial<CallRecord> = {}): CallRecord {
  return {
    plan: planOf(persona),
    faults: [],
    ending: { kind, atMs: T0 + 9_000, handleTimeMs: 108_000 },
    decisiveAtMs: persona === 'ready' ? T0 + 5_000 : null,
    timingAtMs: persona === 'ready' ? T0 + 4_000 : null,
    bridge: null,
    ...extra,
  };
}

function decision(
  outcome: warmline.v1.EscalationOutcome,
  ...codes: warmline.v1.DecisionReasonCode[]
): warmline.v1.IEnvelope {
  return { escalationDecision: { outcome, reasons: codes.map((code) => ({ code })) } };
}

function handoff(state: warmline.v1.HandoffState, failureReason = 0): warmline.v1.IEnvelope {
  return { handoffEvent: { handoffId: 'ho-1', state, failureReason } };
}

/** A trail from [wall ms after T0, envelope] pairs. */
function trailOf(...events: [number, warmline.v1.IEnvelope][]): CallTrail {
  const trail = new CallTrail();
  for (const [at, envelope] of events) trail.observe(envelope, T0 + at);
  return trail;
}

const ctx = { handoffId: 'ho-1', grantId: 'g-1', attempt: 1 };
const noRequalification: RequalificationCost = {
  markersReasked: 0,
  requalificationMs: 0,
  dropOffProbability: 0,
  dropsOff: false,
};

describe('callOutcomeOf: a warm transfer that connects', () => {
  const trail = trailOf(
    [
      5_030,
      decision(
        O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
        D.DECISION_REASON_CODE_POLICY_SATISFIED,
      ),
    ],
    [5_060, decision(O.ESCALATION_OUTCOME_DENY, D.DECISION_REASON_CODE_ALREADY_AUTHORISED)],
    [5_080, handoff(H.HANDOFF_STATE_REQUESTED)],
    [6_900, handoff(H.HANDOFF_STATE_BRIDGED)],
  );
  trail.noteCommand(holdCommand(ctx), T0 + 5_400);
  trail.noteCommand(
    dialCloserCommand(ctx, { closerId: 'c', address: 'sim:c', timeoutMs: 1 }),
    T0 + 5_410,
  );
  const outcome = callOutcomeOf(
    record('ready', 'bridged', { bridge: { brief: {}, cost: noRequalification } }),
    trail,
  );

  it('is bridged without re-qualification, timed from the decisive utterance to the first command', () => {
    expect(outcome).toMatchObject({
      outcome: 'bridged',
      persona: 'ready',
      mode: 'warm',
      reasons: [],
      decisiveAtMs: T0 + 5_000,
      transferCommandAtMs: T0 + 5_400,
      requalificationNeeded: false,
      requalificationMs: 0,
      handleTimeMs: 108_000,
      appointment: null,
    });
  });

  it("resolves the buyer's consent from when the timing answer was sent", () => {
    // "Now" answers consent to the next two hours (as @warmline/intent reads them).
    expect(outcome.consentWindow).toEqual({
      startAtMs: T0 + 4_000,
      endAtMs: T0 + 4_000 + 7_200_000,
    });
  });
});

describe('callOutcomeOf: what the stack did, in the order it happened', () => {
  it('counts a cold transfer whose buyer left during re-qualification as dropped', () => {
    const cost = {
      markersReasked: 4,
      requalificationMs: 200_000,
      dropOffProbability: 0.2,
      dropsOff: true,
    };
    const outcome = callOutcomeOf(
      record('ready', 'bridged', { bridge: { brief: null, cost } }),
      new CallTrail(),
    );
    expect(outcome).toMatchObject({
      outcome: 'dropped_in_requalification',
      requalificationNeeded: true,
      requalificationMs: 200_000,
    });
  });

  it('books an appointment and says why it was not a live transfer', () => {
    const trail = trailOf(
      [
        5_020,
        decision(
          O.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
          D.DECISION_REASON_CODE_POLICY_SATISFIED,
          D.DECISION_REASON_CODE_NO_CLOSER_CAPACITY,
        ),
      ],
      [
        5_090,
        {
          appointmentEvent: {
            booked: { startAt: toTimestamp(T0 + 600_000), endAt: toTimestamp(T0 + 2_400_000) },
          },
        },
      ],
    );
    const outcome = callOutcomeOf(record('ready', 'booked'), trail);
    expect(outcome).toMatchObject({
      outcome: 'appointment',
      reasons: ['NO_CLOSER_CAPACITY'],
      appointmentBookedAtMs: T0 + 5_090,
      appointment: { startAtMs: T0 + 600_000, endAtMs: T0 + 2_400_000 },
      transferCommandAtMs: null,
    });
  });

  it('is abandoned when the buyer hung up mid-transfer, whatever the router reported after', () => {
    const trail = trailOf(
      [
        5_030,
        decision(
          O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
          D.DECISION_REASON_CODE_POLICY_SATISFIED,
        ),
      ],
      [5_080, handoff(H.HANDOFF_STATE_REQUESTED)],
      [
        9_020,
        handoff(
          H.HANDOFF_STATE_CALLER_ABANDONED,
          v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_CALLER_HUNG_UP,
        ),
      ],
      [
        9_040,
        {
          grantRevoked: {
            reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_INTERACTION_CLOSED,
          },
        },
      ],
      [
        9_050,
        handoff(
          H.HANDOFF_STATE_RETURNED_TO_AI,
          v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_GRANT_EXPIRED,
        ),
      ],
    );
    const outcome = callOutcomeOf(record('ready', 'abandoned'), trail);
    expect(outcome.outcome).toBe('abandoned');
    expect(outcome.reasons).toEqual([
      'CALLER_HUNG_UP',
      'GRANT_EXPIRED',
      'REVOKED_INTERACTION_CLOSED',
      'PATIENCE_EXCEEDED',
    ]);
  });

  it('is returned to the AI when the router handed the buyer back before they left', () => {
    const trail = trailOf(
      [
        5_030,
        decision(
          O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
          D.DECISION_REASON_CODE_POLICY_SATISFIED,
        ),
      ],
      [
        7_000,
        handoff(
          H.HANDOFF_STATE_RETURNED_TO_AI,
          v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_CLOSER_AVAILABLE,
        ),
      ],
    );
    trail.noteCommand(returnToAgentCommand(ctx, 'nobody is free'), T0 + 6_990);
    const outcome = callOutcomeOf(record('ready', 'returned'), trail);
    expect(outcome).toMatchObject({
      outcome: 'returned_to_ai',
      reasons: ['NO_CLOSER_AVAILABLE'],
      // Handing the buyer back is not a transfer command.
      transferCommandAtMs: null,
    });
  });

  it('holds a hedging buyer with the reasons of the last decision before the hang-up', () => {
    const trail = trailOf(
      [1_000, decision(O.ESCALATION_OUTCOME_HOLD, D.DECISION_REASON_CODE_MARKER_NOT_VALIDATED)],
      [
        6_000,
        decision(
          O.ESCALATION_OUTCOME_HOLD,
          D.DECISION_REASON_CODE_READINESS_BELOW_THRESHOLD,
          D.DECISION_REASON_CODE_CONSENT_WINDOW_MISSING,
        ),
      ],
      [9_050, decision(O.ESCALATION_OUTCOME_DENY, D.DECISION_REASON_CODE_INTERACTION_CLOSED)],
    );
    const outcome = callOutcomeOf(record('hedging', 'hung_up'), trail);
    expect(outcome.outcome).toBe('held_no_escalation');
    expect(outcome.reasons).toEqual(['READINESS_BELOW_THRESHOLD', 'CONSENT_WINDOW_MISSING']);
  });

  it('names a voicemail as such, and still shows a transfer the stack wrongly started for it', () => {
    const trail = trailOf([
      3_000,
      decision(O.ESCALATION_OUTCOME_HOLD, D.DECISION_REASON_CODE_VOICEMAIL),
    ]);
    trail.noteCommand(holdCommand(ctx), T0 + 9_500);
    const outcome = callOutcomeOf(record('voicemail', 'hung_up'), trail);
    expect(outcome.outcome).toBe('voicemail');
    expect(outcome.transferCommandAtMs).toBe(T0 + 9_500);
  });

  it('times out a call still open at the call limit', () => {
    const outcome = callOutcomeOf(record('interrupting', 'timed_out'), new CallTrail());
    expect(outcome).toMatchObject({ outcome: 'timed_out', reasons: ['CALL_LIMIT_REACHED'] });
  });

  it('reports an appointment that could not be booked, and grants telephony refused', () => {
    const trail = trailOf(
      [
        5_020,
        decision(
          O.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
          D.DECISION_REASON_CODE_POLICY_SATISFIED,
        ),
      ],
      [
        5_070,
        {
          appointmentEvent: {
            unavailable: {
              reason:
                v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
            },
          },
        },
      ],
    );
    trail.noteRefusal('GRANT_EXPIRED', T0 + 5_100);
    expect(callOutcomeOf(record('ready', 'unavailable'), trail)).toMatchObject({
      outcome: 'appointment_unavailable',
      reasons: ['NO_SLOT_IN_WINDOW', 'TELEPHONY_GRANT_EXPIRED'],
    });
  });
});

describe('CallTrail', () => {
  it('knows the transfer under way and the order transfers appeared in', () => {
    const trail = trailOf(
      [1, handoff(H.HANDOFF_STATE_REQUESTED)],
      [2, handoff(H.HANDOFF_STATE_RINGING)],
    );
    expect(trail.activeHandoffId()).toBe('ho-1');
    trail.observe({ handoffEvent: { handoffId: 'ho-1', state: H.HANDOFF_STATE_BRIDGED } }, T0 + 3);
    expect(trail.activeHandoffId()).toBeNull();
    expect(trail.handoffOrdinal('ho-1')).toBe(1);
    expect(trail.handoffOrdinal('ho-2')).toBe(2);
  });

  it('traces what happened, relative to the call start, oldest first', () => {
    const trail = trailOf(
      [200, handoff(H.HANDOFF_STATE_REQUESTED)],
      [100, decision(O.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER)],
    );
    expect(trail.trace(T0)).toEqual([
      { atMs: 100, what: 'decision AUTHORIZE_LIVE_TRANSFER' },
      { atMs: 200, what: 'handoff ho-1 REQUESTED' },
    ]);
  });
});
