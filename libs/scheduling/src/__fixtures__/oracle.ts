// A brute-force reference for the slot rules: try every grid instant one by one. Slow and simple on
// purpose, so the property tests compare the real search against something obviously right. Local
// dates and times come from luxon; only the RFC 5545 wall-time reading is shared with the library.
import { DateTime } from 'luxon';
import type { Booking } from '../booking.js';
import type { SchedulingCloser } from '../closer.js';
import { wallTimeToInstant } from '../local-time.js';
import type { Slot } from '../slot.js';

const DAY = 86_400_000;

export interface OracleRules {
  readonly durationMs: number;
  readonly granularityMs: number;
  readonly bufferMs: number;
}

/** True when `closer` could take [start, start + duration) by every rule except consent and lead time. */
export function validSlot(
  closer: SchedulingCloser,
  bookings: readonly Booking[],
  startMs: number,
  rules: OracleRules,
): boolean {
  const local = DateTime.fromMillis(startMs, { zone: closer.timeZone });
  const day = Date.UTC(local.year, local.month - 1, local.day) / DAY;
  const minute = local.hour * 60 + local.minute;
  if (local.second !== 0 || local.millisecond !== 0) return false;
  if (minute % (rules.granularityMs / 60_000) !== 0) return false;
  // The second pass through a repeated hour is not a separate slot: a wall time names its first occurrence.
  if (wallTimeToInstant(day, minute, closer.timeZone) !== startMs) return false;
  const endMs = startMs + rules.durationMs;
  const inHours = closer.workingHours.some(
    (p) =>
      p.weekday === local.weekday &&
      wallTimeToInstant(day, p.startMinute, closer.timeZone) <= startMs &&
      endMs <= wallTimeToInstant(day, p.endMinute, closer.timeZone),
  );
  return inHours && !overlapsWithBuffer(bookings, closer.closerId, startMs, endMs, rules.bufferMs);
}

/** True when [start, end) comes within `bufferMs` of an active booking of the closer. */
export function overlapsWithBuffer(
  bookings: readonly Booking[],
  closerId: string,
  startMs: number,
  endMs: number,
  bufferMs: number,
): boolean {
  return bookings.some(
    (b) =>
      b.closerId === closerId &&
      b.status === 'booked' &&
      startMs < b.endMs + bufferMs &&
      b.startMs - bufferMs < endMs,
  );
}

/** Every valid slot of every closer whose start is on the UTC grid in [fromMs, toMs]. */
export function allSlots(
  closers: readonly SchedulingCloser[],
  bookings: readonly Booking[],
  fromMs: number,
  toMs: number,
  rules: OracleRules,
): Slot[] {
  const slots: Slot[] = [];
  // The zones used have offsets in whole quarter hours, so the UTC grid is the local grid.
  for (
    let t = Math.ceil(fromMs / rules.granularityMs) * rules.granularityMs;
    t <= toMs;
    t += rules.granularityMs
  ) {
    for (const closer of closers) {
      if (validSlot(closer, bookings, t, rules)) {
        slots.push({ closerId: closer.closerId, startMs: t, endMs: t + rules.durationMs });
      }
    }
  }
  return slots;
}
