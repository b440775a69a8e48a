import type { Booking } from './booking.js';
import {
  bookingsOf,
  conflictingBooking,
  findBooking,
  withBooking,
  type Calendar,
} from './calendar.js';
import { DEFAULT_BUFFER_MS } from './constants.js';
import {
  checkConsentWindow,
  checkInstant,
  insideWindow,
  type ConsentWindow,
} from './consent-window.js';
import {
  AppointmentNotFoundError,
  BookingConflictError,
  BookingStateError,
  InvalidAppointmentRequestError,
  OutsideConsentWindowError,
} from './errors.js';
import { checkSlot, type Slot } from './slot.js';
import type { BookingOptions } from './book.js';

/** Options of reschedule. */
export interface RescheduleOptions extends BookingOptions {
  /** The buyer's consent window for the new time; when given, a slot outside it is refused. */
  readonly window?: ConsentWindow;
  /** The current time; when given, a new start in the past is refused. */
  readonly nowMs?: number;
}

/** The calendar after a reschedule, the booking before and after, and why. */
export interface RescheduleResult {
  readonly calendar: Calendar;
  readonly booking: Booking;
  readonly previous: Booking;
  readonly reason: string;
  /** False when the booking already had exactly this slot (a repeated command): nothing changed. */
  readonly changed: boolean;
}

/**
 * Moves an appointment to `newSlot` (possibly another closer), raising its SEQUENCE by one so
 * calendar clients replace the old invite. Idempotent: moving it to where it already is changes
 * nothing. Throws AppointmentNotFoundError, BookingStateError (cancelled), BookingConflictError,
 * OutsideConsentWindowError (with `options.window`) or InvalidAppointmentRequestError.
 */
export function reschedule(
  calendar: Calendar,
  appointmentId: string,
  newSlot: Slot,
  reason: string,
  options: RescheduleOptions = {},
): RescheduleResult {
  const previous = findBooking(calendar, appointmentId);
  if (!previous) throw new AppointmentNotFoundError(appointmentId);
  if (previous.status !== 'booked') {
    throw new BookingStateError(appointmentId, previous.status, 'reschedule');
  }
  checkSlot(newSlot, 'newSlot');
  if (
    previous.closerId === newSlot.closerId &&
    previous.startMs === newSlot.startMs &&
    previous.endMs === newSlot.endMs
  ) {
    return { calendar, booking: previous, previous, reason, changed: false };
  }
  checkMove(newSlot, options);
  const conflict = conflictingBooking(
    bookingsOf(calendar, newSlot.closerId),
    newSlot,
    options.bufferMs ?? DEFAULT_BUFFER_MS,
    appointmentId,
  );
  if (conflict) throw new BookingConflictError(newSlot.closerId, conflict.appointmentId);

  const booking: Booking = {
    ...previous,
    closerId: newSlot.closerId,
    startMs: newSlot.startMs,
    endMs: newSlot.endMs,
    sequence: previous.sequence + 1,
  };
  return { calendar: withBooking(calendar, booking), booking, previous, reason, changed: true };
}

function checkMove(newSlot: Slot, options: RescheduleOptions): void {
  if (options.window) {
    checkConsentWindow(options.window, 'options.window');
    if (!insideWindow(newSlot, options.window)) {
      throw new OutsideConsentWindowError(
        newSlot.startMs,
        newSlot.endMs,
        options.window.startMs,
        options.window.endMs,
      );
    }
  }
  if (options.nowMs !== undefined) {
    checkInstant(options.nowMs, 'options.nowMs');
    if (newSlot.startMs < options.nowMs) {
      throw new InvalidAppointmentRequestError('newSlot.startMs', 'is in the past');
    }
  }
}
