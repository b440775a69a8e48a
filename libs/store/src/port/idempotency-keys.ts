/** Outcome of a claim: the first claimer wins; everyone after learns who holds the key. */
export type ClaimResult =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly owner: string; readonly claimedAt: number };

/**
 * Idempotency keys guard side effects that must happen once (a telephony command per grant, a booking
 * per request): claim the key before the effect, and only the winner performs it.
 */
export interface IdempotencyKeys {
  /**
   * Atomically claims `key` for `owner` at `now` (epoch ms). Of any number of concurrent claims, across
   * processes, exactly one gets `{ claimed: true }`. A later claim, even by the same owner, gets
   * `{ claimed: false, owner, claimedAt }` — the same owner seeing itself means a redelivery after a
   * crash, and the caller decides whether its effect already happened.
   */
  claim(key: string, owner: string, now: number): Promise<ClaimResult>;

  /**
   * Gives the key up when `owner` holds it (e.g. the effect failed and may be retried), so it can be
   * claimed again. Returns false, changing nothing, when the key is unclaimed or held by someone else.
   */
  release(key: string, owner: string): Promise<boolean>;
}
