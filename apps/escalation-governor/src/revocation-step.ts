// Time-driven revocation as a checkpointed step: a grant nobody used expires, and readiness decays
// without any new intent version, so the grant in force is re-checked on a timer against the newest
// state the governor has seen.
import type { StepOutcome } from '@warmline/agent-runtime';
import type { warmline } from '@warmline/contracts';
import {
  evaluateRevocation,
  readinessAt,
  recordRevocation,
  type PolicyBook,
} from '@warmline/policy';
import { grantCheckAtMs, intentStateOf, type GovernedInteraction } from './governed-interaction.js';
import { decisionEventId, revocationEffects } from './governor-effects.js';
import { teamGrantOf, type TeamGrant } from './team-grant.js';

/** What a committed revocation tells the caller. */
export interface GrantExpiry {
  readonly revokedGrantId: string;
  readonly reason: warmline.v1.GrantRevocationReason;
  readonly released: readonly TeamGrant[];
  readonly checkAtMs: number | null;
}

/**
 * Revokes the grant in force when it expired or readiness decayed below its action's threshold at
 * `nowMs`; null when there is nothing to revoke (no grant, no policy, or it still stands).
 */
export function revocationStep(
  current: GovernedInteraction | null,
  policies: PolicyBook,
  nowMs: number,
  grantCheckIntervalMs: number,
): (StepOutcome<GovernedInteraction> & { result: GrantExpiry }) | null {
  if (current?.grant == null || current.latestState === null) return null;
  const { record, grant } = current;
  const policy = policies.policyFor(record.campaignId);
  if (policy === null) return null;
  const state = intentStateOf(current.latestState);
  const readinessNow = readinessAt(state, policy, nowMs);
  const revocation = evaluateRevocation({ record, state, readinessNow, policy, nowMs });
  if (revocation === null) return null;
  const sequence = current.sequence + 1;
  const next: GovernedInteraction = {
    ...current,
    record: recordRevocation(record, revocation),
    grant: null,
    sequence,
  };
  return {
    state: next,
    effects: revocationEffects({
      interactionId: record.interactionId,
      revocation,
      nowMs,
      signedGrant: grant.signed,
      causationId: decisionEventId(grant.decisionId),
      sequence,
    }),
    result: {
      revokedGrantId: revocation.grantId,
      reason: revocation.reason,
      released: teamGrantOf(grant, record.activeGrant),
      checkAtMs: grantCheckAtMs(next, nowMs, grantCheckIntervalMs),
    },
  };
}
