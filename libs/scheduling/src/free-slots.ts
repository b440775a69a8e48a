// The free slots of one closer, in time order (or reverse), generated lazily so a search stops at
// the first hit instead of laying out weeks of candidates.
import type { Booking } from './booking.js';
import { conflictingBooking } from './calendar.js';
import type { SchedulingCloser, WorkingPeriod } from './closer.js';
import { MINUTE_MS } from './constants.js';
import { type EpochDay, isoWeekday, localDayOf, wallTimeToInstant } from './local-time.js';
import type { Slot } from './slot.js';

/** Length and spacing of the slots wanted. */
export interface SlotShape {
  readonly durationMs: number;
  readonly granularityMs: number;
  readonly bufferMs: number;
}

/** Which order slots come out in. */
export type ScanDirection = 'forward' | 'backward';

/**
 * The closer's free slots whose start lies in [firstStartMs, lastStartMs], each wholly inside one
 * working period and clear (buffer included) of `bookings`, earliest first or latest first.
 */
export function* freeSlots(
  closer: SchedulingCloser,
  bookings: readonly Booking[],
  firstStartMs: number,
  lastStartMs: number,
  shape: SlotShape,
  direction: ScanDirection,
): Generator<Slot> {
  if (lastStartMs < firstStartMs) return;
  // One local day of margin either side: a time pushed over midnight by a DST gap belongs to the
  // day it was asked on.
  const firstDay = localDayOf(firstStartMs, closer.timeZone) - 1;
  const lastDay = localDayOf(lastStartMs, closer.timeZone) + 1;
  const forward = direction === 'forward';
  for (let i = 0; i <= lastDay - firstDay; i++) {
    const day = forward ? firstDay + i : lastDay - i;
    const starts = slotStartsOnDay(closer, day, shape).filter(
      (start) => start >= firstStartMs && start <= lastStartMs,
    );
    if (!forward) starts.reverse();
    for (const startMs of starts) {
      const slot = { closerId: closer.closerId, startMs, endMs: startMs + shape.durationMs };
      if (!conflictingBooking(bookings, slot, shape.bufferMs)) yield slot;
    }
  }
}

/** Slot starts inside the closer's working periods of one local day, ascending, bookings ignored. */
export function slotStartsOnDay(
  closer: SchedulingCloser,
  day: EpochDay,
  shape: SlotShape,
): number[] {
  const weekday = isoWeekday(day);
  return closer.workingHours
    .filter((period) => period.weekday === weekday)
    .flatMap((period) => slotStartsInPeriod(closer.timeZone, day, period, shape));
}

/** The instants a working period of `day` spans, as the closer's calendar client reads them. */
export function periodInstants(
  zone: string,
  day: EpochDay,
  period: WorkingPeriod,
): { startMs: number; endMs: number } {
  return {
    startMs: wallTimeToInstant(day, period.startMinute, zone),
    endMs: wallTimeToInstant(day, period.endMinute, zone),
  };
}

function slotStartsInPeriod(
  zone: string,
  day: EpochDay,
  period: WorkingPeriod,
  shape: SlotShape,
): number[] {
  const { startMs: periodStart, endMs: periodEnd } = periodInstants(zone, day, period);
  const step = shape.granularityMs / MINUTE_MS;
  const firstMinute = Math.ceil(period.startMinute / step) * step;
  const offsetSteady =
    periodEnd - periodStart === (period.endMinute - period.startMinute) * MINUTE_MS;
  const starts: number[] = [];
  for (let minute = firstMinute; minute < period.endMinute; minute += step) {
    // Without a DST change inside the period wall minutes and elapsed minutes agree, which saves a
    // zone lookup per candidate; across a change each wall time is resolved on its own.
    const start = offsetSteady
      ? periodStart + (minute - period.startMinute) * MINUTE_MS
      : wallTimeToInstant(day, minute, zone);
    if (start + shape.durationMs > periodEnd) break;
    const last = starts.at(-1);
    if (start >= periodStart && (last === undefined || start > last)) starts.push(start);
  }
  return starts;
}
