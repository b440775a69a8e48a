// Every error of this library carries a stable `code`, so the scheduler can dead-letter bad input
// with a machine-readable reason and answer a conflict by searching again.

/** Every code a SchedulingError can carry. */
export type SchedulingErrorCode =
  | 'APPOINTMENT_REQUEST_INVALID'
  | 'CLOSER_INVALID'
  | 'SCHEDULING_OPTIONS_INVALID'
  | 'OUTSIDE_CONSENT_WINDOW'
  | 'BOOKING_CONFLICT'
  | 'APPOINTMENT_NOT_FOUND'
  | 'BOOKING_STATE_INVALID';

/** Base class of every error thrown by @warmline/scheduling. */
export abstract class SchedulingError extends Error {
  abstract readonly code: SchedulingErrorCode;
}

/** True when `err` is one of this library's errors. */
export function isSchedulingError(err: unknown): err is SchedulingError {
  return err instanceof SchedulingError;
}

/** An appointment request (or the ids, slot or details given with it) is malformed. */
export class InvalidAppointmentRequestError extends SchedulingError {
  readonly code = 'APPOINTMENT_REQUEST_INVALID';

  constructor(
    /** The offending field, e.g. "window.timeZone" or "durationMs". */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidAppointmentRequestError';
  }
}

/** A closer's presence cannot be used for scheduling (bad id, time zone or working hours). */
export class InvalidCloserError extends SchedulingError {
  readonly code = 'CLOSER_INVALID';

  constructor(
    /** The closer concerned, as given (may itself be the invalid part). */
    readonly closerId: string,
    /** The offending field, e.g. "timeZone" or "workingHours[2].endMinute". */
    readonly field: string,
    message: string,
  ) {
    super(`closer ${JSON.stringify(closerId)} ${field}: ${message}`);
    this.name = 'InvalidCloserError';
  }
}

/** A scheduling option is out of range. */
export class InvalidSchedulingOptionsError extends SchedulingError {
  readonly code = 'SCHEDULING_OPTIONS_INVALID';

  constructor(
    /** The offending option, e.g. "granularityMs". */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidSchedulingOptionsError';
  }
}

/** A booking or a move was asked for a slot that does not lie wholly inside the buyer's consent window. */
export class OutsideConsentWindowError extends SchedulingError {
  readonly code = 'OUTSIDE_CONSENT_WINDOW';

  constructor(
    readonly startMs: number,
    readonly endMs: number,
    readonly windowStartMs: number,
    readonly windowEndMs: number,
  ) {
    super(
      `slot ${new Date(startMs).toISOString()}..${new Date(endMs).toISOString()} is outside the consent window ` +
        `${new Date(windowStartMs).toISOString()}..${new Date(windowEndMs).toISOString()}`,
    );
    this.name = 'OutsideConsentWindowError';
  }
}

/** The slot overlaps (buffer included) a booking the closer already has: search again. */
export class BookingConflictError extends SchedulingError {
  readonly code = 'BOOKING_CONFLICT';

  constructor(
    readonly closerId: string,
    /** The booking in the way. */
    readonly conflictingAppointmentId: string,
  ) {
    super(
      `closer ${closerId} is not free then: it overlaps appointment ${conflictingAppointmentId} (buffer included)`,
    );
    this.name = 'BookingConflictError';
  }
}

/** No booking has the given appointment id. */
export class AppointmentNotFoundError extends SchedulingError {
  readonly code = 'APPOINTMENT_NOT_FOUND';

  constructor(readonly appointmentId: string) {
    super(`no appointment ${appointmentId}`);
    this.name = 'AppointmentNotFoundError';
  }
}

/** The booking is in a status that does not allow the action (moving or inviting to a cancelled one...). */
export class BookingStateError extends SchedulingError {
  readonly code = 'BOOKING_STATE_INVALID';

  constructor(
    readonly appointmentId: string,
    readonly status: string,
    /** What was attempted, e.g. "reschedule". */
    readonly action: string,
  ) {
    super(`cannot ${action} appointment ${appointmentId}: it is ${status}`);
    this.name = 'BookingStateError';
  }
}
