// One interaction through the governor's whole loop, the way the app wires it: evaluate, sign with
// @warmline/authority, publish, record; revoke when the buyer objects; decide again.
import {
  GrantSigner,
  GrantVerifier,
  decodeGrantClaims,
  generateSigningKey,
  signingKeyFromSeed,
} from '@warmline/authority';
import { GRANT_SCOPES, toTimestamp, v1, type IIntentState } from '@warmline/contracts';
import {
  INTERACTION_ID,
  T0,
  controls,
  qualifiedState,
  withMarker,
  withObjection,
} from './__fixtures__/intent.js';
import { escalationDecisionOf, grantRevokedOf } from './decision-messages.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { evaluateEscalation } from './evaluate-escalation.js';
import { evaluateRevocation } from './evaluate-revocation.js';
import {
  newInteractionRecord,
  recordDecision,
  recordExecution,
  recordRevocation,
  type InteractionRecord,
} from './interaction-record.js';
import { RateWindow } from './rate-window.js';
import { readinessAt } from './readiness.js';

const key = signingKeyFromSeed(generateSigningKey().seed);
const signer = new GrantSigner({ signingKey: key });
const verifier = new GrantVerifier({ trustedIssuerKeys: [key.publicKey] });

/** The governor's handler for one IntentStateChanged, as the app runs it. */
function onIntentState(
  record: InteractionRecord,
  state: IIntentState,
  nowMs: number,
  team: RateWindow,
) {
  const policy = DEFAULT_POLICY;
  const readinessNow = readinessAt(state, policy, nowMs);
  const revocation = evaluateRevocation({ record, state, readinessNow, policy, nowMs });
  if (revocation) record = recordRevocation(record, revocation);

  const snapshot = controls({ escalationsInWindow: RateWindow.countIn(team, nowMs) });
  const verdict = evaluateEscalation({
    policy,
    state,
    readinessNow,
    record,
    controls: snapshot,
    nowMs,
  });
  const decisionId = `dec-${state.version}`;
  const grant = verdict.grantPlan
    ? signer.issue({ ...verdict.grantPlan, decisionId }, nowMs)
    : null;
  const decision = escalationDecisionOf(verdict, { decisionId, nowMs, grant });
  const issued = grant && decodeGrantClaims(grant.claims);
  return {
    record: recordDecision(record, verdict, { decisionId, grant: issued }),
    revoked: revocation && grantRevokedOf(revocation, nowMs),
    decision,
    grant,
    team: verdict.grantPlan?.action === 'live_transfer' ? RateWindow.record(team, nowMs) : team,
  };
}

const at = (version: number, state: IIntentState) =>
  ({ ...state, version, updatedAt: toTimestamp(T0 + version * 1_000) }) as IIntentState;

describe('the escalation loop', () => {
  it('holds, authorises, revokes on a new objection, decides on the new version, and re-authorises', () => {
    let record = newInteractionRecord(INTERACTION_ID, 'spring-promo');
    let team = RateWindow.empty();

    // v1: the buyer hedges.
    const hedged = withMarker(
      qualifiedState(),
      'timing_consent',
      v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
    );
    let step = onIntentState(record, at(1, hedged), T0 + 1_100, team);
    expect(step.decision.outcome).toBe(v1.EscalationOutcome.ESCALATION_OUTCOME_HOLD);
    expect(step.decision.state).toBe(v1.InteractionState.INTERACTION_STATE_QUALIFYING);
    ({ record, team } = step);

    // v2: everything confirmed: a live-transfer grant bound to v2.
    step = onIntentState(record, at(2, qualifiedState()), T0 + 2_100, team);
    expect(step.decision.outcome).toBe(
      v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
    expect(step.decision.previousState).toBe(v1.InteractionState.INTERACTION_STATE_QUALIFYING);
    const claims = verifier.verify(
      step.grant,
      {
        interactionId: INTERACTION_ID,
        intentVersion: 2,
        requiredScope: GRANT_SCOPES.transferLive,
      },
      T0 + 2_200,
    );
    expect(claims).toMatchObject({ intentVersion: 2, decisionId: 'dec-2', policyId: 'default' });
    ({ record, team } = step);
    expect(record).toMatchObject({ phase: 'authorised', grantsIssued: 1, latestIntentVersion: 2 });
    expect(RateWindow.countIn(team, T0 + 2_200)).toBe(1);

    // v3: a new objection: the grant is revoked and v3 itself is decided on (HOLD).
    step = onIntentState(record, at(3, withObjection(qualifiedState(), 'price')), T0 + 3_100, team);
    expect(step.revoked).toMatchObject({
      grantId: claims.grantId,
      reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
      intentVersion: 3,
    });
    expect(step.decision).toMatchObject({
      intentVersion: 3,
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_HOLD,
      previousState: v1.InteractionState.INTERACTION_STATE_QUALIFYING,
      state: v1.InteractionState.INTERACTION_STATE_QUALIFYING,
    });
    expect(step.decision.reasons?.map((r) => r.detail)).toEqual([
      'objection "price" is unresolved',
    ]);
    ({ record, team } = step);
    expect(record.activeGrant).toBeNull();

    // v4: the objection is resolved: a second grant, the last the policy allows.
    const resolved = withObjection(
      qualifiedState(),
      'price',
      v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
    );
    step = onIntentState(record, at(4, resolved), T0 + 4_100, team);
    expect(step.decision.outcome).toBe(
      v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
    );
    ({ record, team } = step);
    expect(record.grantsIssued).toBe(2);

    // The router connects the buyer; the hang-up afterwards changes nothing.
    record = recordExecution(recordExecution(record, 'transfer-started'), 'connected');
    record = recordExecution(record, 'closed');
    expect(record).toMatchObject({ phase: 'connected', activeGrant: null });
  });
});
