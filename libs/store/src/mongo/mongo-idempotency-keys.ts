// Idempotency claims on MongoDB. A claim is an insert with `_id` = the key: the server stores it only
// while no document holds the key, so of any number of concurrent claims exactly one is stored. Release
// deletes the document only while it still names the owner, so it cannot remove someone else's claim.
import type { Collection } from 'mongodb';
import { CorruptStoredValueError } from '../port/errors.js';
import { assertValidClaimant, assertValidClaimTime } from '../port/claim-rules.js';
import type { ClaimResult, IdempotencyKeys } from '../port/idempotency-keys.js';
import { int64, readInt64, type Int64 } from './bson-values.js';
import { isDuplicateKey } from './mongo-errors.js';
import type { MongoStoreGuard } from './mongo-store-guard.js';

/** A stored claim; `_id` = the idempotency key. */
export interface ClaimDocument {
  _id: string;
  owner: string;
  /** Epoch milliseconds. */
  claimedAt: Int64;
}

/** The document of a claim of `key` by `owner` at `now` (epoch ms). */
export function claimDocument(key: string, owner: string, now: number): ClaimDocument {
  return { _id: key, owner, claimedAt: int64(now) };
}

/** A claim lost to a racing release-and-reclaim is retried this many times before giving up. */
const MAX_CLAIM_ATTEMPTS = 5;

export class MongoIdempotencyKeys implements IdempotencyKeys {
  constructor(
    private readonly claims: Collection<ClaimDocument>,
    private readonly guard: MongoStoreGuard,
  ) {}

  claim(key: string, owner: string, now: number): Promise<ClaimResult> {
    return this.guard.run('idempotency.claim', async () => {
      assertValidClaimant(key, owner);
      assertValidClaimTime(key, now);
      for (let attempt = 1; ; attempt++) {
        try {
          await this.claims.insertOne(claimDocument(key, owner, now));
          return { claimed: true };
        } catch (err) {
          if (!isDuplicateKey(err)) {
            throw err;
          }
        }
        const holder = await this.holder(key);
        // No holder means the key was released between our refused insert and this read: try again.
        if (holder !== null) {
          return { claimed: false, ...holder };
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
      const result = await this.claims.deleteOne({ _id: key, owner });
      return result.deletedCount === 1;
    });
  }

  private async holder(key: string): Promise<{ owner: string; claimedAt: number } | null> {
    const doc = await this.claims.findOne({ _id: key });
    if (doc === null) {
      return null;
    }
    const claimedAt = readInt64(doc.claimedAt);
    if (typeof doc.owner !== 'string' || claimedAt === null) {
      throw new CorruptStoredValueError(
        `${this.claims.collectionName}/${key}`,
        'not an idempotency claim',
      );
    }
    return { owner: doc.owner, claimedAt };
  }
}
