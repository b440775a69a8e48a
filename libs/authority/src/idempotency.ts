import type { GrantClaims } from './claims.js';

/**
 * The idempotency key of the side effect a grant authorises (a transfer, a booking).
 *
 * A verified grant can arrive more than once (at-least-once delivery, a replayed message, a
 * retried handler); GrantVerifier does not remember grants, so replay protection is the consumer's
 * job: it keys the effect by this value and performs it at most once per key. `attempt` (1-based)
 * separates the effects a grant allows several of, e.g. the n-th closer tried under max_attempts.
 *
 * The key is `<grant_id>` or `<grant_id>.<attempt>`; grant ids never contain a dot, so keys of
 * different grants cannot collide. It is valid as a NATS KV key and as a Nats-Msg-Id.
 */
export function grantIdempotencyKey(
  claims: Pick<GrantClaims, 'grantId'>,
  attempt?: number,
): string {
  if (attempt === undefined) return claims.grantId;
  if (!Number.isSafeInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  }
  return `${claims.grantId}.${attempt}`;
}
