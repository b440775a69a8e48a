// The wire messages the governor publishes, built from a verdict or a revocation so that the app's
// handler only adds ids, the signed grant and the clock.
import { toTimestamp, v1, type IAuthorityGrant, type warmline } from '@warmline/contracts';
import { EscalationInputError } from './errors.js';
import type { Verdict } from './evaluate-escalation.js';
import type { Revocation } from './evaluate-revocation.js';
import { interactionStateOf } from './interaction-phase.js';

/**
 * The EscalationDecision for `verdict`. `grant` is the signed grant of an authorisation (required
 * then, refused otherwise: EscalationInputError).
 */
export function escalationDecisionOf(
  verdict: Verdict,
  published: {
    readonly decisionId: string;
    readonly nowMs: number;
    readonly grant?: IAuthorityGrant | null;
  },
): warmline.v1.IEscalationDecision {
  const grant = published.grant ?? null;
  if ((verdict.grantPlan === null) !== (grant === null)) {
    throw new EscalationInputError(
      'grant',
      verdict.grantPlan
        ? 'grant: an authorisation must carry its signed grant'
        : 'grant: only an authorisation carries a grant',
    );
  }
  return {
    decisionId: published.decisionId,
    interactionId: verdict.interactionId,
    intentVersion: verdict.intentVersion,
    outcome: verdict.outcome,
    reasons: verdict.reasons.map((item) => ({ ...item })),
    policyId: verdict.policyId ?? '',
    policyVersion: verdict.policyVersion ?? 0,
    ...(grant && { grant }),
    state: interactionStateOf(verdict.nextPhase),
    previousState: interactionStateOf(verdict.previousPhase),
    decidedAt: toTimestamp(published.nowMs),
    campaignId: verdict.campaignId,
    readinessScore: verdict.readiness,
  };
}

/** The GrantRevoked message for `revocation`, revoked at `nowMs`. */
export function grantRevokedOf(revocation: Revocation, nowMs: number): warmline.v1.IGrantRevoked {
  return {
    grantId: revocation.grantId,
    reason: revocation.reason,
    intentVersion: revocation.intentVersion,
    detail: revocation.detail,
    revokedAt: toTimestamp(nowMs),
  };
}

/** True for AUTHORIZE_LIVE_TRANSFER and AUTHORIZE_APPOINTMENT. */
export function isAuthorisation(outcome: warmline.v1.EscalationOutcome): boolean {
  return (
    outcome === v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER ||
    outcome === v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT
  );
}
