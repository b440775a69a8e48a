// Every error of this library carries a stable `code`, so the router can dead-letter bad presence
// (DeadLetter.error_code) and tell a lost reservation race from a bug without parsing messages.
import type { ReservationStatus } from './reservation.js';

/** Every code a RosterError can carry. */
export type RosterErrorCode =
  | 'CLOSER_PRESENCE_INVALID'
  | 'CLOSER_UNAVAILABLE'
  | 'CAPACITY_EXCEEDED'
  | 'RESERVATION_INVALID'
  | 'RESERVATION_CONFLICT'
  | 'RESERVATION_NOT_FOUND'
  | 'RESERVATION_EXPIRED'
  | 'ILLEGAL_RESERVATION_TRANSITION';

/** Base class of every error thrown by @warmline/roster. */
export abstract class RosterError extends Error {
  abstract readonly code: RosterErrorCode;
}

/** True when `err` is one of this library's errors. */
export function isRosterError(err: unknown): err is RosterError {
  return err instanceof RosterError;
}

/** A CloserPresence report cannot be used: the field named is missing or out of range. */
export class CloserPresenceInvalidError extends RosterError {
  readonly code = 'CLOSER_PRESENCE_INVALID';

  constructor(
    /** The closer the report is about, as given (may itself be the invalid field). */
    readonly closerId: string,
    /** The offending field, e.g. "capacity" or "workingHours[2].endMinute". */
    readonly field: string,
    message: string,
  ) {
    super(`closer presence ${JSON.stringify(closerId)}: ${field} ${message}`);
    this.name = 'CloserPresenceInvalidError';
  }
}

/** The closer cannot be reserved: unknown to the roster or not AVAILABLE. */
export class CloserUnavailableError extends RosterError {
  readonly code = 'CLOSER_UNAVAILABLE';

  constructor(
    readonly closerId: string,
    /** The closer's presence, or "unknown" when the roster has never heard of them. */
    readonly presence: string,
  ) {
    super(`closer ${closerId} cannot be reserved: presence is ${presence}`);
    this.name = 'CloserUnavailableError';
  }
}

/** Reserving would put the closer over capacity (another router got there first). */
export class CapacityExceededError extends RosterError {
  readonly code = 'CAPACITY_EXCEEDED';

  constructor(
    readonly closerId: string,
    readonly capacity: number,
    /** Pending and accepted reservations the closer already holds. */
    readonly active: number,
  ) {
    super(`closer ${closerId} already holds ${active} of ${capacity} reservations`);
    this.name = 'CapacityExceededError';
  }
}

/** A reservation request is malformed (bad id, attempt or expiry). */
export class ReservationInvalidError extends RosterError {
  readonly code = 'RESERVATION_INVALID';

  constructor(
    /** The offending field, e.g. "expiresAtMs". */
    readonly field: string,
    message: string,
  ) {
    super(`reservation ${field} ${message}`);
    this.name = 'ReservationInvalidError';
  }
}

/**
 * A reservation contradicts the ledger: its id is already used for another closer or handoff, a
 * response names another closer, or the handoff attempt already holds an active reservation.
 */
export class ReservationConflictError extends RosterError {
  readonly code = 'RESERVATION_CONFLICT';

  constructor(
    readonly reservationId: string,
    message: string,
  ) {
    super(`reservation ${reservationId}: ${message}`);
    this.name = 'ReservationConflictError';
  }
}

/** No reservation with this id is in the ledger (never made, or pruned). */
export class ReservationNotFoundError extends RosterError {
  readonly code = 'RESERVATION_NOT_FOUND';

  constructor(readonly reservationId: string) {
    super(`reservation ${reservationId} is not in the ledger`);
    this.name = 'ReservationNotFoundError';
  }
}

/** A closer answered a pending reservation at or after its expiry; run `expire` to time it out. */
export class ReservationExpiredError extends RosterError {
  readonly code = 'RESERVATION_EXPIRED';

  constructor(
    readonly reservationId: string,
    readonly expiresAtMs: number,
    readonly nowMs: number,
  ) {
    super(`reservation ${reservationId} expired ${nowMs - expiresAtMs} ms ago`);
    this.name = 'ReservationExpiredError';
  }
}

/** The reservation state machine does not allow this change (e.g. accepting a timed-out one). */
export class IllegalReservationTransitionError extends RosterError {
  readonly code = 'ILLEGAL_RESERVATION_TRANSITION';

  constructor(
    readonly reservationId: string,
    readonly from: ReservationStatus,
    readonly to: ReservationStatus,
  ) {
    super(`reservation ${reservationId} cannot go from ${from} to ${to}`);
    this.name = 'IllegalReservationTransitionError';
  }
}
