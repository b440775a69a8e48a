// Which utterances an interruption cut mid-sentence. An interruption cuts the segment it names, and
// any segment of another party whose speech it began strictly inside: the platform reporting the
// barge-in often does not know the ASR's segment id yet.
import type { warmline } from '@warmline/contracts';
import type { InterruptionRecord, PerceptionContext, SegmentRecord } from './perception-context.js';

type InterruptionFacts = Pick<
  warmline.v1.IInterruption,
  'interruptedSegmentId' | 'by' | 'offsetMs'
>;
type SegmentFacts = Pick<
  warmline.v1.ITranscriptSegment,
  'segmentId' | 'speaker' | 'startOffsetMs' | 'endOffsetMs'
>;

/**
 * True when `interruption` cut `segment`: it names the segment, or it was made by another party
 * and began strictly inside the segment's speech (start < offset < end). Accepts the signals'
 * `perception.interruption` / `perception.transcript_segment`, so qualification applies the same
 * rule when an Interruption signal arrives after the segments it cut.
 */
export function interruptionCuts(interruption: InterruptionFacts, segment: SegmentFacts): boolean {
  if (interruption.interruptedSegmentId === segment.segmentId) return true;
  const offset = interruption.offsetMs ?? 0;
  // A party's own barge-in starts at its segment's start, so it never cuts itself.
  return (
    (interruption.by ?? 0) !== (segment.speaker ?? 0) &&
    (segment.startOffsetMs ?? 0) < offset &&
    offset < (segment.endOffsetMs ?? 0)
  );
}

/** The remembered interruptions that cut `segment`. */
export function interruptionsCutting(
  context: PerceptionContext,
  segment: SegmentRecord,
): InterruptionRecord[] {
  return context.interruptions.filter((interruption) => interruptionCuts(interruption, segment));
}

/** The remembered segments `interruption` cut. */
export function segmentsCutBy(
  context: PerceptionContext,
  interruption: InterruptionRecord,
): SegmentRecord[] {
  return context.segments.filter((segment) => interruptionCuts(interruption, segment));
}

/** True when the segment `segmentId` is known to have been cut. */
export function isSegmentCut(context: PerceptionContext, segmentId: string): boolean {
  const segment = context.segments.find((s) => s.segmentId === segmentId);
  if (segment) return interruptionsCutting(context, segment).length > 0;
  return context.interruptions.some((i) => i.interruptedSegmentId === segmentId);
}
