// How a simulated closer's desk and phone play the reaction drawn for one transfer attempt
// (@warmline/simulation's deskResponse): the ReservationResponse to a PENDING reservation, and how
// the phone answers the dial that follows. One draw per closer per attempt serves both surfaces.
import type { warmline } from '@warmline/contracts';
import type { DeskAnswer } from '@warmline/simulation';
import type { DialOutcome } from './closer-line.js';

/** A desk's answer to a reservation: publish `response` `afterMs` simulated ms after PENDING. */
export interface ReservationReply {
  readonly afterMs: number;
  readonly response: warmline.v1.IReservationResponse;
}

/**
 * The rng stream of a closer's reaction to `attempt` of the call's `handoffOrdinal`-th transfer
 * (1-based): `desk-<attempt>` for the first transfer, `desk-<ordinal>-<attempt>` after it, so a
 * second grant's attempts draw afresh.
 */
export function deskStream(handoffOrdinal: number, attempt: number): string {
  return handoffOrdinal <= 1 ? `desk-${attempt}` : `desk-${handoffOrdinal}-${attempt}`;
}

/**
 * The desk's answer to a PENDING `reservation`: accepted or rejected after the closer's reaction
 * time, or null when the closer does not answer (the reservation then times out).
 */
export function reservationReply(
  reservation: warmline.v1.IReservationEvent,
  answer: DeskAnswer,
): ReservationReply | null {
  if (answer.reservation === null) return null;
  const { accepted, afterMs } = answer.reservation;
  return {
    afterMs,
    response: {
      reservationId: reservation.reservationId ?? '',
      closerId: reservation.closerId ?? '',
      accepted,
      reason: accepted ? '' : declineReason(answer),
    },
  };
}

/**
 * How the closer's phone answers a dial: busy when they are already on as many calls as they take,
 * otherwise as drawn (ring, then answer / decline / voicemail, or ring out).
 */
export function dialOutcomeOf(answer: DeskAnswer, closerAtCapacity: boolean): DialOutcome {
  if (closerAtCapacity) return { kind: 'busy' };
  return { kind: 'rings', state: answer.leg.state, afterMs: answer.leg.afterMs };
}

function declineReason(answer: DeskAnswer): string {
  return answer.response === 'decline' ? 'declined at the desk' : 'not taking this call';
}
