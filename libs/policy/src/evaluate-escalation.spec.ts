import { GRANT_SCOPES, toTimestamp, v1, type warmline } from '@warmline/contracts';
import {
  CAMPAIGN_ID,
  HOUR_MS,
  T0,
  controls,
  escalationInput,
  evidence,
  qualifiedState,
  record,
  withHealth,
  withMarker,
  withObjection,
  withoutMarker,
} from './__fixtures__/intent.js';
import { editedPolicy } from './__fixtures__/policies.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { EscalationInputError } from './errors.js';
import { evaluateEscalation, type Verdict } from './evaluate-escalation.js';

const Outcome = v1.EscalationOutcome;
const Status = v1.MarkerStatus;
const Kind = v1.MarkerKind;
const Fault = v1.SignalFault;

function codes(verdict: Verdict): string[] {
  return verdict.reasons.map((item) =>
    v1.DecisionReasonCode[item.code ?? 0].replace('DECISION_REASON_CODE_', ''),
  );
}

function details(verdict: Verdict): string[] {
  return verdict.reasons.map((item) => item.detail ?? '');
}

describe('evaluateEscalation: authorising', () => {
  it('authorises a live transfer when all four markers are explicitly confirmed', () => {
    const verdict = evaluateEscalation(escalationInput());

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
    expect(codes(verdict)).toEqual(['POLICY_SATISFIED']);
    expect(details(verdict)[0]).toBe(
      'live transfer: scope_confirmed, timing_consent, next_step_accepted, escalation_permission validated; readiness 0.85 ≥ 0.70',
    );
    expect(verdict.nextPhase).toBe('authorised');
    expect(verdict.previousPhase).toBe('qualifying');
    expect(verdict.grantPlan).toMatchObject({
      action: 'live_transfer',
      interactionId: 'ix-1',
      campaignId: CAMPAIGN_ID,
      intentVersion: 3,
      scopes: [GRANT_SCOPES.transferLive],
      fallbackScopes: [GRANT_SCOPES.appointmentBook],
      ttlMs: 120_000,
      policyId: 'default',
      policyVersion: 1,
      transferMode: v1.TransferMode.TRANSFER_MODE_WARM,
      constraints: {
        maxAttempts: 2,
        escalationLimit: 2,
        reservationTimeoutMs: 15_000,
        readinessWindowMs: 90_000,
      },
    });
    expect(verdict.policyId).toBe('default');
    expect(verdict.readiness).toBe(0.85);
  });

  it('holds, not books, while the buyer has not yet been asked to be connected', () => {
    const state = withMarker(
      qualifiedState(),
      'escalation_permission',
      Status.MARKER_STATUS_ABSENT,
      [],
    );
    const verdict = evaluateEscalation(escalationInput({ state }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(verdict.grantPlan).toBeNull();
    expect(details(verdict)).toContain('escalation_permission is absent');
  });

  it('authorises an appointment when the buyer declined to be connected, using the consent window', () => {
    const state = withMarker(
      qualifiedState(),
      'escalation_permission',
      Status.MARKER_STATUS_ABSENT,
      [{ signalId: 'sig-9', source: 1, quote: 'no, just call me tomorrow', confidence: 0.93 }],
    );
    const verdict = evaluateEscalation(escalationInput({ state }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(codes(verdict)).toEqual(['POLICY_SATISFIED', 'MARKER_NOT_VALIDATED']);
    expect(verdict.reasons[1]).toEqual({
      code: v1.DecisionReasonCode.DECISION_REASON_CODE_MARKER_NOT_VALIDATED,
      markerKind: Kind.MARKER_KIND_ESCALATION_PERMISSION,
      detail: 'the buyer declined a live transfer: "no, just call me tomorrow"',
    });
    expect(verdict.grantPlan).toMatchObject({
      action: 'appointment',
      scopes: [GRANT_SCOPES.appointmentBook],
      fallbackScopes: [],
      fallbackRules: [],
      ttlMs: 600_000,
      transferMode: v1.TransferMode.TRANSFER_MODE_UNSPECIFIED,
      consentWindow: {
        startAtMs: T0 + 24 * HOUR_MS,
        endAtMs: T0 + 26 * HOUR_MS,
        timeZone: 'America/Chicago',
        sourceText: 'tomorrow between 10 and noon',
      },
    });
  });

  it('does not book again in a window the scheduler found no slot in; a new window is booked', () => {
    const noLiveTransfers = {
      ...DEFAULT_POLICY,
      actions: {
        ...DEFAULT_POLICY.actions,
        liveTransfer: { ...DEFAULT_POLICY.actions.liveTransfer, enabled: false },
      },
    };
    const tomorrow = {
      startAtMs: T0 + 24 * HOUR_MS,
      endAtMs: T0 + 26 * HOUR_MS,
      timeZone: 'America/Chicago',
      sourceText: 'tomorrow between 10 and noon',
    };
    const after = record({ phase: 'qualifying', latestIntentVersion: 2, grantsIssued: 1 });
    const same = evaluateEscalation(
      escalationInput({
        policy: noLiveTransfers,
        record: { ...after, windowWithoutSlot: tomorrow },
      }),
    );
    expect(same.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(same.grantPlan).toBeNull();
    expect(codes(same)).toEqual(['NO_SLOT_IN_WINDOW']);
    expect(details(same)).toEqual([
      `no slot was found in the consented window ${new Date(tomorrow.startAtMs).toISOString()} – ${new Date(tomorrow.endAtMs).toISOString()}; another window is needed`,
    ]);

    // The buyer offers the day after: that window has not been tried.
    const dayAfter = qualifiedState({
      consentWindow: {
        startAt: toTimestamp(T0 + 48 * HOUR_MS),
        endAt: toTimestamp(T0 + 50 * HOUR_MS),
        timeZone: 'America/Chicago',
        sourceText: 'the day after, same time',
      },
    });
    const other = evaluateEscalation(
      escalationInput({
        policy: noLiveTransfers,
        state: dayAfter,
        record: { ...after, windowWithoutSlot: tomorrow },
      }),
    );
    expect(other.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(other.grantPlan?.consentWindow?.startAtMs).toBe(T0 + 48 * HOUR_MS);
  });

  it('still authorises a live transfer after no slot was found: only the booking is held', () => {
    const verdict = evaluateEscalation(
      escalationInput({
        record: record({
          phase: 'qualifying',
          latestIntentVersion: 2,
          windowWithoutSlot: {
            startAtMs: T0 + 24 * HOUR_MS,
            endAtMs: T0 + 26 * HOUR_MS,
            timeZone: '',
            sourceText: '',
          },
        }),
      }),
    );
    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
  });

  it('holds between the two readiness thresholds: the buyer may still warm up to a live transfer', () => {
    const verdict = evaluateEscalation(escalationInput({ readinessNow: 0.6 }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(details(verdict)).toContain('readiness 0.60 < 0.70 (live transfer)');
  });

  it('authorises an appointment when the campaign has live transfers switched off', () => {
    const verdict = evaluateEscalation(
      escalationInput({
        policy: {
          ...DEFAULT_POLICY,
          actions: {
            ...DEFAULT_POLICY.actions,
            liveTransfer: { ...DEFAULT_POLICY.actions.liveTransfer, enabled: false },
          },
        },
      }),
    );

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
  });

  it('holds an appointment without a consent window when the policy requires one', () => {
    const state = withMarker(
      qualifiedState({ consentWindow: null }),
      'escalation_permission',
      Status.MARKER_STATUS_EXPLORATORY,
    );
    const verdict = evaluateEscalation(escalationInput({ state }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(codes(verdict)).toEqual(['MARKER_NOT_VALIDATED', 'CONSENT_WINDOW_MISSING']);
    expect(details(verdict)).toContain('the buyer gave no timing window');
    expect(verdict.grantPlan).toBeNull();
  });

  it('holds an appointment whose consent window has already ended', () => {
    const state = withMarker(
      qualifiedState({
        consentWindow: { startAt: toTimestamp(T0 - 2 * HOUR_MS), endAt: toTimestamp(T0 - HOUR_MS) },
      }),
      'escalation_permission',
      Status.MARKER_STATUS_ABSENT,
    );
    const verdict = evaluateEscalation(escalationInput({ state }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(details(verdict)).toContain('the consent window ended at 2025-06-02T14:00:00.000Z');
  });

  it('books without a consent window when the policy does not require one', () => {
    const policy = editedPolicy(
      (draft) => (draft.actions.appointment.requireConsentWindow = false),
    );
    const state = withMarker(
      qualifiedState({ consentWindow: null }),
      'escalation_permission',
      Status.MARKER_STATUS_ABSENT,
    );
    const verdict = evaluateEscalation(escalationInput({ policy, state }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(verdict.grantPlan?.consentWindow).toBeNull();
  });

  it('leaves appointment.book out of the fallback scopes when no rule books appointments', () => {
    const policy = editedPolicy((draft) => {
      draft.actions.liveTransfer.fallbackRules = [{ when: 'no_answer', then: 'return_to_ai' }];
      draft.actions.liveTransfer.transferMode = 'cold';
    });
    const plan = evaluateEscalation(escalationInput({ policy })).grantPlan;

    expect(plan?.fallbackScopes).toEqual([]);
    expect(plan?.fallbackRules).toEqual([
      {
        condition: v1.FallbackCondition.FALLBACK_CONDITION_NO_ANSWER,
        action: v1.FallbackAction.FALLBACK_ACTION_RETURN_TO_AI,
      },
    ]);
    expect(plan?.transferMode).toBe(v1.TransferMode.TRANSFER_MODE_COLD);
  });

  it('never offers a live transfer when the policy disables it', () => {
    const policy = editedPolicy((draft) => {
      draft.actions.liveTransfer.enabled = false;
      draft.actions.liveTransfer.fallbackRules = [];
    });
    const verdict = evaluateEscalation(escalationInput({ policy }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(codes(verdict)).toEqual(['POLICY_SATISFIED']);
  });
});

describe('evaluateEscalation: holding', () => {
  it('holds a hedging buyer and names every exploratory marker', () => {
    let state = withMarker(qualifiedState(), 'timing_consent', Status.MARKER_STATUS_EXPLORATORY);
    state = withMarker(state, 'next_step_accepted', Status.MARKER_STATUS_EXPLORATORY);
    const verdict = evaluateEscalation(escalationInput({ state, readinessNow: 0.42 }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(verdict.reasons).toEqual([
      {
        code: v1.DecisionReasonCode.DECISION_REASON_CODE_MARKER_NOT_VALIDATED,
        markerKind: Kind.MARKER_KIND_TIMING_CONSENT,
        detail: 'timing_consent is exploratory',
      },
      {
        code: v1.DecisionReasonCode.DECISION_REASON_CODE_MARKER_NOT_VALIDATED,
        markerKind: Kind.MARKER_KIND_NEXT_STEP_ACCEPTED,
        detail: 'next_step_accepted is exploratory',
      },
      {
        code: v1.DecisionReasonCode.DECISION_REASON_CODE_READINESS_BELOW_THRESHOLD,
        markerKind: Kind.MARKER_KIND_UNSPECIFIED,
        detail: 'readiness 0.42 < 0.70 (live transfer)',
      },
      {
        code: v1.DecisionReasonCode.DECISION_REASON_CODE_READINESS_BELOW_THRESHOLD,
        markerKind: Kind.MARKER_KIND_UNSPECIFIED,
        detail: 'readiness 0.42 < 0.50 (appointment)',
      },
    ]);
    expect(verdict.nextPhase).toBe('qualifying');
  });

  it('reads readiness just under the threshold with enough digits to see the gap', () => {
    const verdict = evaluateEscalation(escalationInput({ readinessNow: 0.6999 }));

    expect(details(verdict)).toContain('readiness 0.6999 < 0.7000 (live transfer)');
  });

  it.each([
    ['an answering machine', { answeringMachine: true }, 'an answering machine answered the call'],
    ['uncertain detection', { amdUncertain: true }, 'answering-machine detection is uncertain'],
    [
      'a low-confidence "human"',
      { amdConfidence: 0.55 },
      'answering-machine detection confidence 0.55 < 0.80',
    ],
    [
      'an answering-machine fault',
      { recentFaults: [Fault.SIGNAL_FAULT_ANSWERING_MACHINE] },
      'an answering machine answered the call',
    ],
  ])('holds %s as VOICEMAIL, never granting', (_name, health, detail) => {
    const state = withHealth(qualifiedState(), health);
    const verdict = evaluateEscalation(escalationInput({ state }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(verdict.grantPlan).toBeNull();
    expect(codes(verdict)).toEqual(['VOICEMAIL']);
    expect(details(verdict)).toEqual([detail]);
  });

  it('trusts a confident "human" detection', () => {
    const state = withHealth(qualifiedState(), { amdConfidence: 0.95 });

    expect(evaluateEscalation(escalationInput({ state })).outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
  });

  it('holds on degraded recent signals the policy lists, ignoring the ones it does not', () => {
    const state = withHealth(qualifiedState(), {
      recentFaults: [Fault.SIGNAL_FAULT_ASR_LAG, Fault.SIGNAL_FAULT_OVERLAPPING_SPEECH],
    });
    const verdict = evaluateEscalation(escalationInput({ state }));
    const harmless = withHealth(qualifiedState(), {
      recentFaults: [Fault.SIGNAL_FAULT_PARTIAL_TRANSCRIPT],
    });

    expect(codes(verdict)).toEqual(['SIGNAL_DEGRADED']);
    expect(details(verdict)).toEqual(['recent signal faults: asr_lag, overlapping_speech']);
    expect(evaluateEscalation(escalationInput({ state: harmless })).outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
  });

  it('holds when too many of the interaction signals were faulted, once enough were seen', () => {
    const degraded = withHealth(qualifiedState(), { signalCount: 10, faultedSignalCount: 4 });
    const early = withHealth(qualifiedState(), { signalCount: 5, faultedSignalCount: 4 });

    expect(details(evaluateEscalation(escalationInput({ state: degraded })))).toEqual([
      '4 of 10 signals faulted (0.40 > 0.35)',
    ]);
    expect(evaluateEscalation(escalationInput({ state: early })).outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
  });

  it('holds on a revoked marker, even one no action requires', () => {
    const required = withMarker(qualifiedState(), 'scope_confirmed', Status.MARKER_STATUS_REVOKED);
    const verdict = evaluateEscalation(escalationInput({ state: required }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(verdict.reasons).toEqual([
      {
        code: v1.DecisionReasonCode.DECISION_REASON_CODE_MARKER_REVOKED,
        markerKind: Kind.MARKER_KIND_SCOPE_CONFIRMED,
        detail: 'scope_confirmed was revoked by the buyer',
      },
    ]);

    const policy = editedPolicy((draft) => {
      draft.actions.appointment.requiredMarkers = ['scope_confirmed'];
      draft.actions.liveTransfer.enabled = false;
      draft.actions.liveTransfer.fallbackRules = [];
    });
    const unrequired = withMarker(qualifiedState(), 'timing_consent', Status.MARKER_STATUS_REVOKED);
    expect(codes(evaluateEscalation(escalationInput({ policy, state: unrequired })))).toEqual([
      'MARKER_REVOKED',
    ]);
  });

  it('holds on an unresolved objection and lets a resolved one pass', () => {
    const raised = withObjection(qualifiedState(), 'price');
    const resolved = withObjection(
      qualifiedState(),
      'price',
      v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
    );

    expect(details(evaluateEscalation(escalationInput({ state: raised })))).toEqual([
      'objection "price" is unresolved',
    ]);
    expect(evaluateEscalation(escalationInput({ state: resolved })).outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
  });

  it('does not count a marker validated on evidence below the confidence floors', () => {
    const weakTranscript = withMarker(
      qualifiedState(),
      'scope_confirmed',
      Status.MARKER_STATUS_VALIDATED,
      [evidence(0.55)],
    );
    const weakAssertion = withMarker(
      qualifiedState(),
      'scope_confirmed',
      Status.MARKER_STATUS_VALIDATED,
      [evidence(0.72, v1.EvidenceSource.EVIDENCE_SOURCE_ASSERTION)],
    );
    const noEvidence = withMarker(
      qualifiedState(),
      'scope_confirmed',
      Status.MARKER_STATUS_VALIDATED,
      [],
    );
    const oneStrong = withMarker(
      qualifiedState(),
      'scope_confirmed',
      Status.MARKER_STATUS_VALIDATED,
      [evidence(0.4), evidence(0.9)],
    );

    expect(details(evaluateEscalation(escalationInput({ state: weakTranscript })))).toEqual([
      'scope_confirmed evidence confidence 0.55 < 0.70 (floor)',
    ]);
    expect(details(evaluateEscalation(escalationInput({ state: weakAssertion })))).toEqual([
      'scope_confirmed evidence confidence 0.72 < 0.75 (floor)',
    ]);
    expect(details(evaluateEscalation(escalationInput({ state: noEvidence })))).toEqual([
      'scope_confirmed is validated without evidence',
    ]);
    expect(evaluateEscalation(escalationInput({ state: oneStrong })).outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
  });

  it('lists every hold condition and unmet requirement together', () => {
    let state = withHealth(qualifiedState(), { amdUncertain: true });
    state = withObjection(withoutMarker(state, 'timing_consent'), 'contract_length');
    const verdict = evaluateEscalation(escalationInput({ state, readinessNow: 0.3 }));

    expect(codes(verdict)).toEqual([
      'VOICEMAIL',
      'OBJECTION_UNRESOLVED',
      'MARKER_NOT_VALIDATED',
      'READINESS_BELOW_THRESHOLD',
      'READINESS_BELOW_THRESHOLD',
    ]);
  });

  it('keeps a call with no evidence yet engaged, and moves one with evidence to qualifying', () => {
    const silent = qualifiedState({ markers: [], objections: [] });
    const engaged = record({ phase: 'engaged', latestIntentVersion: 0 });

    expect(evaluateEscalation(escalationInput({ state: silent, record: engaged })).nextPhase).toBe(
      'engaged',
    );
    const hedged = withMarker(silent, 'scope_confirmed', Status.MARKER_STATUS_EXPLORATORY);
    expect(evaluateEscalation(escalationInput({ state: hedged, record: engaged })).nextPhase).toBe(
      'qualifying',
    );
  });

  it('ignores markers of kinds it does not know', () => {
    const state = qualifiedState();
    const odd: warmline.v1.IIntentMarker = {
      kind: 99 as warmline.v1.MarkerKind,
      status: Status.MARKER_STATUS_EXPLORATORY,
    };

    expect(
      evaluateEscalation(
        escalationInput({ state: { ...state, markers: [...(state.markers ?? []), odd] } }),
      ).outcome,
    ).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
  });
});

describe('evaluateEscalation: operational controls', () => {
  it('turns a live transfer over the per-minute limit into an appointment, recording why', () => {
    const verdict = evaluateEscalation(
      escalationInput({ controls: controls({ escalationsInWindow: 30 }) }),
    );

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(codes(verdict)).toEqual(['POLICY_SATISFIED', 'RATE_LIMITED']);
    expect(details(verdict)[1]).toBe(
      '30 live transfers authorised for team default in the last minute (limit 30)',
    );
    expect(verdict.grantPlan?.action).toBe('appointment');
  });

  it('still authorises live transfers under the limit', () => {
    const verdict = evaluateEscalation(
      escalationInput({ controls: controls({ escalationsInWindow: 29 }) }),
    );

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
  });

  it.each([
    [{ availableClosers: 0 }, 'no closer is available'],
    [
      { availableClosers: 2, pendingTransfers: 2 },
      '2 transfers pending for 2 available closers (limit 1 per closer)',
    ],
  ])('books an appointment when closers lack capacity (%j)', (load, detail) => {
    const verdict = evaluateEscalation(escalationInput({ controls: controls(load) }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(codes(verdict)).toEqual(['POLICY_SATISFIED', 'NO_CLOSER_CAPACITY']);
    expect(details(verdict)[1]).toBe(detail);
  });

  it('allows pending transfers up to the per-closer factor', () => {
    const policy = editedPolicy(
      (draft) => (draft.controls.maxPendingTransfersPerAvailableCloser = 2),
    );
    const load = controls({ availableClosers: 2, pendingTransfers: 3 });

    expect(evaluateEscalation(escalationInput({ policy, controls: load })).outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
  });

  it('holds in phase ready when controls stop a transfer and no appointment is possible', () => {
    const state = qualifiedState({ consentWindow: null });
    const verdict = evaluateEscalation(
      escalationInput({
        state,
        controls: controls({ escalationsInWindow: 99, availableClosers: 0 }),
      }),
    );

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_HOLD);
    expect(codes(verdict)).toEqual([
      'CONSENT_WINDOW_MISSING',
      'RATE_LIMITED',
      'NO_CLOSER_CAPACITY',
    ]);
    expect(verdict.nextPhase).toBe('ready');
  });

  it('books appointments outside operating hours', () => {
    const policy = editedPolicy((draft) => {
      draft.controls.operatingHours = {
        timeZone: 'America/New_York',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        start: '09:00',
        end: '18:00',
      };
    });
    // T0 is Monday 11:00 in New York; 23:00 UTC is 19:00 there.
    const open = evaluateEscalation(escalationInput({ policy }));
    const lateState = qualifiedState({ updatedAt: toTimestamp(T0 + 8 * HOUR_MS) });
    const late = evaluateEscalation(
      escalationInput({ policy, state: lateState, nowMs: T0 + 8 * HOUR_MS }),
    );

    expect(open.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
    expect(late.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT);
    expect(details(late)[1]).toBe(
      'outside operating hours (mon, tue, wed, thu, fri 09:00-18:00 America/New_York)',
    );
  });
});

describe('evaluateEscalation: denying', () => {
  it('denies with POLICY_NOT_FOUND when the campaign has no policy', () => {
    const verdict = evaluateEscalation(escalationInput({ policy: null }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
    expect(details(verdict)).toEqual(['no policy for campaign spring-promo']);
    expect(verdict.policyId).toBeNull();
    expect(verdict.nextPhase).toBe('qualifying');
  });

  it('denies a policy that does not cover the campaign', () => {
    const policy = editedPolicy((draft) => (draft.campaigns = ['autumn']));

    expect(details(evaluateEscalation(escalationInput({ policy })))).toEqual([
      'policy default does not apply to campaign spring-promo',
    ]);
  });

  it('denies and closes once the call has ended', () => {
    const state = withHealth(qualifiedState(), { callEnded: true });
    const verdict = evaluateEscalation(escalationInput({ state }));

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
    expect(codes(verdict)).toEqual(['INTERACTION_CLOSED']);
    expect(verdict.nextPhase).toBe('closed');
  });

  it.each(['connected', 'scheduled', 'closed'] as const)(
    'denies anything further once %s, staying there',
    (phase) => {
      const verdict = evaluateEscalation(escalationInput({ record: record({ phase }) }));

      expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
      expect(details(verdict)).toEqual([`the interaction is ${phase}`]);
      expect(verdict.nextPhase).toBe(phase);
    },
  );

  it('denies an intent version older than the latest one evaluated', () => {
    const verdict = evaluateEscalation(
      escalationInput({ record: record({ phase: 'qualifying', latestIntentVersion: 5 }) }),
    );

    expect(details(verdict)).toEqual(['intent version 3 is older than version 5']);
    expect(verdict.nextPhase).toBe('qualifying');
  });

  it('decides again on the same version (a redelivery after a revocation)', () => {
    const verdict = evaluateEscalation(
      escalationInput({ record: record({ phase: 'qualifying', latestIntentVersion: 3 }) }),
    );

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER);
  });

  it('denies a version evaluated later than the decision timeout', () => {
    const verdict = evaluateEscalation(escalationInput({ nowMs: T0 + 5_001 }));

    expect(codes(verdict)).toEqual(['STALE_INTENT_VERSION']);
    expect(details(verdict)).toEqual([
      'intent version 3 is 5001 ms old, past the decision timeout of 5000 ms',
    ]);
    expect(evaluateEscalation(escalationInput({ nowMs: T0 + 5_000 })).outcome).toBe(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
  });

  it('denies a second escalation while a grant is active', () => {
    const active = record({
      phase: 'authorised',
      latestIntentVersion: 3,
      grantsIssued: 1,
      activeGrant: {
        grantId: 'g-1',
        action: 'live_transfer',
        scopes: [GRANT_SCOPES.transferLive],
        fallbackScopes: [],
        intentVersion: 3,
        issuedAtMs: T0,
        expiresAtMs: T0 + 120_000,
      },
    });
    const verdict = evaluateEscalation(
      escalationInput({ record: active, state: qualifiedState({ version: 4 }) }),
    );

    expect(verdict.outcome).toBe(Outcome.ESCALATION_OUTCOME_DENY);
    expect(codes(verdict)).toEqual(['ALREADY_AUTHORISED']);
    expect(details(verdict)).toEqual(['grant g-1 (live_transfer, intent version 3) is active']);
    expect(verdict.nextPhase).toBe('authorised');
  });

  it('denies once the interaction used its escalation limit', () => {
    const spent = record({ phase: 'qualifying', latestIntentVersion: 2, grantsIssued: 2 });
    const verdict = evaluateEscalation(escalationInput({ record: spent }));

    expect(codes(verdict)).toEqual(['ESCALATION_LIMIT_REACHED']);
    expect(details(verdict)).toEqual(['2 of 2 escalations used']);
  });

  it('denies before it holds: a closed call with a voicemail is simply closed', () => {
    const state = withHealth(qualifiedState(), { callEnded: true, answeringMachine: true });

    expect(codes(evaluateEscalation(escalationInput({ state })))).toEqual(['INTERACTION_CLOSED']);
  });
});

describe('evaluateEscalation: input', () => {
  it.each<[string, Parameters<typeof escalationInput>[0]]>([
    ['state.interactionId', { state: qualifiedState({ interactionId: 'has space' }) }],
    ['state.version', { state: qualifiedState({ version: 0 }) }],
    ['record.interactionId', { record: record({ interactionId: 'ix-2' }) }],
    ['readinessNow', { readinessNow: Number.NaN }],
    ['readinessNow', { readinessNow: 1.2 }],
    ['nowMs', { nowMs: Number.POSITIVE_INFINITY }],
    ['controls.availableClosers', { controls: controls({ availableClosers: -1 }) }],
  ])('refuses an unusable %s', (field, overrides) => {
    let thrown: unknown;
    try {
      evaluateEscalation(escalationInput(overrides));
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(EscalationInputError);
    expect(thrown).toMatchObject({ code: 'ESCALATION_INPUT_INVALID', field });
  });

  it('gives the same verdict for the same input', () => {
    const input = escalationInput({ controls: controls({ escalationsInWindow: 30 }) });

    expect(evaluateEscalation(input)).toEqual(evaluateEscalation(input));
  });
});
