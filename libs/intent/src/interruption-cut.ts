// Interruptions: a confirmation cut mid-sentence is not a confirmation. An interruption cuts the
// segment it names and any segment of another party whose speech it began strictly inside (the same
// rule perception applies in @warmline/signals, since the platform reporting a barge-in often does
// not know the ASR's segment id). Evidence resting on a cut segment stops validating: a marker held
// VALIDATED only by such evidence goes back to EXPLORATORY until the buyer confirms again, and an
// objection resolved in a cut segment is open again.
import { v1 } from '@warmline/contracts';
import { retractMarker } from './marker-transition.js';
import { reopenObjectionsResolvedIn } from './objection-ledger.js';
import {
  CONTEXT_LIMITS,
  type InterruptionRecord,
  type SegmentRecord,
} from './qualification-context.js';
import { keepNewest, type QualificationStep } from './qualification-step.js';

/** True when `interruption` cut `segment`. */
export function interruptionCuts(
  interruption: InterruptionRecord,
  segment: SegmentRecord,
): boolean {
  if (
    interruption.interruptedSegmentId !== '' &&
    interruption.interruptedSegmentId === segment.segmentId
  ) {
    return true;
  }
  return (
    interruption.by !== segment.speaker &&
    segment.startOffsetMs < interruption.offsetMs &&
    interruption.offsetMs < segment.endOffsetMs
  );
}

/** Applies an Interruption signal. */
export function applyInterruption(step: QualificationStep): void {
  const raw = step.event.signal.perception?.interruption ?? {};
  const interruption: InterruptionRecord = {
    by: raw.by ?? v1.Speaker.SPEAKER_UNSPECIFIED,
    interruptedSegmentId: raw.interruptedSegmentId ?? '',
    offsetMs: raw.offsetMs ?? 0,
  };
  const { context } = step;
  context.interruptions.push(interruption);
  keepNewest(context.interruptions, CONTEXT_LIMITS.interruptions);
  if (interruption.by === v1.Speaker.SPEAKER_BUYER) {
    context.interruptionCounts.byBuyer += 1;
    context.resistance.push('buyer_interruption');
    keepNewest(context.resistance, CONTEXT_LIMITS.resistanceTurns);
  } else if (interruption.by === v1.Speaker.SPEAKER_AGENT) {
    context.interruptionCounts.byAgent += 1;
  }
  const cut = new Set<string>();
  if (interruption.interruptedSegmentId !== '') cut.add(interruption.interruptedSegmentId);
  context.segments = context.segments.map((segment) => {
    if (!interruptionCuts(interruption, segment)) return segment;
    cut.add(segment.segmentId);
    return { ...segment, cut: true };
  });
  for (const segmentId of cut) withdrawEvidenceFrom(step, segmentId);
}

function withdrawEvidenceFrom(step: QualificationStep, segmentId: string): void {
  const { context } = step;
  const touched = new Set(
    context.validations.filter((v) => v.segmentIds.includes(segmentId)).map((v) => v.kind),
  );
  context.validations = context.validations.filter((v) => !v.segmentIds.includes(segmentId));
  for (const kind of touched) {
    if (!context.validations.some((v) => v.kind === kind)) retractMarker(step, kind);
  }
  reopenObjectionsResolvedIn(step, segmentId);
}
