import { InvalidClaimError } from './errors.js';
import { assertValidIdempotencyKey } from './ids.js';

/** Longest owner name a claim accepts (owners are agent instance ids, not user content). */
export const CLAIM_OWNER_MAX_LENGTH = 256;

/** Throws unless `key` and `owner` may be used to claim or release. */
export function assertValidClaimant(key: string, owner: string): void {
  assertValidIdempotencyKey(key);
  if (typeof owner !== 'string' || owner.length === 0 || owner.length > CLAIM_OWNER_MAX_LENGTH) {
    throw new InvalidClaimError(
      `owner of ${key} must be a non-empty string of at most ${CLAIM_OWNER_MAX_LENGTH} characters`,
    );
  }
}

/** Throws unless `now` is a time in epoch milliseconds. */
export function assertValidClaimTime(key: string, now: number): void {
  if (!Number.isSafeInteger(now) || now < 0) {
    throw new InvalidClaimError(`claim of ${key}: now must be epoch milliseconds, got ${now}`);
  }
}
