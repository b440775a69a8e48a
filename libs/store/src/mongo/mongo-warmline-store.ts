import type { Collection, MongoClient } from 'mongodb';
import type { AuditLog } from '../port/audit-log.js';
import type { CheckpointRepository } from '../port/checkpoints.js';
import type { IdempotencyKeys } from '../port/idempotency-keys.js';
import type { IntentStateRepository } from '../port/intent-state-repository.js';
import type { WarmlineStore } from '../port/warmline-store.js';
import type { AuditRecordDocument } from './audit-record-document.js';
import type { IntentStateDocument } from './intent-state-document.js';
import { MongoAuditLog } from './mongo-audit-log.js';
import { MongoCheckpoints, type CheckpointDocument } from './mongo-checkpoints.js';
import { MongoIdempotencyKeys, type ClaimDocument } from './mongo-idempotency-keys.js';
import { MongoIntentStateRepository } from './mongo-intent-state-repository.js';
import { MongoStoreGuard } from './mongo-store-guard.js';

/** The store's collections, bound to the database (and its write concern) they live in. */
export interface MongoStoreCollections {
  readonly intentState: Collection<IntentStateDocument>;
  readonly intentHistory: Collection<IntentStateDocument>;
  readonly audit: Collection<AuditRecordDocument>;
  readonly idempotency: Collection<ClaimDocument>;
  readonly checkpoints: Collection<CheckpointDocument>;
}

/** The store over verified collections; built by openMongoStore. */
export class MongoWarmlineStore implements WarmlineStore {
  readonly intents: IntentStateRepository;
  readonly audit: AuditLog;
  readonly idempotency: IdempotencyKeys;
  readonly checkpoints: CheckpointRepository;
  readonly #guard = new MongoStoreGuard();

  /** `ownedClient` is closed on close; pass null when the caller owns the client. */
  constructor(
    collections: MongoStoreCollections,
    private readonly ownedClient: MongoClient | null,
  ) {
    this.intents = new MongoIntentStateRepository(
      collections.intentState,
      collections.intentHistory,
      this.#guard,
    );
    this.audit = new MongoAuditLog(collections.audit, this.#guard);
    this.idempotency = new MongoIdempotencyKeys(collections.idempotency, this.#guard);
    this.checkpoints = new MongoCheckpoints(collections.checkpoints, this.#guard);
  }

  /** Refuses new operations, lets those under way finish, then closes the client if the store owns it. */
  async close(): Promise<void> {
    if (!this.#guard.close()) {
      return;
    }
    await this.#guard.settled();
    await this.ownedClient?.close();
  }
}
