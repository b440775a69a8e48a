// When a handler fails, how often and how late the message comes back.
import { MAX_DELIVER, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from './constants.js';
import { InvalidBusOptionsError } from './errors.js';

/** Redelivery rules of one consumer. */
export interface RetryPolicy {
  /** Deliveries before the message is dead-lettered with MAX_DELIVERIES_EXCEEDED (≥ 1). */
  readonly maxDeliver: number;
  /** Delay before delivery n+1 after delivery n failed: `backoffMs[n-1]`, the last entry repeating. */
  readonly backoffMs: readonly number[];
}

/** Doubling delays `baseMs, 2·baseMs, …`, each capped at `maxMs`; `count` entries. */
export function exponentialBackoff(baseMs: number, maxMs: number, count: number): number[] {
  return Array.from({ length: Math.max(count, 1) }, (_, i) => Math.min(baseMs * 2 ** i, maxMs));
}

/** The default policy with any given fields overridden, validated once. */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const maxDeliver = overrides.maxDeliver ?? MAX_DELIVER;
  const backoffMs =
    overrides.backoffMs ??
    exponentialBackoff(RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS, maxDeliver - 1);
  if (!Number.isInteger(maxDeliver) || maxDeliver < 1) {
    throw new InvalidBusOptionsError(`retry.maxDeliver must be an integer ≥ 1, got ${maxDeliver}`);
  }
  if (backoffMs.length === 0 || backoffMs.some((ms) => !Number.isFinite(ms) || ms < 0)) {
    throw new InvalidBusOptionsError(`retry.backoffMs must be a non-empty list of delays ≥ 0 ms`);
  }
  return { maxDeliver, backoffMs: [...backoffMs] };
}

/** Delay before the next delivery after delivery number `deliveryCount` (1-based) failed. */
export function redeliveryDelayMs(policy: RetryPolicy, deliveryCount: number): number {
  const index = Math.min(Math.max(deliveryCount, 1), policy.backoffMs.length) - 1;
  return policy.backoffMs[index] as number;
}
