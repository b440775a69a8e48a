// Qualification's working memory for one interaction, stored beside the intent state. Plain JSON
// (arrays and records, no Maps or classes) so any store can keep it; every list is bounded, so a
// long call does not grow it without end.
import { z } from 'zod';
import { QualificationContextInvalidError } from './errors.js';
import type { MarkerKindName } from './marker-kind.js';

/** Bounds of the lists in QualificationContext. */
export const CONTEXT_LIMITS = {
  /** Signal ids remembered for de-duplication. */
  seenSignalIds: 256,
  /** Transcript segments whose quality is remembered (for assertions and interruptions). */
  segments: 64,
  /** Interruptions remembered, for segments that arrive after the interruption that cut them. */
  interruptions: 32,
  /** Validating pieces of evidence remembered per marker. */
  validationsPerMarker: 12,
  /** Recent buyer turns that resistance looks at. */
  resistanceTurns: 10,
} as const;

/** What the agent last said and what it asked. */
export interface AgentTurn {
  readonly segmentId: string;
  readonly text: string;
  /** Markers a bare answer would be about. */
  readonly asks: MarkerKindName[];
  /** context.ordinal when it was said. */
  readonly ordinal: number;
  /** End of the utterance, ms since answer (reply latency is measured from here). */
  readonly endOffsetMs: number;
}

/** What is remembered of one transcript segment. */
export interface SegmentRecord {
  readonly segmentId: string;
  /** warmline.v1.Speaker value. */
  readonly speaker: number;
  readonly final: boolean;
  readonly asrConfidence: number;
  readonly startOffsetMs: number;
  readonly endOffsetMs: number;
  /** Cut by an interruption, flagged incomplete, or carrying an interrupted-utterance fault. */
  readonly cut: boolean;
  /** From a voicemail or carrying an answering-machine fault. */
  readonly voicemail: boolean;
  /** Passed the transcript quality gate when it was heard. */
  readonly validating: boolean;
}

/** A piece of gate-passing evidence that holds a marker VALIDATED, and the segments it rests on. */
export interface Validation {
  readonly kind: MarkerKindName;
  readonly signalId: string;
  readonly segmentIds: string[];
}

/** An open objection and when it was raised (to know whether the agent has answered it since). */
export interface OpenObjectionRecord {
  readonly objectionId: string;
  readonly raisedOrdinal: number;
}

/** One recent buyer-side event that resistance counts. */
export type ResistanceEvent = 'turn' | 'negation' | 'buyer_interruption';

export interface QualificationContext {
  /** Shape version of this record; parseQualificationContext refuses others. */
  readonly schemaVersion: 1;
  readonly interactionId: string;
  /** Signals applied so far (duplicates excluded); orders turns within the interaction. */
  readonly ordinal: number;
  /** Signals seen, and how many carried a fault (copied into CallHealth when a version is written). */
  readonly signalCount: number;
  readonly faultedSignalCount: number;
  /** Newest last. */
  readonly seenSignalIds: string[];
  readonly lastAgentTurn: AgentTurn | null;
  /** The buyer has not replied since the last agent turn (the next reply's latency is measured). */
  readonly awaitingReply: boolean;
  /** Newest last. */
  readonly segments: SegmentRecord[];
  /** Newest last. A segment that arrives after the interruption that cut it is judged by these. */
  readonly interruptions: InterruptionRecord[];
  readonly validations: Validation[];
  readonly openObjections: OpenObjectionRecord[];
  /** Running average of reply promptness, 0..1; 0.5 before any observation. */
  readonly cadence: { readonly score: number; readonly observations: number };
  /** Newest last, at most CONTEXT_LIMITS.resistanceTurns. */
  readonly resistance: ResistanceEvent[];
  readonly interruptionCounts: { readonly byBuyer: number; readonly byAgent: number };
  /** Faults (warmline.v1.SignalFault values) of the last few buyer-relevant signals, oldest first. */
  readonly recentFaults: number[][];
  /** When each entry of recentFaults was observed (signal event time, ms); they age out by time too. */
  readonly recentFaultTimes: number[];
  /** Latest answering-machine result (AmdResult value) and its confidence. */
  readonly amd: { readonly result: number; readonly confidence: number } | null;
  /** A machine answered, a greeting was heard, or perception flagged voicemail. */
  readonly voicemail: boolean;
  /** The AMD said human or could not decide, with confidence below the floor, or perception said so. */
  readonly amdUncertain: boolean;
  readonly callEndedAtMs: number | null;
}

