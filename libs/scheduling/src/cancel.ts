import type { Booking } from './booking.js';
import { findBooking, withBooking, type Calendar } from './calendar.js';
import { AppointmentNotFoundError } from './errors.js';

/** The calendar after a cancellation, the cancelled booking, and why. */
export interface CancelResult {
  readonly calendar: Calendar;
  readonly booking: Booking;
  readonly reason: string;
  /** False when it was already cancelled (a repeated command): nothing changed. */
  readonly changed: boolean;
}

/**
 * Cancels an appointment, freeing its slot and raising its SEQUENCE by one for the METHOD:CANCEL
 * invite. Idempotent: cancelling a cancelled appointment changes nothing. Throws
 * AppointmentNotFoundError.
 */
export function cancel(calendar: Calendar, appointmentId: string, reason: string): CancelResult {
  const current = findBooking(calendar, appointmentId);
  if (!current) throw new AppointmentNotFoundError(appointmentId);
  if (current.status === 'cancelled') {
    return { calendar, booking: current, reason, changed: false };
  }
  const booking: Booking = { ...current, status: 'cancelled', sequence: current.sequence + 1 };
  return { calendar: withBooking(calendar, booking), booking, reason, changed: true };
}
