// The KV adapter stores an idempotency claim as JSON: who holds the key, since when.
import { CorruptStoredValueError } from '../port/errors.js';

export interface StoredClaim {
  readonly owner: string;
  readonly claimedAt: number;
}

/** The stored bytes of a claim. */
export function encodeClaim(claim: StoredClaim): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ owner: claim.owner, claimedAt: claim.claimedAt }),
  );
}

/**
 * Decodes stored bytes back into a claim.
 * @throws CorruptStoredValueError when the bytes are not a claim.
 */
export function decodeClaim(bytes: Uint8Array, location: string): StoredClaim {
  let claim: Partial<StoredClaim>;
  try {
    claim = JSON.parse(new TextDecoder().decode(bytes)) as Partial<StoredClaim>;
  } catch (err) {
    throw new CorruptStoredValueError(location, 'not JSON', { cause: err });
  }
  if (typeof claim?.owner !== 'string' || typeof claim.claimedAt !== 'number') {
    throw new CorruptStoredValueError(location, 'not an idempotency claim');
  }
  return { owner: claim.owner, claimedAt: claim.claimedAt };
}
