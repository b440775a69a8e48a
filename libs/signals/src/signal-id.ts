import { fnv1a32 } from '@warmline/contracts';

const PREFIX = 'sig-';
const MAX_ID_LENGTH = 128;
const KEPT_EVENT_ID_LENGTH = MAX_ID_LENGTH - PREFIX.length - 9;

/**
 * The id of the signal made from perception event `eventId`: `sig-<eventId>`, or, when that would
 * exceed 128 characters, `sig-<first 115 characters>-<fnv1a32 of the whole id, hex>`. It depends on
 * nothing else, so re-processing an event after a crash yields the same signal id (publish it as
 * the signal envelope's event_id and JetStream drops the re-publish).
 */
export function signalIdFor(eventId: string): string {
  if (PREFIX.length + eventId.length <= MAX_ID_LENGTH) return PREFIX + eventId;
  const hash = fnv1a32(eventId).toString(16).padStart(8, '0');
  return `${PREFIX}${eventId.slice(0, KEPT_EVENT_ID_LENGTH)}-${hash}`;
}
