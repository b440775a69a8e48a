// Builders shared by the specs: closers, requests and instants written the way a reader checks them.
import { DateTime } from 'luxon';
import type { AppointmentRequest } from '../appointment-request.js';
import type { Booking } from '../booking.js';
import { emptyCalendar, withBooking, type Calendar } from '../calendar.js';
import { schedulingCloser, type SchedulingCloser, type WorkingPeriod } from '../closer.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The instant a wall-clock time in `zone` denotes, e.g. at('2025-03-10T09:00', 'America/New_York'). */
export function at(local: string, zone: string): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${local} in ${zone}`);
  return dt.toMillis();
}

/** An instant from a UTC ISO string. */
export function utc(iso: string): number {
  return Date.parse(iso.endsWith('Z') ? iso : `${iso}Z`);
}

/** The same hours on every weekday in `weekdays` (ISO, 1 = Monday). */
export function hours(
  weekdays: readonly number[],
  startMinute: number,
  endMinute: number,
): WorkingPeriod[] {
  return weekdays.map((weekday) => ({ weekday, startMinute, endMinute }));
}

export const WEEKDAYS = [1, 2, 3, 4, 5];
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** A closer with nine-to-five on weekdays unless told otherwise. */
export function closer(
  closerId: string,
  timeZone: string,
  overrides: Partial<Omit<SchedulingCloser, 'closerId' | 'timeZone'>> = {},
): SchedulingCloser {
  return schedulingCloser({
    closerId,
    timeZone,
    displayName: `Closer ${closerId}`,
    address: `sip:${closerId}@desk.example`,
    workingHours: hours(WEEKDAYS, 9 * 60, 17 * 60),
    skills: ['solar'],
    languages: ['en-US'],
    territories: [],
    ...overrides,
  });
}

/** A 30-minute appointment request in the given window, made at `nowMs`. */
export function request(
  window: { startMs: number; endMs: number; timeZone?: string } | null,
  nowMs: number,
  overrides: Partial<AppointmentRequest> = {},
): AppointmentRequest {
  return {
    requestId: 'req-1',
    grantId: 'grant-1',
    idempotencyKey: 'grant-1',
    window: window && { timeZone: 'America/New_York', ...window },
    durationMs: 30 * MINUTE,
    needs: { skills: ['solar'], language: 'en-US', territory: 'US-NY' },
    nowMs,
    ...overrides,
  };
}

/** A booked appointment, for seeding calendars. */
export function booking(
  appointmentId: string,
  closerId: string,
  startMs: number,
  endMs: number,
  overrides: Partial<Booking> = {},
): Booking {
  return {
    appointmentId,
    closerId,
    startMs,
    endMs,
    status: 'booked',
    idempotencyKey: `key-${appointmentId}`,
    requestId: `req-${appointmentId}`,
    grantId: `grant-${appointmentId}`,
    sequence: 0,
    timeZone: 'America/New_York',
    ...overrides,
  };
}

/** A calendar holding exactly these bookings. */
export function calendarOf(...bookings: Booking[]): Calendar {
  return bookings.reduce(withBooking, emptyCalendar());
}
