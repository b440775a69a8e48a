import { toTimestamp, type warmline } from '@warmline/contracts';
import { reservationStateOf, type Reservation } from './reservation.js';

/**
 * The ReservationEvent announcing a reservation's current state. A PENDING event is the desk's
 * request to accept or reject, so pass the brief with it (warm mode).
 */
export function reservationEvent(
  reservation: Reservation,
  context: { readonly grantId: string; readonly brief?: warmline.v1.IHandoffBrief | null },
): warmline.v1.IReservationEvent {
  return {
    reservationId: reservation.id,
    closerId: reservation.closerId,
    state: reservationStateOf(reservation.status),
    expiresAt: toTimestamp(reservation.expiresAtMs),
    reason: reservation.reason,
    handoffId: reservation.handoffId,
    attempt: reservation.attempt,
    grantId: context.grantId,
    brief: context.brief ?? null,
  };
}
