import type { AuditLog } from './audit-log.js';
import type { CheckpointRepository } from './checkpoints.js';
import type { IdempotencyKeys } from './idempotency-keys.js';
import type { IntentStateRepository } from './intent-state-repository.js';

/** Everything an agent persists, behind one handle, whichever adapter stores it. */
export interface WarmlineStore {
  readonly intents: IntentStateRepository;
  readonly audit: AuditLog;
  readonly idempotency: IdempotencyKeys;
  readonly checkpoints: CheckpointRepository;
  /** Releases the store's resources; afterwards every operation fails with StoreClosedError. Idempotent. */
  close(): Promise<void>;
}
