// What perception remembers about one interaction between events. Plain data only (no Maps, no
// classes) so the app can JSON.stringify it; every list is bounded by CONTEXT_MEMORY.
import type { warmline } from '@warmline/contracts';

/** How answering-machine detection read the call. A low-confidence "human" is `uncertain`, never `human`. */
export type AmdVerdict = 'human' | 'machine' | 'uncertain';

/** The latest answering-machine detection result. */
export interface AmdOutcome {
  readonly result: warmline.v1.AmdResult;
  readonly confidence: number;
  readonly verdict: AmdVerdict;
}

/** The latest revision seen of one transcript segment, and the speech interval it covers. */
export interface SegmentRecord {
  readonly segmentId: string;
  readonly speaker: warmline.v1.Speaker;
  readonly revision: number;
  readonly isFinal: boolean;
  readonly startOffsetMs: number;
  readonly endOffsetMs: number;
}

/** An interruption perceived so far: which segment it cut, by whom, where, and for how long both spoke. */
export interface InterruptionRecord {
  readonly interruptedSegmentId: string;
  readonly by: warmline.v1.Speaker;
  readonly offsetMs: number;
  readonly overlapMs: number;
}

/** Per-interaction perception memory, carried from one event to the next. */
export interface PerceptionContext {
  readonly interactionId: string;
  /** CallStarted.campaign_id once seen: the app looks up the campaign's thresholds with it. */
  readonly campaignId: string | null;
  readonly amd: AmdOutcome | null;
  /** An answering machine answered (AMD or a greeting heard); sticky for the rest of the call. */
  readonly voicemail: boolean;
  /** A HangUp or CallTimeout was perceived. */
  readonly callEnded: boolean;
  /** Most recently updated last. */
  readonly segments: readonly SegmentRecord[];
  /** Oldest first. */
  readonly interruptions: readonly InterruptionRecord[];
  /** A SEQUENCE_GAP was released on an event that produced no signal; the next signal carries it. */
  readonly gapPending: boolean;
  /**
   * Signals produced so far. The n-th signal of the interaction (1-based) is published with
   * Envelope.sequence n, so the signal stream is sequenced like the perception stream.
   */
  readonly signalsEmitted: number;
}

/**
 * How much a context remembers: beyond these, the oldest segments (their revision and speech
 * interval) and interruptions are forgotten. A call has a few hundred segments at most.
 */
export const CONTEXT_MEMORY = Object.freeze({ segments: 256, interruptions: 64 });

/** A context for an interaction nothing has been perceived of yet. */
export function initialPerceptionContext(interactionId: string): PerceptionContext {
  return {
    interactionId,
    campaignId: null,
    amd: null,
    voicemail: false,
    callEnded: false,
    segments: [],
    interruptions: [],
    gapPending: false,
    signalsEmitted: 0,
  };
}

/** The record of `segmentId`, if it is still remembered. */
export function segmentRecord(
  context: PerceptionContext,
  segmentId: string,
): SegmentRecord | undefined {
  return context.segments.find((segment) => segment.segmentId === segmentId);
}

/** `context` with `segment` as the latest record of its segment id. */
export function rememberSegment(
  context: PerceptionContext,
  segment: SegmentRecord,
): PerceptionContext {
  const others = context.segments.filter((s) => s.segmentId !== segment.segmentId);
  return { ...context, segments: newest([...others, segment], CONTEXT_MEMORY.segments) };
}

/** `context` with `interruption` remembered. */
export function rememberInterruption(
  context: PerceptionContext,
  interruption: InterruptionRecord,
): PerceptionContext {
  const interruptions = [...context.interruptions, interruption];
  return { ...context, interruptions: newest(interruptions, CONTEXT_MEMORY.interruptions) };
}

function newest<T>(items: T[], max: number): T[] {
  return items.length > max ? items.slice(items.length - max) : items;
}
