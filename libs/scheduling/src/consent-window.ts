import { InvalidAppointmentRequestError } from './errors.js';
import { isTimeZone } from './local-time.js';

/** The time range the buyer agreed to be booked in (start inclusive, end exclusive, UTC ms). */
export interface ConsentWindow {
  readonly startMs: number;
  readonly endMs: number;
  /** IANA zone the buyer spoke in: how the appointment is rendered to them. */
  readonly timeZone: string;
}

/** A time range, start inclusive and end exclusive, in UTC ms. */
export interface TimeRange {
  readonly startMs: number;
  readonly endMs: number;
}

/** True when the whole of `range` lies inside the window: the only bookings consent allows. */
export function insideWindow(range: TimeRange, window: TimeRange): boolean {
  return range.startMs >= window.startMs && range.endMs <= window.endMs;
}

/** Throws InvalidAppointmentRequestError (field `<field>.startMs` etc.) unless the window is usable. */
export function checkConsentWindow(window: ConsentWindow, field = 'window'): void {
  checkInstant(window.startMs, `${field}.startMs`);
  checkInstant(window.endMs, `${field}.endMs`);
  if (window.endMs <= window.startMs) {
    throw new InvalidAppointmentRequestError(`${field}.endMs`, 'must be after the window start');
  }
  if (!isTimeZone(window.timeZone)) {
    throw new InvalidAppointmentRequestError(
      `${field}.timeZone`,
      `${JSON.stringify(window.timeZone)} is not an IANA time zone`,
    );
  }
}

/** Throws InvalidAppointmentRequestError unless `ms` is a whole number of epoch milliseconds. */
export function checkInstant(ms: number, field: string): void {
  if (!Number.isSafeInteger(ms)) {
    throw new InvalidAppointmentRequestError(field, `must be whole epoch milliseconds, got ${ms}`);
  }
}
