// Idempotency claims on JetStream KV. A claim is `create(key)`: the server accepts it only while the key
// is absent (or released), so of any number of concurrent claims exactly one is stored. Release deletes
// the key only at the revision the owner holds, so it cannot remove someone else's later claim.
import type { KV } from '@nats-io/kv';
import { decodeClaim, encodeClaim, type StoredClaim } from '../codec/claim-codec.js';
import { assertValidClaimant, assertValidClaimTime } from '../port/claim-rules.js';
import type { ClaimResult, IdempotencyKeys } from '../port/idempotency-keys.js';
import { isWrongLastRevision } from './kv-errors.js';
import { getLive } from './kv-reads.js';
import type { StoreGuard } from './store-guard.js';

/** A claim lost to a racing release-and-reclaim is retried this many times before giving up. */
const MAX_CLAIM_ATTEMPTS = 5;

export class KvIdempotencyKeys implements IdempotencyKeys {
  constructor(
    private readonly claims: KV,
    private readonly guard: StoreGuard,
  ) {}

  claim(key: string, owner: string, now: number): Promise<ClaimResult> {
    return this.guard.run('idempotency.claim', async () => {
      assertValidClaimant(key, owner);
      assertValidClaimTime(key, now);
      const bytes = encodeClaim({ owner, claimedAt: now });
      for (let attempt = 1; ; attempt++) {
        try {
          await this.claims.create(key, bytes);
          return { claimed: true };
        } catch (err) {
          if (!isWrongLastRevision(err)) {
            throw err;
          }
        }
        const holder = await this.holder(key);
        // No holder means the key was released between our refused write and this read: try again.
        if (holder !== null) {
          return { claimed: false, owner: holder.owner, claimedAt: holder.claimedAt };
        }
        if (attempt === MAX_CLAIM_ATTEMPTS) {
          throw new Error(
            `claim of ${key} kept racing with releases (${MAX_CLAIM_ATTEMPTS} attempts)`,
          );
        }
      }
    });
  }

  release(key: string, owner: string): Promise<boolean> {
    return this.guard.run('idempotency.release', async () => {
      assertValidClaimant(key, owner);
      const entry = await getLive(this.claims, key);
      if (entry === null || decodeClaim(entry.value, `${entry.bucket}/${key}`).owner !== owner) {
        return false;
      }
      try {
        await this.claims.delete(key, { previousSeq: entry.revision });
        return true;
      } catch (err) {
        if (isWrongLastRevision(err)) {
          return false;
        }
        throw err;
      }
    });
  }

  private async holder(key: string): Promise<StoredClaim | null> {
    const entry = await getLive(this.claims, key);
    return entry === null ? null : decodeClaim(entry.value, `${entry.bucket}/${key}`);
  }
}
