// Field schemas shared by the request bodies: ids, unsigned integers, fractions and RFC 3339 times,
// each with the description the OpenAPI document shows.
import { ID_PATTERN } from '@warmline/contracts';
import { z } from 'zod';
import { parseRfc3339 } from './rfc3339.js';

const UINT32_MAX = 0xffff_ffff;

/** An id by the shared rule `[A-Za-z0-9_-]{1,128}` (it becomes a NATS subject token). */
export function idField(description: string) {
  return z
    .string()
    .regex(ID_PATTERN, 'must be 1-128 characters of [A-Za-z0-9_-]')
    .meta({ description });
}

/** A protobuf uint32 as a JSON number. */
export function uint32Field(description: string) {
  return z.int().min(0).max(UINT32_MAX).meta({ description });
}

/** A number from 0 to 1 (confidences, scores). */
export function fractionField(description: string) {
  return z.number().meta({ description: `${description}, 0..1` });
}

/** An RFC 3339 instant, e.g. "2026-11-24T15:04:05.120Z" (any offset; up to nanoseconds). */
export function instantField(description: string) {
  return z
    .string()
    .refine(
      (text) => parseRfc3339(text) !== null,
      'must be an RFC 3339 time such as 2026-11-24T15:04:05Z',
    )
    .meta({ description, format: 'date-time' });
}

/** Free text with an upper bound, so a body cannot smuggle megabytes into one field. */
export function textField(description: string, max = 4_096) {
  return z.string().max(max).meta({ description });
}
