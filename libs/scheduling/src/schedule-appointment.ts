import { checkIdempotencyKey, type AppointmentRequest } from './appointment-request.js';
import { book, type BookingIds, type BookResult } from './book.js';
import { bookingForKey, type Calendar } from './calendar.js';
import type { SchedulingCloser } from './closer.js';
import { findSlot, type SlotUnavailable } from './find-slot.js';
import type { SchedulingOptions } from './scheduling-options.js';

/** A booking (new, or the one the idempotency key already made). */
export interface AppointmentScheduled extends BookResult {
  readonly kind: 'booked';
}

/** What scheduleAppointment returns: booked, or why not with alternatives. */
export type ScheduleOutcome = AppointmentScheduled | SlotUnavailable;

/**
 * Answers an appointment request end to end: a key that already booked returns that booking
 * (created=false) before any search, so a redelivered request never reports "unavailable" because
 * its own booking now fills the window; otherwise findSlot, then book. Throws what findSlot and
 * book throw for bad input.
 */
export function scheduleAppointment(
  calendar: Calendar,
  request: AppointmentRequest,
  closers: readonly SchedulingCloser[],
  ids: BookingIds,
  options?: SchedulingOptions,
): ScheduleOutcome {
  checkIdempotencyKey(request.idempotencyKey);
  const existing = bookingForKey(calendar, request.idempotencyKey);
  if (existing) return { kind: 'booked', calendar, booking: existing, created: false };

  const found = findSlot(request, closers, calendar, options);
  if (found.kind === 'unavailable') return found;
  const slot = { closerId: found.closerId, startMs: found.startMs, endMs: found.endMs };
  return { kind: 'booked', ...book(calendar, request, slot, ids, options) };
}
