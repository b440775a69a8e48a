// How the adapter writes and reads the few BSON types it stores. Epoch milliseconds, versions, sequence
// numbers and revisions are int64 (exact for every safe integer, one type per field); bytes are BinData.
import { Binary, Long } from 'mongodb';

/** An int64 as written (Long) or as read back (a number: the driver promotes longs that fit). */
export type Int64 = Long | number;

/** A stored document as read: every field may be missing or of another type (written by someone else). */
export type Untrusted<T> = { readonly [K in keyof T]?: unknown };

/** The int64 of a safe integer. */
export function int64(value: number): Long {
  return Long.fromNumber(value);
}

/** The number an int64 field holds, or null when the field is not an integer (a damaged document). */
export function readInt64(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? value : null;
  }
  if (isBsonValue<Long>(value, 'Long')) {
    const number = value.toNumber();
    return Number.isSafeInteger(number) ? number : null;
  }
  return null;
}

/** The BinData of `bytes`. */
export function binary(bytes: Uint8Array): Binary {
  return new Binary(bytes);
}

/** A copy of the bytes a BinData field holds, or null when the field is not BinData. */
export function readBytes(value: unknown): Uint8Array | null {
  // A copy, not the driver's view: the caller may keep the bytes while the driver reuses its buffer.
  return isBsonValue<Binary>(value, 'Binary') ? new Uint8Array(value.value()) : null;
}

// By BSON type tag rather than instanceof: a caller's client may come from another copy of the driver.
function isBsonValue<T>(value: unknown, bsontype: string): value is T {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _bsontype?: unknown })._bsontype === bsontype
  );
}
