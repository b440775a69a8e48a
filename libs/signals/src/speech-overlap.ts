import type { PerceptionContext, SegmentRecord } from './perception-context.js';

/** The longest time, in ms, `segment` overlaps a remembered segment of another speaker (0 if none). */
export function longestOverlapMs(context: PerceptionContext, segment: SegmentRecord): number {
  return context.segments.reduce((longest, other) => {
    if (other.speaker === segment.speaker || other.segmentId === segment.segmentId) return longest;
    const overlap =
      Math.min(segment.endOffsetMs, other.endOffsetMs) -
      Math.max(segment.startOffsetMs, other.startOffsetMs);
    return Math.max(longest, overlap);
  }, 0);
}

/** True when `overlapMs` of simultaneous speech counts as overlapping speech (always more than 0 ms). */
export function isOverlapping(overlapMs: number, minOverlapMs: number): boolean {
  return overlapMs > 0 && overlapMs >= minOverlapMs;
}
