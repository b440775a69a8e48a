// The KV buckets of the store, declared once. Names start with WL_ because agents' NATS users may use
// `$KV.WL_*` only; the provisioning step creates them, agents only open and verify them.

/** Bucket names by role. */
export const KV_BUCKETS = {
  /** Current intent state: key = interaction id, value = IntentState bytes. */
  intentState: 'WL_INTENT_STATE',
  /** Every intent version: key = `<interaction id>.<version>`, written once. */
  intentHistory: 'WL_INTENT_HISTORY',
  /** Audit records: key = `<interaction id>.<record id>`, written once. */
  audit: 'WL_AUDIT',
  /** Idempotency claims: key = the idempotency key. */
  idempotency: 'WL_IDEMPOTENCY',
  /** Agents' checkpoints: key = `<agent>.<kind>.<id>`, written with compare-and-set by revision. */
  checkpoints: 'WL_CHECKPOINTS',
} as const;

export type KvBucketRole = keyof typeof KV_BUCKETS;

/** What each bucket is for, as shown by `nats kv ls`. */
export const KV_BUCKET_DESCRIPTIONS: Record<KvBucketRole, string> = {
  intentState: 'Warmline: current intent state per interaction (compare-and-set by revision)',
  intentHistory: 'Warmline: every intent state version, keyed <interaction>.<version>, append-only',
  audit: 'Warmline: audit trail, keyed <interaction>.<record>, append-only',
  idempotency: 'Warmline: idempotency claims guarding side effects',
  checkpoints: "Warmline: agents' working state (compare-and-set by revision)",
};

/**
 * Values kept per key. One is enough everywhere: compare-and-set uses the key's revision, history and
 * audit keep one key per version / record, and nothing is ever rewritten there.
 */
export const KV_HISTORY_PER_KEY = 1;

/** Every bucket, in a stable order. */
export const KV_BUCKET_ROLES = Object.keys(KV_BUCKETS) as KvBucketRole[];
