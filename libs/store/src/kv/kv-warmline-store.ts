import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import type { AuditLog } from '../port/audit-log.js';
import type { CheckpointRepository } from '../port/checkpoints.js';
import type { IdempotencyKeys } from '../port/idempotency-keys.js';
import type { IntentStateRepository } from '../port/intent-state-repository.js';
import type { WarmlineStore } from '../port/warmline-store.js';
import type { KvBucketRole } from './buckets.js';
import { KvAuditLog } from './kv-audit-log.js';
import { KvCheckpoints } from './kv-checkpoints.js';
import { KvIdempotencyKeys } from './kv-idempotency-keys.js';
import { KvIntentStateRepository } from './kv-intent-state-repository.js';
import { StoreGuard } from './store-guard.js';

/** The store over opened KV buckets; built by openKvStore. */
export class KvWarmlineStore implements WarmlineStore {
  readonly intents: IntentStateRepository;
  readonly audit: AuditLog;
  readonly idempotency: IdempotencyKeys;
  readonly checkpoints: CheckpointRepository;
  readonly #guard = new StoreGuard();

  /** `ownedConnection` is drained on close; pass null when the caller owns the connection. */
  constructor(
    buckets: Record<KvBucketRole, KV>,
    private readonly ownedConnection: NatsConnection | null,
  ) {
    this.intents = new KvIntentStateRepository(
      buckets.intentState,
      buckets.intentHistory,
      this.#guard,
    );
    this.audit = new KvAuditLog(buckets.audit, this.#guard);
    this.idempotency = new KvIdempotencyKeys(buckets.idempotency, this.#guard);
    this.checkpoints = new KvCheckpoints(buckets.checkpoints, this.#guard);
  }

  /** Refuses new operations, lets those under way finish, then closes the connection if the store owns it. */
  async close(): Promise<void> {
    if (!this.#guard.close()) {
      return;
    }
    await this.#guard.settled();
    // close, not drain: nothing is left to flush, and drain never resolves on a connection that lost its server.
    if (this.ownedConnection !== null && !this.ownedConnection.isClosed()) {
      await this.ownedConnection.close();
    }
  }
}
