// Public face of @warmline/store: the persistence port, its named errors, the JetStream KV adapter (the
// embedded default) and the MongoDB adapter.
// The contract test suite every adapter must pass is a separate entry: `@warmline/store/contract`.
export type {
  AppendResult,
  AuditListOptions,
  AuditLog,
  AuditRecord,
  AuditRecordKind,
  AuditSummary,
  GrantAuditEvent,
} from './port/audit-log.js';
export {
  AUDIT_RECORD_KINDS,
  GRANT_AUDIT_EVENTS,
  GRANT_EVENTS_REQUIRING_REASON,
} from './port/audit-log.js';
export {
  assertValidAuditRecord,
  assertValidListOptions,
  isAuditRecordKind,
} from './port/audit-record-rules.js';
export {
  assertValidClaimant,
  assertValidClaimTime,
  CLAIM_OWNER_MAX_LENGTH,
} from './port/claim-rules.js';
export {
  CorruptStoredValueError,
  IntentStateConflictError,
  IntentStateNotFoundError,
  InvalidAuditRecordError,
  InvalidClaimError,
  InvalidIdError,
  InvalidIntentStateError,
  isStoreError,
  StaleCheckpointError,
  StaleIntentVersionError,
  StoreClosedError,
  StoreError,
  StoreErrorCodes,
  StoreNotProvisionedError,
  StoreUnavailableError,
  type StoreErrorCode,
} from './port/errors.js';
export type { Checkpoint, CheckpointRepository } from './port/checkpoints.js';
export type { ClaimResult, IdempotencyKeys } from './port/idempotency-keys.js';
export {
  assertValidCheckpointKey,
  assertValidId,
  assertValidIdempotencyKey,
  ID_PATTERN,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
} from './port/ids.js';
export type { IntentState } from './port/intent-state.js';
export type { IntentStateRepository } from './port/intent-state-repository.js';
export { assertCreatable, assertSuccessor } from './port/intent-state-rules.js';
export type { WarmlineStore } from './port/warmline-store.js';
export { decodeIntentState, encodeIntentState } from './codec/intent-state-codec.js';
export { KV_BUCKETS, type KvBucketRole } from './kv/buckets.js';
export {
  DEFAULT_KV_TIMEOUT_MS,
  openKvStore,
  type OpenKvStoreOnConnection,
  type OpenKvStoreOnServers,
  type OpenKvStoreOptions,
} from './kv/open-kv-store.js';
export {
  provisionKvStore,
  type ProvisionKvStoreOptions,
  type ProvisionKvStoreResult,
} from './kv/provision-kv-store.js';
export { MONGO_COLLECTIONS, type MongoCollectionRole } from './mongo/collections.js';
export {
  DEFAULT_MONGO_DATABASE,
  DEFAULT_MONGO_TIMEOUT_MS,
  DEFAULT_MONGO_WRITE_CONCERN,
  MongoStoreOptionsError,
  type MongoStoreWriteConcern,
  type OpenMongoStoreOnClient,
  type OpenMongoStoreOnUri,
  type OpenMongoStoreOptions,
} from './mongo/mongo-store-options.js';
export { openMongoStore } from './mongo/open-mongo-store.js';
export {
  provisionMongoStore,
  type ProvisionMongoStoreResult,
} from './mongo/provision-mongo-store.js';
