// Every id the router derives, in one place. Derived ids are deterministic — a step re-run after a
// crash or on another replica publishes and stores the same ids, which the stream and the audit log
// drop as repeats — and always follow the id rule [A-Za-z0-9_-]{1,128}.
import { fnv1a32 } from '@warmline/contracts';

const MAX_ID_LENGTH = 128;

/**
 * `text` as an id: characters outside the id rule become `_`, and an over-long id keeps its start
 * and ends with a hash of the whole, so distinct texts keep distinct ids.
 */
export function boundedId(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_-]/g, '_');
  if (safe.length > 0 && safe.length <= MAX_ID_LENGTH) return safe;
  const hash = fnv1a32(text).toString(16).padStart(8, '0');
  return `${safe.slice(0, MAX_ID_LENGTH - hash.length - 1)}-${hash}`;
}

/** The handoff executing a grant: one per grant. */
export function handoffIdOf(grantId: string): string {
  return boundedId(`ho-${grantId}`);
}

/** The reservation of one handoff attempt (the ledger's reserve is idempotent by it). */
export function reservationIdOf(handoffId: string, attempt: number): string {
  return boundedId(`${handoffId}-r${attempt}`);
}

/** Event id of the HandoffEvent of timeline entry `index`. */
export function handoffEventId(handoffId: string, index: number): string {
  return boundedId(`hev-${handoffId}-${index}`);
}

/** Event id of the ReservationEvent announcing `status`. */
export function reservationEventId(reservationId: string, status: string): string {
  return boundedId(`rsv-${reservationId}-${status}`);
}

/** Event id of a telephony command: its idempotency key made an id (`:` is not allowed). */
export function telephonyEventId(commandKey: string): string {
  return boundedId(`tel-${commandKey}`);
}

/** Handoff id of the FAILED event that reports a refused decision (a refusal starts no handoff). */
export function refusalHandoffId(decisionEventId: string): string {
  return boundedId(`refused-${decisionEventId}`);
}

/** Audit record id of a grant's use. */
export function grantUsedRecordId(grantId: string): string {
  return boundedId(`grant-used-${grantId}`);
}

/** Audit record id of a refused decision. */
export function grantRefusedRecordId(decisionEventId: string): string {
  return boundedId(`grant-refused-${decisionEventId}`);
}

/** Checkpoint key of an interaction's handoff record. */
export function interactionKey(interactionId: string): string {
  return `router.handoff.${interactionId}`;
}

/** Checkpoint key of one closer's reservations. */
export function closerLedgerKey(closerId: string): string {
  return `router.ledger.${closerId}`;
}
