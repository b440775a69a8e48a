// The effects of a decision and of a revocation: the message on the `decision` family and its audit
// records. Every id is derived from the decision or grant id, so a step replayed after a crash
// publishes and records exactly the same things, which the stream and the audit log drop.
import type { Effect } from '@warmline/agent-runtime';
import { toTimestamp, v1, warmline, type IAuthorityGrant } from '@warmline/contracts';
import {
  escalationDecisionOf,
  grantRevokedOf,
  type Revocation,
  type Verdict,
} from '@warmline/policy';

/** Event id of the EscalationDecision `decisionId`. */
export function decisionEventId(decisionId: string): string {
  return `dec-${decisionId}`;
}

/** Event id of the GrantRevoked of `grantId`. */
export function revocationEventId(grantId: string): string {
  return `revoke-${grantId}`;
}

/** What a decision is published with. */
export interface PublishedDecision {
  readonly verdict: Verdict;
  readonly decisionId: string;
  readonly nowMs: number;
  /** The signed grant of an authorisation, else null. */
  readonly grant: IAuthorityGrant | null;
  readonly grantId: string | null;
  /** The IntentStateChanged event decided on. */
  readonly causationId: string;
  readonly sequence: number;
}

/**
 * Publishes the decision (with the grant in its body and in `authority.grant`) and audits it, and
 * the grant as issued.
 */
export function decisionEffects(published: PublishedDecision): Effect[] {
  const { verdict, decisionId, nowMs, grant, grantId } = published;
  const interactionId = verdict.interactionId;
  const decision = escalationDecisionOf(verdict, { decisionId, nowMs, grant });
  const effects: Effect[] = [
    {
      kind: 'publish',
      family: 'decision',
      interactionId,
      envelope: {
        eventId: decisionEventId(decisionId),
        sequence: published.sequence,
        occurredAt: toTimestamp(nowMs),
        causationId: published.causationId,
        correlationId: interactionId,
        intentVersion: verdict.intentVersion,
        escalationDecision: decision,
        ...(grant && { authority: { grant } }),
      },
    },
    {
      kind: 'audit',
      record: {
        interactionId,
        recordId: `decision-${decisionId}`,
        kind: 'decision',
        at: nowMs,
        payload: warmline.v1.EscalationDecision.encode(decision).finish(),
        summary: {
          outcome: enumName(v1.EscalationOutcome, verdict.outcome, 'ESCALATION_OUTCOME_'),
          intentVersion: verdict.intentVersion,
          policyId: verdict.policyId ?? '',
          policyVersion: verdict.policyVersion ?? 0,
          reasons: verdict.reasons
            .map((reason) =>
              enumName(v1.DecisionReasonCode, reason.code ?? 0, 'DECISION_REASON_CODE_'),
            )
            .join(','),
          state: verdict.nextPhase,
          readiness: verdict.readiness,
          ...(grantId && { grantId }),
        },
      },
    },
  ];
  if (grant && grantId && verdict.grantPlan) {
    const plan = verdict.grantPlan;
    effects.push({
      kind: 'audit',
      record: {
        interactionId,
        recordId: `grant-${grantId}-issued`,
        kind: 'grant',
        at: nowMs,
        payload: warmline.v1.AuthorityGrant.encode(grant).finish(),
        summary: {
          event: 'issued',
          grantId,
          decisionId,
          scopes: plan.scopes.join(','),
          fallbackScopes: plan.fallbackScopes.join(','),
          intentVersion: plan.intentVersion,
        },
      },
    });
  }
  return effects;
}

/** What a revocation is published with. */
export interface PublishedRevocation {
  readonly interactionId: string;
  readonly revocation: Revocation;
  readonly nowMs: number;
  /** The signed grant withdrawn, as stored (base64), for its audit record. */
  readonly signedGrant: string;
  /** The intent event that invalidated the grant, or the grant's decision for time-driven ones. */
  readonly causationId: string;
  readonly sequence: number;
}

/** Publishes GrantRevoked (intent_version = the version that invalidated it) and audits it. */
export function revocationEffects(published: PublishedRevocation): Effect[] {
  const { interactionId, revocation, nowMs } = published;
  const reason = enumName(v1.GrantRevocationReason, revocation.reason, 'GRANT_REVOCATION_REASON_');
  return [
    {
      kind: 'publish',
      family: 'decision',
      interactionId,
      envelope: {
        eventId: revocationEventId(revocation.grantId),
        sequence: published.sequence,
        occurredAt: toTimestamp(nowMs),
        causationId: published.causationId,
        correlationId: interactionId,
        intentVersion: revocation.intentVersion,
        grantRevoked: grantRevokedOf(revocation, nowMs),
      },
    },
    {
      kind: 'audit',
      record: {
        interactionId,
        recordId: `grant-${revocation.grantId}-revoked`,
        kind: 'grant',
        at: nowMs,
        payload: new Uint8Array(Buffer.from(published.signedGrant, 'base64')),
        summary: {
          event: 'revoked',
          reason,
          grantId: revocation.grantId,
          detail: revocation.detail,
          intentVersion: revocation.intentVersion,
        },
      },
    },
  ];
}

function enumName(values: Record<number, string>, value: number, prefix: string): string {
  return (values[value] ?? String(value)).replace(prefix, '');
}
