// The id rules every adapter enforces. Ids become parts of NATS subjects and KV keys, so they hold no
// dots or wildcards; the same rule in every adapter keeps data portable between them.
import { InvalidIdError } from './errors.js';

/** Interaction and record ids: `[A-Za-z0-9_-]{1,128}` (the bus's interaction id rule). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Idempotency keys: one or more id tokens joined by dots, e.g. `transfer.<grantId>`; at most 256 characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 256;

/** Throws InvalidIdError unless `value` is a valid interaction or record id. */
export function assertValidId(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new InvalidIdError(field, value, '1-128 characters of [A-Za-z0-9_-]');
  }
}

/** Throws InvalidIdError unless `value` is a valid idempotency key. */
export function assertValidIdempotencyKey(value: unknown): asserts value is string {
  if (
    typeof value !== 'string' ||
    value.length > IDEMPOTENCY_KEY_MAX_LENGTH ||
    !IDEMPOTENCY_KEY_PATTERN.test(value)
  ) {
    throw new InvalidIdError(
      'idempotency key',
      value,
      `dot-separated tokens of [A-Za-z0-9_-], at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
    );
  }
}

/** Throws InvalidIdError unless `value` is a valid checkpoint key or key prefix (same rule as idempotency keys). */
export function assertValidCheckpointKey(field: string, value: unknown): asserts value is string {
  if (
    typeof value !== 'string' ||
    value.length > IDEMPOTENCY_KEY_MAX_LENGTH ||
    !IDEMPOTENCY_KEY_PATTERN.test(value)
  ) {
    throw new InvalidIdError(
      field,
      value,
      `dot-separated tokens of [A-Za-z0-9_-], at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
    );
  }
}
