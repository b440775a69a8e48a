import { GrantSigner, generateSigningKey, signingKeyFromSeed } from '@warmline/authority';
import { fromTimestamp, v1 } from '@warmline/contracts';
import { T0, escalationInput } from './__fixtures__/intent.js';
import { escalationDecisionOf, grantRevokedOf, isAuthorisation } from './decision-messages.js';
import { EscalationInputError } from './errors.js';
import { evaluateEscalation } from './evaluate-escalation.js';

const signer = new GrantSigner({ signingKey: signingKeyFromSeed(generateSigningKey().seed) });

describe('escalationDecisionOf', () => {
  it('builds an authorisation that survives the wire, grant attached', () => {
    const verdict = evaluateEscalation(escalationInput());
    const grant = signer.issue({ ...verdict.grantPlan!, decisionId: 'dec-7' }, T0 + 500);
    const decision = escalationDecisionOf(verdict, { decisionId: 'dec-7', nowMs: T0 + 500, grant });
    const wire = v1.EscalationDecision.decode(
      v1.EscalationDecision.encode(v1.EscalationDecision.create(decision)).finish(),
    );

    expect(v1.EscalationDecision.verify(decision)).toBeNull();
    expect(wire).toMatchObject({
      decisionId: 'dec-7',
      interactionId: 'ix-1',
      intentVersion: 3,
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      policyId: 'default',
      policyVersion: 1,
      state: v1.InteractionState.INTERACTION_STATE_AUTHORISED,
      previousState: v1.InteractionState.INTERACTION_STATE_QUALIFYING,
      campaignId: 'spring-promo',
      readinessScore: 0.85,
    });
    expect(wire.reasons[0].code).toBe(v1.DecisionReasonCode.DECISION_REASON_CODE_POLICY_SATISFIED);
    expect(Buffer.from(wire.grant!.signature!).equals(Buffer.from(grant.signature))).toBe(true);
    expect(fromTimestamp(wire.decidedAt!)).toBe(T0 + 500);
  });

  it('writes empty policy fields for POLICY_NOT_FOUND and no grant for a DENY', () => {
    const verdict = evaluateEscalation(escalationInput({ policy: null }));
    const decision = escalationDecisionOf(verdict, { decisionId: 'dec-8', nowMs: T0 });

    expect(decision).toMatchObject({ policyId: '', policyVersion: 0 });
    expect(decision.grant).toBeUndefined();
    expect(isAuthorisation(decision.outcome!)).toBe(false);
  });

  it('refuses an authorisation without its grant and a grant on a HOLD', () => {
    const authorise = evaluateEscalation(escalationInput());
    const hold = evaluateEscalation(escalationInput({ readinessNow: 0.1 }));
    const grant = signer.issue({ ...authorise.grantPlan!, decisionId: 'dec-9' }, T0);

    expect(() => escalationDecisionOf(authorise, { decisionId: 'dec-9', nowMs: T0 })).toThrow(
      EscalationInputError,
    );
    expect(() => escalationDecisionOf(hold, { decisionId: 'dec-9', nowMs: T0, grant })).toThrow(
      EscalationInputError,
    );
  });
});

describe('grantRevokedOf', () => {
  it('builds the GrantRevoked message', () => {
    const message = grantRevokedOf(
      {
        grantId: 'g-1',
        reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
        detail: 'escalation_permission revoked by the buyer',
        intentVersion: 5,
      },
      T0,
    );

    expect(v1.GrantRevoked.verify(message)).toBeNull();
    expect(message).toMatchObject({ grantId: 'g-1', intentVersion: 5 });
    expect(fromTimestamp(message.revokedAt!)).toBe(T0);
  });
});
