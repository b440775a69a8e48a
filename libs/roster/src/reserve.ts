import { isValidId } from '@warmline/contracts';
import {
  CapacityExceededError,
  CloserUnavailableError,
  ReservationConflictError,
  ReservationInvalidError,
} from './errors.js';
import {
  activeReservations,
  allReservations,
  closerLedger,
  findReservation,
  withCloserLedger,
  type ReservationLedger,
} from './ledger.js';
import { isActive, type Reservation, type ReservationRequest } from './reservation.js';
import { findCloser, type Roster } from './roster.js';

/**
 * The ledger with `request` held as a pending reservation of the closer.
 *
 * Idempotent by reservation id: repeating a request (same id, closer, handoff and attempt) returns
 * the same ledger object whatever has happened to the reservation since, so a redelivered grant
 * never reserves twice. Refuses with
 * - ReservationInvalidError: bad id, handoffId or attempt, or an expiry not after `nowMs`;
 * - ReservationConflictError: the id is used for another closer/handoff/attempt, or this handoff
 *   attempt already holds an active reservation (one closer per attempt);
 * - CloserUnavailableError: the closer is unknown to `roster` or not AVAILABLE;
 * - CapacityExceededError: pending + accepted reservations already fill the closer's capacity.
 * Reserving stamps the closer's lastAssignedAtMs and assignment count (fairness).
 */
export function reserve(
  ledger: ReservationLedger,
  closerId: string,
  request: ReservationRequest,
  roster: Roster,
  nowMs: number,
): ReservationLedger {
  checkIdentity(request);
  // Before the expiry check: a request redelivered after its reservation expired is still a no-op.
  const existing = findReservation(ledger, request.id);
  if (existing !== null) return repeated(ledger, existing, closerId, request);
  checkExpiry(request, nowMs);
  const rival = allReservations(ledger).find(
    (r) => isActive(r) && r.handoffId === request.handoffId && r.attempt === request.attempt,
  );
  if (rival) {
    throw new ReservationConflictError(
      request.id,
      `handoff ${request.handoffId} attempt ${request.attempt} already holds reservation ${rival.id} of closer ${rival.closerId}`,
    );
  }
  const closer = findCloser(roster, closerId);
  if (closer === null || closer.presence !== 'available') {
    throw new CloserUnavailableError(closerId, closer?.presence ?? 'unknown');
  }
  const active = activeReservations(ledger, closerId).length;
  if (active >= closer.capacity) throw new CapacityExceededError(closerId, closer.capacity, active);
  const entry = closerLedger(ledger, closerId);
  const reservation: Reservation = {
    id: request.id,
    handoffId: request.handoffId,
    attempt: request.attempt,
    expiresAtMs: request.expiresAtMs,
    closerId,
    status: 'pending',
    reservedAtMs: nowMs,
    changedAtMs: nowMs,
    reason: '',
  };
  return withCloserLedger(ledger, closerId, {
    reservations: [...entry.reservations, reservation],
    lastAssignedAtMs: nowMs,
    assignments: entry.assignments + 1,
  });
}

function repeated(
  ledger: ReservationLedger,
  existing: Reservation,
  closerId: string,
  request: ReservationRequest,
): ReservationLedger {
  const same =
    existing.closerId === closerId &&
    existing.handoffId === request.handoffId &&
    existing.attempt === request.attempt;
  if (same) return ledger;
  throw new ReservationConflictError(
    request.id,
    `id already reserves closer ${existing.closerId} for handoff ${existing.handoffId} attempt ${existing.attempt}`,
  );
}

function checkIdentity(request: ReservationRequest): void {
  if (!isValidId(request.id))
    throw new ReservationInvalidError('id', 'must match [A-Za-z0-9_-]{1,128}');
  if (!isValidId(request.handoffId)) {
    throw new ReservationInvalidError('handoffId', 'must match [A-Za-z0-9_-]{1,128}');
  }
  if (!Number.isSafeInteger(request.attempt) || request.attempt < 1) {
    throw new ReservationInvalidError(
      'attempt',
      `must be a positive integer, got ${request.attempt}`,
    );
  }
}

function checkExpiry(request: ReservationRequest, nowMs: number): void {
  if (!Number.isFinite(nowMs))
    throw new ReservationInvalidError('nowMs', `must be finite, got ${nowMs}`);
  if (!Number.isFinite(request.expiresAtMs) || request.expiresAtMs <= nowMs) {
    throw new ReservationInvalidError(
      'expiresAtMs',
      `must be after now (${nowMs}), got ${request.expiresAtMs}`,
    );
  }
}