/** An interruption as remembered. */
export interface InterruptionRecord {
  /** warmline.v1.Speaker value of who interrupted. */
  readonly by: number;
  readonly interruptedSegmentId: string;
  readonly offsetMs: number;
}

/** A fresh context for an interaction. */
export function newQualificationContext(interactionId: string): QualificationContext {
  return {
    schemaVersion: 1,
    interactionId,
    ordinal: 0,
    signalCount: 0,
    faultedSignalCount: 0,
    seenSignalIds: [],
    lastAgentTurn: null,
    awaitingReply: false,
    segments: [],
    interruptions: [],
    validations: [],
    openObjections: [],
    cadence: { score: 0.5, observations: 0 },
    resistance: [],
    interruptionCounts: { byBuyer: 0, byAgent: 0 },
    recentFaults: [],
    recentFaultTimes: [],
    amd: null,
    voicemail: false,
    amdUncertain: false,
    callEndedAtMs: null,
  };
}

/** Validates a context read back from a store; throws QualificationContextInvalidError naming the field. */
export function parseQualificationContext(input: unknown): QualificationContext {
  const result = CONTEXT_SCHEMA.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new QualificationContextInvalidError(
      field,
      `qualification context ${field || '(root)'}: ${issue?.message}`,
    );
  }
  return result.data as QualificationContext;
}

const markerName = z.enum([
  'scope_confirmed',
  'timing_consent',
  'next_step_accepted',
  'escalation_permission',
]);
const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);

const CONTEXT_SCHEMA = z.strictObject({
  schemaVersion: z.literal(1),
  interactionId: z.string().min(1),
  ordinal: count,
  signalCount: count,
  faultedSignalCount: count,
  seenSignalIds: z.array(z.string()).max(CONTEXT_LIMITS.seenSignalIds),
  lastAgentTurn: z
    .strictObject({
      segmentId: z.string(),
      text: z.string(),
      asks: z.array(markerName),
      ordinal: count,
      endOffsetMs: z.number().min(0),
    })
    .nullable(),
  awaitingReply: z.boolean(),
  segments: z
    .array(
      z.strictObject({
        segmentId: z.string(),
        speaker: count,
        final: z.boolean(),
        asrConfidence: fraction,
        startOffsetMs: z.number().min(0),
        endOffsetMs: z.number().min(0),
        cut: z.boolean(),
        voicemail: z.boolean(),
        validating: z.boolean(),
      }),
    )
    .max(CONTEXT_LIMITS.segments),
  interruptions: z
    .array(
      z.strictObject({ by: count, interruptedSegmentId: z.string(), offsetMs: z.number().min(0) }),
    )
    .max(CONTEXT_LIMITS.interruptions),
  validations: z.array(
    z.strictObject({ kind: markerName, signalId: z.string(), segmentIds: z.array(z.string()) }),
  ),
  openObjections: z.array(z.strictObject({ objectionId: z.string(), raisedOrdinal: count })),
  cadence: z.strictObject({ score: fraction, observations: count }),
  resistance: z
    .array(z.enum(['turn', 'negation', 'buyer_interruption']))
    .max(CONTEXT_LIMITS.resistanceTurns),
  interruptionCounts: z.strictObject({ byBuyer: count, byAgent: count }),
  recentFaults: z.array(z.array(count)),
  // Contexts stored before fault times were kept read as "times unknown": they age out at once.
  recentFaultTimes: z.array(z.number()).default([]),
  amd: z.strictObject({ result: count, confidence: fraction }).nullable(),
  voicemail: z.boolean(),
  amdUncertain: z.boolean(),
  callEndedAtMs: z.number().nullable(),
});
