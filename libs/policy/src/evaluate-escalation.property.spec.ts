// Invariants of evaluateEscalation over arbitrary intent states, records, loads and policies.
import {
  GrantSigner,
  decodeGrantClaims,
  generateSigningKey,
  signingKeyFromSeed,
} from '@warmline/authority';
import { toTimestamp, v1, type IIntentState, type warmline } from '@warmline/contracts';
import fc from 'fast-check';
import {
  CAMPAIGN_ID,
  HOUR_MS,
  INTERACTION_ID,
  T0,
  qualifiedState,
  withHealth,
  withMarker,
  withObjection,
} from './__fixtures__/intent.js';
import { editedPolicy } from './__fixtures__/policies.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { evaluateEscalation, type EscalationInput, type Verdict } from './evaluate-escalation.js';
import {
  INTERACTION_PHASES,
  canTransition,
  transition,
  type InteractionEvent,
} from './interaction-phase.js';
import { newInteractionRecord, type InteractionRecord } from './interaction-record.js';
import { MAX_GRANT_TTL_MS, type CampaignPolicy } from './policy-schema.js';
import { MARKER_NAMES, markerKindOf, signalFaultOf } from './vocabulary.js';

const Outcome = v1.EscalationOutcome;
const Status = v1.MarkerStatus;
const Code = v1.DecisionReasonCode;

const POLICIES: CampaignPolicy[] = [
  DEFAULT_POLICY,
  editedPolicy((draft) => {
    draft.actions.liveTransfer.enabled = false;
    draft.actions.liveTransfer.fallbackRules = [];
  }),
  editedPolicy((draft) => {
    draft.actions.appointment.requireConsentWindow = false;
    draft.actions.appointment.requiredMarkers = ['scope_confirmed'];
    draft.actions.appointment.readinessThreshold = 0.2;
    draft.controls.escalationLimitPerInteraction = 5;
  }),
  editedPolicy((draft) => {
    draft.controls.operatingHours = {
      timeZone: 'America/New_York',
      days: ['mon', 'tue'],
      start: '09:00',
      end: '12:00',
    };
    draft.signalQuality.holdOnFaults = [];
  }),
];

// Generators lean towards a qualified buyer on a clean call, so that every branch, authorisations
// included, is reached often; the rare values exercise the holds and denials.
const score = (low: number) =>
  fc.oneof(
    { arbitrary: fc.double({ min: low, max: 1, noNaN: true }), weight: 3 },
    { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 },
  );

const evidence = fc.record({
  confidence: score(0.8),
  source: fc.constantFrom(
    v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
    v1.EvidenceSource.EVIDENCE_SOURCE_ASSERTION,
    v1.EvidenceSource.EVIDENCE_SOURCE_UNSPECIFIED,
  ),
});

// Statuses are weighted towards VALIDATED so that authorisations actually happen.
const markers = fc
  .tuple(
    ...MARKER_NAMES.map((name) =>
      fc.option(
        fc.record({
          kind: fc.constant(markerKindOf(name)),
          status: fc.oneof(
            { arbitrary: fc.constant(Status.MARKER_STATUS_VALIDATED), weight: 6 },
            {
              arbitrary: fc.constantFrom(
                Status.MARKER_STATUS_ABSENT,
                Status.MARKER_STATUS_EXPLORATORY,
                Status.MARKER_STATUS_REVOKED,
                Status.MARKER_STATUS_UNSPECIFIED,
              ),
              weight: 1,
            },
          ),
          evidence: fc.oneof(
            { arbitrary: fc.array(evidence, { minLength: 1, maxLength: 3 }), weight: 9 },
            { arbitrary: fc.constant([]), weight: 1 },
          ),
        }),
        { freq: 12 },
      ),
    ),
  )
  .map((all) => all.filter((item) => item !== null) as warmline.v1.IIntentMarker[]);

const rare = fc.boolean().chain((flag) => (flag ? fc.boolean() : fc.constant(false)));

