import type { warmline } from '@warmline/contracts';
import { advance } from './advance.js';
import { openLegs } from './guards.js';
import type { CloserLeg, Handoff } from './handoff.js';
import { isTerminal } from './phase.js';
import { cancelCommand, commandContext } from './telephony-plan.js';

/** What to undo when an attempt or a handoff ends before a bridge. */
export interface ReleasePlan {
  /** Closer legs that may still be up (dialled, not reported ended, not yet cancelled). */
  readonly legsToCancel: readonly CloserLeg[];
  /** One cancel command per leg, keyed by the leg's own attempt; record each with recordCommand. */
  readonly cancelCommands: readonly warmline.v1.ITelephonyCommand[];
  /**
   * The current attempt's reservation, to end with @warmline/roster's endReservation (rescinds a
   * pending one, releases an accepted one, leaves an ended one alone); `null` when there is none.
   */
  readonly reservationToEnd: string | null;
}

/**
 * What to cancel and release now: before trying the next closer, before a fallback, and when the
 * caller hangs up. Leaves the handoff as it is.
 */
export function releasePlan(handoff: Handoff, reason: string): ReleasePlan {
  const legsToCancel = openLegs(handoff);
  return {
    legsToCancel,
    cancelCommands: legsToCancel.map((leg) =>
      cancelCommand(commandContext(handoff, leg.attempt), leg.legId, reason),
    ),
    reservationToEnd: handoff.current?.reservationId ?? null,
  };
}

/** The result of the caller hanging up. */
export interface CallerHangUp extends ReleasePlan {
  readonly handoff: Handoff;
}

/**
 * The caller hung up at `atMs`: a handoff that is not over becomes caller_abandoned, with the legs
 * to cancel and the reservation to end. After the end (bridged, returned to the AI, ...) nothing
 * changes and nothing is to be undone here (after a bridge the router releases the reservation
 * when the call ends).
 */
export function callerHungUp(handoff: Handoff, atMs: number): CallerHangUp {
  if (isTerminal(handoff.phase))
    return { handoff, legsToCancel: [], cancelCommands: [], reservationToEnd: null };
  return {
    ...releasePlan(handoff, 'caller hung up'),
    handoff: advance(handoff, { type: 'caller_hung_up' }, atMs),
  };
}
