// Ids of what the simulator publishes besides the plan's own events. Derived from what caused them,
// so a report re-published after a retry is dropped by JetStream as a repeat.
import { fnv1a32, v1, type warmline } from '@warmline/contracts';

const MAX_ID_LENGTH = 128;

/**
 * `text` as an id ([A-Za-z0-9_-]{1,128}): other characters become `_`; an over-long id keeps its
 * start and ends with a hash of the whole, so distinct texts keep distinct ids.
 */
export function boundedId(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_-]/g, '_');
  if (safe.length > 0 && safe.length <= MAX_ID_LENGTH) return safe;
  const hash = fnv1a32(text).toString(16).padStart(8, '0');
  return `${safe.slice(0, MAX_ID_LENGTH - hash.length - 1)}-${hash}`;
}

/**
 * The event id of a CallProgress report: the command (or, for reports on no command, the
 * interaction and handoff), the leg and the state, e.g. `cp-ho-1_1_dial-leg-ho-1-1-RINGING`.
 */
export function callProgressEventId(
  interactionId: string,
  progress: warmline.v1.ICallProgress,
): string {
  const subject = progress.commandId || `${interactionId}-${progress.handoffId ?? ''}`;
  const state = (v1.CallProgressState[progress.state ?? 0] ?? 'UNKNOWN').replace(
    'CALL_PROGRESS_STATE_',
    '',
  );
  return boundedId(`cp-${subject}-${progress.legId ?? ''}-${state}`);
}

/** The event id of a desk's answer to a reservation. */
export function reservationResponseEventId(reservationId: string): string {
  return boundedId(`desk-${reservationId}`);
}

/** The event id of the event that ends a call's perception stream (a hang-up). */
export function closingEventId(interactionId: string): string {
  return boundedId(`${interactionId}-end`);
}