const callHealth = fc
  .record({
    answeringMachine: fc.oneof(
      { arbitrary: fc.constant(false), weight: 4 },
      { arbitrary: fc.boolean(), weight: 1 },
    ),
    amdUncertain: rare,
    amdConfidence: fc.oneof(fc.constant(0), score(0.8)),
    recentFaults: fc.oneof(
      { arbitrary: fc.constant<warmline.v1.SignalFault[]>([]), weight: 3 },
      {
        arbitrary: fc.subarray(
          Object.values(v1.SignalFault).filter(
            (value) => typeof value === 'number',
          ) as warmline.v1.SignalFault[],
        ),
        weight: 1,
      },
    ),
    callEnded: rare,
    signalCount: fc.integer({ min: 0, max: 40 }),
    faultedRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ faultedRatio, ...health }) => ({
    ...health,
    faultedSignalCount: Math.floor(health.signalCount * faultedRatio * 0.45),
  }));

const state: fc.Arbitrary<IIntentState> = fc.record({
  interactionId: fc.constant(INTERACTION_ID),
  campaignId: fc.constant(CAMPAIGN_ID),
  version: fc.integer({ min: 1, max: 8 }),
  updatedAt: fc.constant(toTimestamp(T0)),
  markers,
  objections: fc.array(
    fc.record({
      objectionId: fc.constantFrom('o-1', 'o-2'),
      topic: fc.constantFrom('price', 'timing'),
      status: fc.oneof(
        { arbitrary: fc.constant(v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED), weight: 3 },
        { arbitrary: fc.constant(v1.ObjectionStatus.OBJECTION_STATUS_RAISED), weight: 1 },
      ),
    }),
    { maxLength: 2 },
  ),
  consentWindow: fc.option(
    fc
      .tuple(fc.integer({ min: -3, max: 48 }), fc.integer({ min: -1, max: 4 }))
      .map(([startHours, lengthHours]) => ({
        startAt: toTimestamp(T0 + startHours * HOUR_MS),
        endAt: toTimestamp(T0 + (startHours + lengthHours) * HOUR_MS),
        timeZone: 'America/Chicago',
      })),
  ),
  callHealth,
});

const record: fc.Arbitrary<InteractionRecord> = fc.record({
  interactionId: fc.constant(INTERACTION_ID),
  campaignId: fc.constant(CAMPAIGN_ID),
  phase: fc.oneof(
    {
      arbitrary: fc.constantFrom('engaged' as const, 'qualifying' as const, 'ready' as const),
      weight: 4,
    },
    { arbitrary: fc.constantFrom(...INTERACTION_PHASES), weight: 1 },
  ),
  latestIntentVersion: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 })),
  activeGrant: fc.option(
    fc.record({
      grantId: fc.constant('g-0'),
      action: fc.constantFrom('live_transfer' as const, 'appointment' as const),
      scopes: fc.constant(['transfer.live']),
      fallbackScopes: fc.constant([]),
      intentVersion: fc.integer({ min: 1, max: 6 }),
      issuedAtMs: fc.constant(T0 - 60_000),
      expiresAtMs: fc.integer({ min: T0 - 30_000, max: T0 + 60_000 }),
    }),
    { freq: 5 },
  ),
  grantsIssued: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
  lastDecisionId: fc.constant(null),
});

const input: fc.Arbitrary<EscalationInput> = fc.record({
  policy: fc.oneof(
    { arbitrary: fc.constantFrom(...POLICIES), weight: 9 },
    { arbitrary: fc.constant(null), weight: 1 },
  ),
  state,
  readinessNow: score(0.7),
  record,
  controls: fc.record({
    escalationsInWindow: fc.integer({ min: 0, max: 40 }),
    availableClosers: fc.integer({ min: 0, max: 4 }),
    pendingTransfers: fc.integer({ min: 0, max: 6 }),
  }),
  nowMs: fc.integer({ min: T0, max: T0 + 6_000 }),
});

// One hold condition each, applied to an otherwise qualified buyer.
const HAZARDS: Record<string, (state: IIntentState) => IIntentState> = {
  objection: (state) => withObjection(state, 'price'),
  voicemail: (state) => withHealth(state, { answeringMachine: true }),
  uncertain: (state) => withHealth(state, { amdUncertain: true }),
  lowConfidenceHuman: (state) => withHealth(state, { amdConfidence: 0.6 }),
  degraded: (state) => withHealth(state, { recentFaults: [v1.SignalFault.SIGNAL_FAULT_ASR_LAG] }),
  faultRatio: (state) => withHealth(state, { signalCount: 20, faultedSignalCount: 10 }),
  amdFault: (state) =>
    withHealth(state, { recentFaults: [v1.SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE] }),
};

