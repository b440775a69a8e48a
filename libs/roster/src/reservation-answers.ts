// Changing a reservation's state: the closer's answer, the router letting go, and expiry. Each
// change is idempotent (asking for the state it is already in returns the same ledger object) and
// anything else outside the state machine throws IllegalReservationTransitionError.
import type { warmline } from '@warmline/contracts';
import {
  IllegalReservationTransitionError,
  ReservationConflictError,
  ReservationExpiredError,
  ReservationNotFoundError,
} from './errors.js';
import {
  allReservations,
  findReservation,
  withReservation,
  type ReservationLedger,
} from './ledger.js';
import { canTransition, type Reservation, type ReservationStatus } from './reservation.js';

/** The closer accepted: pending -> accepted. Refused (ReservationExpiredError) at or after expiry. */
export function acceptReservation(
  ledger: ReservationLedger,
  reservationId: string,
  nowMs: number,
): ReservationLedger {
  return move(ledger, reservationId, 'accepted', nowMs, '');
}

/** The closer rejected: pending -> rejected. */
export function rejectReservation(
  ledger: ReservationLedger,
  reservationId: string,
  nowMs: number,
  reason = 'rejected by closer',
): ReservationLedger {
  return move(ledger, reservationId, 'rejected', nowMs, reason);
}

/** The router let go before the closer answered: pending -> rescinded. */
export function rescindReservation(
  ledger: ReservationLedger,
  reservationId: string,
  nowMs: number,
  reason: string,
): ReservationLedger {
  return move(ledger, reservationId, 'rescinded', nowMs, reason);
}

/** The handoff the closer accepted has ended: accepted -> released, freeing the capacity. */
export function releaseReservation(
  ledger: ReservationLedger,
  reservationId: string,
  nowMs: number,
  reason = 'handoff ended',
): ReservationLedger {
  return move(ledger, reservationId, 'released', nowMs, reason);
}

/**
 * Frees the closer whatever the reservation's state: rescinds a pending one, releases an accepted
 * one, and leaves an ended one as it is. The router's one call when a handoff or attempt ends
 * (caller hung up, fallback, call over).
 */
export function endReservation(
  ledger: ReservationLedger,
  reservationId: string,
  nowMs: number,
  reason: string,
): ReservationLedger {
  const reservation = requireReservation(ledger, reservationId);
  if (reservation.status === 'pending')
    return move(ledger, reservationId, 'rescinded', nowMs, reason);
  if (reservation.status === 'accepted')
    return move(ledger, reservationId, 'released', nowMs, reason);
  return ledger;
}

/**
 * A closer desk's ReservationResponse applied: accept or reject, after checking that the answering
 * closer is the reserved one (ReservationConflictError otherwise).
 */
export function answerReservation(
  ledger: ReservationLedger,
  response: warmline.v1.IReservationResponse,
  nowMs: number,
): ReservationLedger {
  const reservationId = response.reservationId ?? '';
  const reservation = requireReservation(ledger, reservationId);
  if (reservation.closerId !== (response.closerId ?? '')) {
    throw new ReservationConflictError(
      reservationId,
      `answered by closer ${JSON.stringify(response.closerId ?? '')}, but reserves ${reservation.closerId}`,
    );
  }
  return response.accepted
    ? acceptReservation(ledger, reservationId, nowMs)
    : rejectReservation(ledger, reservationId, nowMs, response.reason || 'rejected by closer');
}

/** What `expire` did: the new ledger and the reservations it timed out (to publish as TIMEOUT). */
export interface ExpiryResult {
  readonly ledger: ReservationLedger;
  readonly expired: readonly Reservation[];
}

/**
 * Times out every pending reservation whose expiresAtMs is at or before `nowMs`, freeing its
 * capacity. With nothing overdue the same ledger object comes back. Overdue pending reservations
 * still hold capacity until this runs, so the router runs it before selecting a closer.
 */
export function expire(ledger: ReservationLedger, nowMs: number): ExpiryResult {
  const overdue = allReservations(ledger).filter(
    (r) => r.status === 'pending' && r.expiresAtMs <= nowMs,
  );
  let next = ledger;
  const expired: Reservation[] = [];
  for (const reservation of overdue) {
    const timedOut = changed(reservation, 'timeout', nowMs, 'not answered in time');
    next = withReservation(next, timedOut);
    expired.push(timedOut);
  }
  return { ledger: next, expired };
}

function move(
  ledger: ReservationLedger,
  reservationId: string,
  to: ReservationStatus,
  nowMs: number,
  reason: string,
): ReservationLedger {
  const reservation = requireReservation(ledger, reservationId);
  if (reservation.status === to) return ledger;
  if (!canTransition(reservation.status, to)) {
    throw new IllegalReservationTransitionError(reservationId, reservation.status, to);
  }
  if (to === 'accepted' && nowMs >= reservation.expiresAtMs) {
    throw new ReservationExpiredError(reservationId, reservation.expiresAtMs, nowMs);
  }
  return withReservation(ledger, changed(reservation, to, nowMs, reason));
}

function changed(
  reservation: Reservation,
  status: ReservationStatus,
  nowMs: number,
  reason: string,
): Reservation {
  return { ...reservation, status, changedAtMs: nowMs, reason };
}

function requireReservation(ledger: ReservationLedger, reservationId: string): Reservation {
  const reservation = findReservation(ledger, reservationId);
  if (reservation === null) throw new ReservationNotFoundError(reservationId);
  return reservation;
}
