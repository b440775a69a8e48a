// The MongoDB collections of the store and the indexes its queries need, declared once. The provisioning
// step creates them; agents only verify they exist (openMongoStore). Names start with wl_ so the store
// can share a database and a role can be granted on exactly these collections.
import type { IndexDescription } from 'mongodb';

/** Collection names by role (the same roles as the KV adapter's buckets). */
export const MONGO_COLLECTIONS = {
  /** Current intent state: one document per interaction, `_id` = interaction id. */
  intentState: 'wl_intent_state',
  /** Every intent version: `_id` = `<interaction id>.<version>`, inserted once, never changed. */
  intentHistory: 'wl_intent_history',
  /** Audit records: `_id` = `<interaction id>.<record id>`, inserted once, never changed. */
  audit: 'wl_audit',
  /** Idempotency claims: `_id` = the idempotency key; released by deleting the holder's document. */
  idempotency: 'wl_idempotency',
  /** Agents' checkpoints: `_id` = `<agent>.<kind>.<id>`, written with compare-and-set on `revision`. */
  checkpoints: 'wl_checkpoints',
} as const;

export type MongoCollectionRole = keyof typeof MONGO_COLLECTIONS;

/** Every collection role, in a stable order. */
export const MONGO_COLLECTION_ROLES = Object.keys(MONGO_COLLECTIONS) as MongoCollectionRole[];

/** An index the store relies on; `name` is what openMongoStore looks for. */
export type MongoStoreIndex = IndexDescription & { readonly name: string };

/**
 * The secondary indexes of each collection, beyond `_id`. Every one serves a query of the port, and the
 * unique ones are part of correctness: they are what refuses a second copy of a version or of a record.
 */
export const MONGO_INDEXES: Record<MongoCollectionRole, readonly MongoStoreIndex[]> = {
  intentState: [],
  intentHistory: [
    // history(): one interaction's versions in order; unique, so a version is recorded once.
    { name: 'interaction_version', key: { interactionId: 1, version: 1 }, unique: true },
  ],
  audit: [
    // append(): the interaction's last sequence number; unique, so two appends never share one.
    { name: 'interaction_seq', key: { interactionId: 1, seq: 1 }, unique: true },
    // list(): the interaction's story ordered by time, then append order.
    { name: 'interaction_story', key: { interactionId: 1, at: 1, seq: 1 } },
  ],
  idempotency: [],
  checkpoints: [],
};