// A buyer the fixtures call qualified, perturbed: most of these are authorised, some held or denied.
const nearlyQualified: fc.Arbitrary<EscalationInput> = fc
  .record({
    policy: fc.constantFrom(...POLICIES),
    version: fc.integer({ min: 1, max: 8 }),
    weakened: fc.option(fc.constantFrom(...MARKER_NAMES), { freq: 3 }),
    weakStatus: fc.constantFrom(
      Status.MARKER_STATUS_EXPLORATORY,
      Status.MARKER_STATUS_REVOKED,
      Status.MARKER_STATUS_ABSENT,
    ),
    consentWindow: fc.boolean(),
    hazard: fc.option(fc.constantFrom(...Object.keys(HAZARDS)), { freq: 2 }),
    readinessNow: score(0.7),
    phase: fc.constantFrom('engaged' as const, 'qualifying' as const, 'ready' as const),
    grantsIssued: fc.integer({ min: 0, max: 2 }),
    controls: fc.record({
      escalationsInWindow: fc.integer({ min: 0, max: 35 }),
      availableClosers: fc.integer({ min: 0, max: 4 }),
      pendingTransfers: fc.integer({ min: 0, max: 3 }),
    }),
    nowMs: fc.integer({ min: T0, max: T0 + 6_000 }),
  })
  .map((drawn) => {
    let intent = qualifiedState({ version: drawn.version });
    if (!drawn.consentWindow) intent = { ...intent, consentWindow: null };
    if (drawn.weakened) intent = withMarker(intent, drawn.weakened, drawn.weakStatus);
    if (drawn.hazard) intent = HAZARDS[drawn.hazard](intent);
    return {
      policy: drawn.policy,
      state: intent,
      readinessNow: drawn.readinessNow,
      record: {
        ...newInteractionRecord(INTERACTION_ID, CAMPAIGN_ID),
        phase: drawn.phase,
        latestIntentVersion: drawn.version - 1,
        grantsIssued: drawn.grantsIssued,
      },
      controls: drawn.controls,
      nowMs: drawn.nowMs,
    };
  });

/** Arbitrary inputs and nearly qualified ones, half and half. */
const anyInput = fc.oneof(input, nearlyQualified);

const AUTHORISATIONS = new Set<number>([
  Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
  Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
]);

function authorises(verdict: Verdict): boolean {
  return AUTHORISATIONS.has(verdict.outcome);
}

/** The hold conditions of the issue, computed independently of the library's own code. */
function holdConditionPresent({ state, policy }: EscalationInput): boolean {
  const health = state.callHealth ?? {};
  const floors = policy?.signalQuality ?? DEFAULT_POLICY.signalQuality;
  const holding = new Set<number>([
    v1.SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE,
    v1.SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE,
    ...floors.holdOnFaults.map(signalFaultOf),
  ]);
  const seen = health.signalCount ?? 0;
  return (
    health.answeringMachine === true ||
    health.amdUncertain === true ||
    ((health.amdConfidence ?? 0) > 0 && (health.amdConfidence ?? 0) < floors.minAmdConfidence) ||
    (health.recentFaults ?? []).some((fault) => holding.has(fault)) ||
    (seen >= floors.minSignalsForFaultRatio &&
      (health.faultedSignalCount ?? 0) / seen > floors.maxFaultRatio) ||
    // A withdrawn permission to connect holds live transfers, not the appointment the buyer chose.
    (state.markers ?? []).some(
      (marker) =>
        marker.status === Status.MARKER_STATUS_REVOKED &&
        marker.kind !== v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
    ) ||
    (state.objections ?? []).some(
      (objection) => objection.status === v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
    )
  );
}

