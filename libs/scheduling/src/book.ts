import { isValidId } from '@warmline/contracts';
import {
  checkAppointmentRequest,
  checkIdempotencyKey,
  type AppointmentRequest,
} from './appointment-request.js';
import type { Booking } from './booking.js';
import {
  bookingForKey,
  bookingsOf,
  conflictingBooking,
  findBooking,
  withBooking,
  type Calendar,
} from './calendar.js';
import { DEFAULT_BUFFER_MS } from './constants.js';
import { insideWindow } from './consent-window.js';
import {
  BookingConflictError,
  InvalidAppointmentRequestError,
  OutsideConsentWindowError,
} from './errors.js';
import { checkSlot, type Slot } from './slot.js';

/** Ids minted by the caller (time and randomness stay outside this library). */
export interface BookingIds {
  /** Id of the new appointment, [A-Za-z0-9_-]{1,128}; also the invite UID's local part. */
  readonly appointmentId: string;
}

/** Options of book / reschedule. */
export interface BookingOptions {
  /** Free time kept before and after every booking (default 10 min); use findSlot's value. */
  readonly bufferMs?: number;
}

/** The calendar after booking, the booking, and whether this call made it. */
export interface BookResult {
  readonly calendar: Calendar;
  readonly booking: Booking;
  /** False when the idempotency key had already booked: `booking` is that earlier booking as it is
   * now (perhaps moved or cancelled) and `calendar` is unchanged. */
  readonly created: boolean;
}

/**
 * Books `slot` for the request, at most once per idempotency key: a repeated key returns the
 * existing booking with created=false whatever happened since. Refuses a slot outside the consent
 * window (OutsideConsentWindowError), one that overlaps the closer's bookings with the buffer
 * (BookingConflictError: search again), and malformed input (InvalidAppointmentRequestError).
 */
export function book(
  calendar: Calendar,
  request: AppointmentRequest,
  slot: Slot,
  ids: BookingIds,
  options: BookingOptions = {},
): BookResult {
  checkIdempotencyKey(request.idempotencyKey);
  const existing = bookingForKey(calendar, request.idempotencyKey);
  if (existing) return { calendar, booking: existing, created: false };

  checkAppointmentRequest(request);
  checkSlot(slot);
  const window = request.window;
  if (!window) {
    throw new InvalidAppointmentRequestError(
      'window',
      'a booking needs the buyer’s consent window; there is none',
    );
  }
  if (slot.endMs - slot.startMs !== request.durationMs) {
    throw new InvalidAppointmentRequestError(
      'slot.endMs',
      `the slot lasts ${slot.endMs - slot.startMs} ms, the request asks for ${request.durationMs} ms`,
    );
  }
  if (!insideWindow(slot, window)) {
    throw new OutsideConsentWindowError(slot.startMs, slot.endMs, window.startMs, window.endMs);
  }
  if (slot.startMs < request.nowMs) {
    throw new InvalidAppointmentRequestError('slot.startMs', 'is in the past');
  }
  if (!isValidId(ids.appointmentId)) {
    throw new InvalidAppointmentRequestError('appointmentId', 'must match [A-Za-z0-9_-]{1,128}');
  }
  if (findBooking(calendar, ids.appointmentId)) {
    throw new InvalidAppointmentRequestError(
      'appointmentId',
      `${ids.appointmentId} is already used by another booking`,
    );
  }
  const conflict = conflictingBooking(
    bookingsOf(calendar, slot.closerId),
    slot,
    options.bufferMs ?? DEFAULT_BUFFER_MS,
  );
  if (conflict) throw new BookingConflictError(slot.closerId, conflict.appointmentId);

  const booking: Booking = {
    appointmentId: ids.appointmentId,
    closerId: slot.closerId,
    startMs: slot.startMs,
    endMs: slot.endMs,
    status: 'booked',
    idempotencyKey: request.idempotencyKey,
    requestId: request.requestId,
    grantId: request.grantId,
    sequence: 0,
    timeZone: window.timeZone,
  };
  return { calendar: withBooking(calendar, booking), booking, created: true };
}
