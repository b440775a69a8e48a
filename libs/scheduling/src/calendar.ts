import type { Booking } from './booking.js';
import type { TimeRange } from './consent-window.js';
import { DAY_MS } from './constants.js';
import { localDayOf } from './local-time.js';

/**
 * Every booking, by closer, each list sorted by start. Plain data (JSON round-trips it), so the
 * scheduler can store it whole and write it back with compare-and-set. Cancelled bookings stay:
 * their idempotency keys must keep answering.
 */
export interface Calendar {
  readonly bookingsByCloser: Readonly<Record<string, readonly Booking[]>>;
}

/** A calendar with no bookings. */
export function emptyCalendar(): Calendar {
  return { bookingsByCloser: {} };
}

/** Every booking of the closer, cancelled ones included, sorted by start. */
export function bookingsOf(calendar: Calendar, closerId: string): readonly Booking[] {
  // Closer ids may legally be "__proto__"; never read an inherited property as a booking list.
  return Object.hasOwn(calendar.bookingsByCloser, closerId)
    ? (calendar.bookingsByCloser[closerId] ?? [])
    : [];
}

/** The booking with this appointment id, or null. */
export function findBooking(calendar: Calendar, appointmentId: string): Booking | null {
  return allBookings(calendar).find((b) => b.appointmentId === appointmentId) ?? null;
}

/** The booking made under this idempotency key (whatever has happened to it since), or null. */
export function bookingForKey(calendar: Calendar, idempotencyKey: string): Booking | null {
  return allBookings(calendar).find((b) => b.idempotencyKey === idempotencyKey) ?? null;
}

/** Bookings of the closer that still hold their slot. */
export function activeBookingsOf(calendar: Calendar, closerId: string): readonly Booking[] {
  return bookingsOf(calendar, closerId).filter((b) => b.status === 'booked');
}

/**
 * The first active booking of `bookings` that `range` overlaps once `bufferMs` is kept free on both
 * sides of every booking, or null.
 */
export function conflictingBooking(
  bookings: readonly Booking[],
  range: TimeRange,
  bufferMs: number,
  ignoreAppointmentId?: string,
): Booking | null {
  return (
    bookings.find(
      (b) =>
        b.status === 'booked' &&
        b.appointmentId !== ignoreAppointmentId &&
        range.startMs < b.endMs + bufferMs &&
        b.startMs - bufferMs < range.endMs,
    ) ?? null
  );
}

/** How many active bookings start on the local date (in `timeZone`) of `ms`: the fairness measure. */
export function bookingsOnDay(bookings: readonly Booking[], ms: number, timeZone: string): number {
  const day = localDayOf(ms, timeZone);
  // No zone is more than a day from UTC, so only bookings within two days can share the date; the
  // cheap check first spares a zone lookup per booking.
  return bookings.filter(
    (b) =>
      b.status === 'booked' &&
      Math.abs(b.startMs - ms) < 2 * DAY_MS &&
      localDayOf(b.startMs, timeZone) === day,
  ).length;
}

/** A new calendar holding `booking` in place of any booking with its appointment id (which may have
 * moved closer). */
export function withBooking(calendar: Calendar, booking: Booking): Calendar {
  const byCloser = new Map<string, Booking[]>();
  for (const [closerId, bookings] of Object.entries(calendar.bookingsByCloser)) {
    const kept = bookings.filter((b) => b.appointmentId !== booking.appointmentId);
    if (kept.length > 0) byCloser.set(closerId, kept);
  }
  const target = [...(byCloser.get(booking.closerId) ?? []), booking];
  byCloser.set(
    booking.closerId,
    target.sort((a, b) => a.startMs - b.startMs || compareIds(a.appointmentId, b.appointmentId)),
  );
  // fromEntries defines own properties, so even a closer id of "__proto__" stays a plain key.
  return { bookingsByCloser: Object.fromEntries(byCloser) };
}

/** Orders ids by UTF-16 code units: the same everywhere, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function allBookings(calendar: Calendar): Booking[] {
  return Object.values(calendar.bookingsByCloser).flat();
}
