// Named errors of the persistence port. Every adapter throws these (never a driver's own error), so a
// consumer decides ack / nak / dead-letter on `code` alone, whichever adapter runs underneath.

/** Stable machine-readable codes of the store's errors. */
export const StoreErrorCodes = {
  InvalidId: 'INVALID_ID',
  InvalidIntentState: 'INVALID_INTENT_STATE',
  IntentStateExists: 'INTENT_STATE_EXISTS',
  IntentStateNotFound: 'INTENT_STATE_NOT_FOUND',
  StaleVersion: 'STALE_VERSION',
  InvalidAuditRecord: 'INVALID_AUDIT_RECORD',
  InvalidClaim: 'INVALID_CLAIM',
  StaleCheckpoint: 'STALE_CHECKPOINT',
  CorruptStoredValue: 'CORRUPT_STORED_VALUE',
  NotProvisioned: 'STORE_NOT_PROVISIONED',
  Closed: 'STORE_CLOSED',
  Unavailable: 'STORE_UNAVAILABLE',
} as const;

export type StoreErrorCode = (typeof StoreErrorCodes)[keyof typeof StoreErrorCodes];

/** Base class of every store error: carries a stable `code` and, where one exists, the `cause`. */
export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An interaction id, record id or idempotency key does not follow the id rule. */
export class InvalidIdError extends StoreError {
  readonly code = StoreErrorCodes.InvalidId;

  constructor(
    readonly field: string,
    readonly value: unknown,
    rule: string,
  ) {
    super(`${field} ${JSON.stringify(value)} is invalid: expected ${rule}`);
  }
}

/** An intent state that can never be stored as given (wrong version, wrong interaction). */
export class InvalidIntentStateError extends StoreError {
  readonly code = StoreErrorCodes.InvalidIntentState;
}

/** `create` found a state already stored for the interaction. */
export class IntentStateConflictError extends StoreError {
  readonly code = StoreErrorCodes.IntentStateExists;

  constructor(readonly interactionId: string) {
    super(`intent state of interaction ${interactionId} already exists`);
  }
}

/** `compareAndSet` found no state for the interaction. */
export class IntentStateNotFoundError extends StoreError {
  readonly code = StoreErrorCodes.IntentStateNotFound;

  constructor(readonly interactionId: string) {
    super(`intent state of interaction ${interactionId} does not exist`);
  }
}

/**
 * A compare-and-set was refused because the stored version is not the one the writer read: another
 * writer got there first. Nothing was written; re-read, re-decide, retry.
 */
export class StaleIntentVersionError extends StoreError {
  readonly code = StoreErrorCodes.StaleVersion;

  constructor(
    readonly interactionId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      `stale intent version for interaction ${interactionId}: expected ${expectedVersion}, stored ${actualVersion}`,
    );
  }
}

/** An audit record is malformed (unknown kind, bad time, missing grant event…). */
export class InvalidAuditRecordError extends StoreError {
  readonly code = StoreErrorCodes.InvalidAuditRecord;
}

/** An idempotency claim is malformed (empty owner, bad time). */
export class InvalidClaimError extends StoreError {
  readonly code = StoreErrorCodes.InvalidClaim;
}

/**
 * A checkpoint write was refused because the stored revision is not the one the writer expected:
 * another replica wrote first. Nothing was written; re-read, re-apply, retry.
 */
export class StaleCheckpointError extends StoreError {
  readonly code = StoreErrorCodes.StaleCheckpoint;

  constructor(
    readonly key: string,
    readonly expectedRevision: number | null,
    readonly actualRevision: number | null,
  ) {
    super(
      `stale checkpoint ${key}: expected revision ${expectedRevision ?? 'none'}, stored ${actualRevision ?? 'none'}`,
    );
  }
}

/** A stored value cannot be decoded: written by something else, or damaged. */
export class CorruptStoredValueError extends StoreError {
  readonly code = StoreErrorCodes.CorruptStoredValue;

  constructor(
    readonly location: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`stored value at ${location} cannot be decoded: ${reason}`, options);
  }
}

/** The backing store lacks something the provisioning step must create (a bucket, a collection). */
export class StoreNotProvisionedError extends StoreError {
  readonly code = StoreErrorCodes.NotProvisioned;

  constructor(
    readonly missing: string,
    options?: ErrorOptions,
  ) {
    super(
      `store is not provisioned: ${missing} does not exist (run the provisioning step)`,
      options,
    );
  }
}

/** The store was closed by its owner; no further operation runs. */
export class StoreClosedError extends StoreError {
  readonly code = StoreErrorCodes.Closed;

  constructor(readonly operation: string) {
    super(`store is closed: cannot run ${operation}`);
  }
}

/** The backing store failed or could not be reached; the operation may be retried. */
export class StoreUnavailableError extends StoreError {
  readonly code = StoreErrorCodes.Unavailable;

  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(
      `store operation ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/** True when `err` is a store error with the given code. */
export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  return err instanceof StoreError && (code === undefined || err.code === code);
}
