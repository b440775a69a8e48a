// Nearest alternatives for a buyer whose window has no free slot: the slots just before and just
// after it, offered so the agent can ask, never booked without a new consent.
import { activeBookingsOf, type Calendar } from './calendar.js';
import type { SchedulingCloser } from './closer.js';
import type { ConsentWindow } from './consent-window.js';
import { freeSlots, type ScanDirection, type SlotShape } from './free-slots.js';
import type { ResolvedSchedulingOptions } from './scheduling-options.js';
import { compareRanked, rankSlot, type RankedSlot } from './slot-choice.js';
import type { Slot } from './slot.js';

/** One side of the search: which start times, which order, and how far each is from the ask. */
interface Side {
  readonly firstStartMs: number;
  readonly lastStartMs: number;
  readonly direction: ScanDirection;
  /** How much of a slot lies outside the ask; with drift, increasing in scan order, which is what
   * lets a side stop after the first few. */
  readonly distance: (slot: Slot) => number;
  /** The start the buyer asked for. */
  readonly anchorMs: number;
}

/**
 * Up to `maxAlternatives` free slots that do not lie wholly inside the window, nearest to it first
 * (how much of the slot lies outside the window, then how far its start is from the window start),
 * one closer per start time. When there is no usable window (missing or over) they are simply the
 * soonest free slots.
 */
export function nearestAlternatives(
  window: ConsentWindow | null,
  nowMs: number,
  durationMs: number,
  closers: readonly SchedulingCloser[],
  calendar: Calendar,
  options: ResolvedSchedulingOptions,
): Slot[] {
  const limit = options.maxAlternatives;
  if (limit === 0 || closers.length === 0) return [];
  const earliest = nowMs + options.minLeadTimeMs;
  const shape: SlotShape = {
    durationMs,
    granularityMs: options.granularityMs,
    bufferMs: options.bufferMs,
  };
  const sides =
    window && window.endMs > nowMs
      ? aroundWindow(window, earliest, durationMs, options.alternativesHorizonMs)
      : [soonest(earliest, options.alternativesHorizonMs)];
  const ranked = closers.flatMap((closer) => {
    const bookings = activeBookingsOf(calendar, closer.closerId);
    return sides.flatMap((side) =>
      take(
        freeSlots(closer, bookings, side.firstStartMs, side.lastStartMs, shape, side.direction),
        limit,
      ).map((slot) =>
        rankSlot(
          slot,
          closer,
          bookings,
          side.distance(slot),
          Math.abs(slot.startMs - side.anchorMs),
        ),
      ),
    );
  });
  return distinctStarts(ranked.sort(compareRanked)).slice(0, limit);
}

function aroundWindow(
  window: ConsentWindow,
  earliest: number,
  durationMs: number,
  horizonMs: number,
): Side[] {
  const before: Side = {
    firstStartMs: Math.max(earliest, window.startMs - horizonMs),
    lastStartMs: window.startMs - 1,
    direction: 'backward',
    distance: (slot) => window.startMs - slot.startMs + Math.max(0, slot.endMs - window.endMs),
    anchorMs: window.startMs,
  };
  const after: Side = {
    // Starting inside the window but ending after it is outside consent too.
    firstStartMs: Math.max(earliest, window.startMs, window.endMs - durationMs + 1),
    lastStartMs: window.endMs + horizonMs,
    direction: 'forward',
    distance: (slot) => slot.endMs - window.endMs,
    anchorMs: window.startMs,
  };
  return [before, after];
}

function soonest(earliest: number, horizonMs: number): Side {
  return {
    firstStartMs: earliest,
    lastStartMs: earliest + horizonMs,
    direction: 'forward',
    distance: (slot) => slot.startMs - earliest,
    anchorMs: earliest,
  };
}

/**
 * The first `limit` slots of a scan. Each side scans in its ranking order (later ones lie further
 * outside the window, or as far outside but starting further from it), and a closer's slots beyond
 * its first `limit` cannot be among the best `limit` distinct start times overall.
 */
function take(slots: Iterable<Slot>, limit: number): Slot[] {
  const taken: Slot[] = [];
  for (const slot of slots) {
    if (taken.length >= limit) break;
    taken.push(slot);
  }
  return taken;
}

/** Keeps the best-ranked slot of each start time: three offers at the same time are one offer. */
function distinctStarts(sorted: readonly RankedSlot[]): Slot[] {
  const seen = new Set<number>();
  const slots: Slot[] = [];
  for (const { slot } of sorted) {
    if (seen.has(slot.startMs)) continue;
    seen.add(slot.startMs);
    slots.push(slot);
  }
  return slots;
}
