import { bookingsOnDay, compareIds } from './calendar.js';
import type { Booking } from './booking.js';
import type { SchedulingCloser } from './closer.js';
import type { Slot } from './slot.js';

/** A candidate slot with what ranks it against others. */
export interface RankedSlot {
  readonly slot: Slot;
  /** How much of it lies outside what the buyer asked for; 0 inside the window. */
  readonly distanceMs: number;
  /** How far its start is from the start the buyer asked for: decides between equally distant slots. */
  readonly driftMs: number;
  /** Active bookings its closer already has that local day. */
  readonly closerLoad: number;
}

/** Ranks a slot of `closer`: the closer's load that day decides ties between equal starts. */
export function rankSlot(
  slot: Slot,
  closer: SchedulingCloser,
  bookings: readonly Booking[],
  distanceMs: number,
  driftMs: number,
): RankedSlot {
  return {
    slot,
    distanceMs,
    driftMs,
    closerLoad: bookingsOnDay(bookings, slot.startMs, closer.timeZone),
  };
}

/**
 * Least outside the ask first, then the start nearest the asked start, then the earliest start, then
 * the closer with fewer bookings that day, then closer id: fair between equally good closers and the
 * same answer on every replica.
 */
export function compareRanked(a: RankedSlot, b: RankedSlot): number {
  return (
    a.distanceMs - b.distanceMs ||
    a.driftMs - b.driftMs ||
    a.slot.startMs - b.slot.startMs ||
    a.closerLoad - b.closerLoad ||
    compareIds(a.slot.closerId, b.slot.closerId)
  );
}
