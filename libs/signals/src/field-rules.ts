// Field checks shared by the event validators. Each throws PerceptionEventInvalidError naming the
// wire path of the field and saying what was expected and what arrived.
import { isValidId } from '@warmline/contracts';
import { PerceptionEventInvalidError } from './errors.js';

const UINT32_MAX = 0xffff_ffff;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** A number in 0..1 (confidences, scores); NaN and infinities are refused. */
export function requireUnitInterval(value: number | null | undefined, field: string): void {
  const number = value ?? 0;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw invalid(field, `must be within 0..1, got ${String(number)}`);
  }
}

/** An unsigned 32-bit integer, as the proto declares (plain objects can carry anything). */
export function requireUint32(value: number | null | undefined, field: string): void {
  const number = value ?? 0;
  if (!Number.isInteger(number) || number < 0 || number > UINT32_MAX) {
    throw invalid(field, `must be an integer within 0..${UINT32_MAX}, got ${String(number)}`);
  }
}

/** An unsigned 32-bit integer greater than zero. */
export function requirePositiveUint32(value: number | null | undefined, field: string): void {
  requireUint32(value, field);
  if ((value ?? 0) === 0) throw invalid(field, 'must be greater than 0, got 0');
}

/** An id by the shared rule `[A-Za-z0-9_-]{1,128}`. */
export function requireId(value: string | null | undefined, field: string): void {
  if (!value) throw invalid(field, 'is missing');
  if (!isValidId(value)) {
    throw invalid(
      field,
      `must match [A-Za-z0-9_-]{1,128}, got ${JSON.stringify(String(value).slice(0, 140))}`,
    );
  }
}

/** One of `allowed` (enum values), by name in the message so the producer sees what it sent. */
export function requireOneOf(
  value: number | null | undefined,
  allowed: readonly number[],
  names: Readonly<Record<number, string>>,
  field: string,
): void {
  const number = value ?? 0;
  if (!allowed.includes(number)) {
    const expected = allowed.map((v) => names[v]).join(' or ');
    throw invalid(field, `must be ${expected}, got ${names[number] ?? number}`);
  }
}

/** A BCP 47-looking language tag ("en-US", "es-419", "zh-Hant-TW") that Intl accepts. */
export function requireLanguageTag(value: string | null | undefined, field: string): void {
  if (!value) throw invalid(field, 'is missing');
  if (!LANGUAGE_TAG.test(value) || !isCanonicalisable(value)) {
    throw invalid(
      field,
      `must be a BCP 47 language tag such as "en-US", got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
}

/** The error for `field` with a message that starts with the field's own name. */
export function invalid(field: string, problem: string): PerceptionEventInvalidError {
  const name = field.slice(field.lastIndexOf('.') + 1);
  return new PerceptionEventInvalidError(field, `${name} ${problem}`);
}

function isCanonicalisable(tag: string): boolean {
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}