describe('evaluateEscalation invariants', () => {
  it('never authorises while any hold condition is present', () => {
    fc.assert(
      fc.property(anyInput, (given) => {
        fc.pre(holdConditionPresent(given));
        const verdict = evaluateEscalation(given);

        expect(authorises(verdict)).toBe(false);
        expect(verdict.grantPlan).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('never authorises a live transfer after the buyer withdrew permission to connect', () => {
    fc.assert(
      fc.property(anyInput, (given) => {
        const permission = (given.state.markers ?? []).find(
          (m) => m.kind === v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
        );
        fc.pre(permission?.status === Status.MARKER_STATUS_REVOKED);
        const verdict = evaluateEscalation(given);

        expect(verdict.outcome).not.toBe(
          v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('always gives reasons: unmet ones for HOLD/DENY, POLICY_SATISFIED first for authorisations', () => {
    fc.assert(
      fc.property(anyInput, (given) => {
        const verdict = evaluateEscalation(given);
        const codes = verdict.reasons.map((reason) => reason.code);

        expect(codes.length).toBeGreaterThan(0);
        if (authorises(verdict)) {
          expect(codes[0]).toBe(Code.DECISION_REASON_CODE_POLICY_SATISFIED);
          expect(verdict.grantPlan).not.toBeNull();
        } else {
          expect(codes).not.toContain(Code.DECISION_REASON_CODE_POLICY_SATISFIED);
          expect(verdict.grantPlan).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('binds every grant plan to the evaluated intent version with a lifetime within policy', () => {
    let authorised = 0;
    fc.assert(
      fc.property(anyInput, (given) => {
        const verdict = evaluateEscalation(given);
        fc.pre(verdict.grantPlan !== null);
        authorised++;
        const plan = verdict.grantPlan!;
        const policy = given.policy!;
        const actionTtl =
          plan.action === 'live_transfer'
            ? policy.actions.liveTransfer.grantTtlMs
            : policy.actions.appointment.grantTtlMs;

        expect(plan.intentVersion).toBe(given.state.version);
        expect(plan.interactionId).toBe(given.state.interactionId);
        expect(plan.ttlMs).toBe(actionTtl);
        expect(plan.ttlMs).toBeGreaterThan(0);
        expect(plan.ttlMs).toBeLessThanOrEqual(MAX_GRANT_TTL_MS);
        expect(plan.policyId).toBe(policy.id);
        expect(verdict.outcome).toBe(
          plan.action === 'live_transfer'
            ? Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER
            : Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
        );
      }),
      { numRuns: 1_000 },
    );
    // The generators must actually reach authorisations for this property to mean anything.
    expect(authorised).toBeGreaterThan(20);
  });

  it('authorises only on a live, current, un-granted interaction whose required markers are validated', () => {
    fc.assert(
      fc.property(anyInput, (given) => {
        const verdict = evaluateEscalation(given);
        fc.pre(verdict.grantPlan !== null);
        const policy = given.policy!;
        const action =
          verdict.grantPlan!.action === 'live_transfer'
            ? policy.actions.liveTransfer
            : policy.actions.appointment;
        const validated = new Set(
          (given.state.markers ?? [])
            .filter((marker) => marker.status === Status.MARKER_STATUS_VALIDATED)
            .map((marker) => marker.kind),
        );

        expect(action.enabled).toBe(true);
        expect(action.requiredMarkers.every((name) => validated.has(markerKindOf(name)))).toBe(
          true,
        );
        expect(given.readinessNow).toBeGreaterThanOrEqual(action.readinessThreshold);
        expect(given.state.callHealth?.callEnded).not.toBe(true);
        expect(given.record.activeGrant).toBeNull();
        expect(given.state.version).toBeGreaterThanOrEqual(given.record.latestIntentVersion);
        expect(given.record.grantsIssued).toBeLessThan(
          policy.controls.escalationLimitPerInteraction,
        );
        expect(canTransition(given.record.phase, 'authorised')).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('only moves the lifecycle along legal transitions', () => {
    fc.assert(
      fc.property(anyInput, (given) => {
        const verdict = evaluateEscalation(given);
        const { previousPhase, nextPhase } = verdict;
        const events: InteractionEvent[] = ['evidence', 'ready', 'authorised', 'closed'];
        const legal =
          nextPhase === previousPhase ||
          events.some(
            (event) =>
              canTransition(previousPhase, event) && transition(previousPhase, event) === nextPhase,
          );

        expect(previousPhase).toBe(given.record.phase);
        expect(legal).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('produces grant plans GrantSigner signs as they are', () => {
    const signer = new GrantSigner({ signingKey: signingKeyFromSeed(generateSigningKey().seed) });
    fc.assert(
      fc.property(anyInput, (given) => {
        const verdict = evaluateEscalation(given);
        fc.pre(verdict.grantPlan !== null);
        const grant = signer.issue({ ...verdict.grantPlan!, decisionId: 'dec-p' }, given.nowMs);
        const claims = decodeGrantClaims(grant.claims);

        expect(claims.intentVersion).toBe(given.state.version);
        expect(claims.expiresAtMs - claims.issuedAtMs).toBe(verdict.grantPlan!.ttlMs);
      }),
      // Signing is slow under Jest's VM (see @warmline/authority's README).
      { numRuns: 60 },
    );
  });
});
