// Recognises the MongoDB server answers the adapter turns into port outcomes.
import { MongoServerError } from 'mongodb';

/** Server error codes the adapter acts on (the server's `ErrorCodes` names). */
export const MONGO_ERROR_CODES = {
  NamespaceExists: 48,
  DocumentValidationFailure: 121,
  DuplicateKey: 11000,
} as const;

/**
 * True when a write was refused because a unique index (or `_id`) already holds the key: an insert of a
 * stored id, or an upsert that found a document its filter did not match. This refusal is what makes
 * create, append and claim atomic.
 */
export function isDuplicateKey(err: unknown): boolean {
  return hasCode(err, MONGO_ERROR_CODES.DuplicateKey);
}

/** True when `createCollection` found the collection already there (a concurrent provisioning step). */
export function isNamespaceExists(err: unknown): boolean {
  return hasCode(err, MONGO_ERROR_CODES.NamespaceExists);
}

/** True when a collection's validator refused a document. */
export function isDocumentValidationFailure(err: unknown): boolean {
  return hasCode(err, MONGO_ERROR_CODES.DocumentValidationFailure);
}

function hasCode(err: unknown, code: number): boolean {
  return err instanceof MongoServerError && err.code === code;
}
