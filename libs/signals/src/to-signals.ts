import { perceptionCasesOf, v1, type PerceptionCase, type warmline } from '@warmline/contracts';
import { assessAnsweringMachineResult } from './answering-machine.js';
import type { PerceptionArrival } from './arrival.js';
import { arrivalLagMs, type CaseAssessor } from './assessment.js';
import {
  assessCallAnswered,
  assessCallStarted,
  assessCallTimeout,
  assessHangUp,
  assessPromptDrift,
  assessSilence,
  assessTokenLimitReached,
} from './call-events.js';
import { assessInterruption } from './interruption.js';
import type { PerceptionContext } from './perception-context.js';
import type { OrderedEvent } from './sequencer.js';
import { signalIdFor } from './signal-id.js';
import { qualityScore } from './signal-quality.js';
import { assessStructuredAssertion } from './structured-assertion.js';
import type { PerceptionThresholds } from './thresholds.js';
import { assessTranscriptSegment } from './transcript.js';

const { SignalFault } = v1;

const ASSESSORS: Record<PerceptionCase, CaseAssessor> = {
  callStarted: assessCallStarted,
  callAnswered: assessCallAnswered,
  answeringMachineResult: assessAnsweringMachineResult,
  transcriptSegment: assessTranscriptSegment,
  interruption: assessInterruption,
  silence: assessSilence,
  callTimeout: assessCallTimeout,
  hangUp: assessHangUp,
  tokenLimitReached: assessTokenLimitReached,
  promptDrift: assessPromptDrift,
  structuredAssertion: assessStructuredAssertion,
};

/** The signals one released event yields, and the context after it. */
export interface SignalsOutcome {
  readonly context: PerceptionContext;
  /** Zero (a superseded transcript revision) or one signal today; publish each, in order. */
  readonly signals: warmline.v1.ISignal[];
}

/**
 * Normalises one released event into signals: scores its quality, lists its faults (sorted by
 * enum value), and updates the interaction's context. Deterministic: the same context and event
 * always give the same signal, including its id (`signalIdFor(eventId)`).
 */
export function toSignals(
  context: PerceptionContext,
  ordered: OrderedEvent<PerceptionArrival>,
  thresholds: PerceptionThresholds,
): SignalsOutcome {
  const [name] = perceptionCasesOf(ordered.perception);
  const assessment = name === undefined ? null : ASSESSORS[name](context, ordered, thresholds);
  if (assessment === null) {
    // No signal carries this event's gap, so the next one must.
    const gap = ordered.orderingFault === SignalFault.SIGNAL_FAULT_SEQUENCE_GAP;
    return { context: gap ? { ...context, gapPending: true } : context, signals: [] };
  }
  const next = assessment.context;
  const faults = new Set(assessment.faults);
  if (next.voicemail) faults.add(SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE);
  if (ordered.orderingFault !== null) faults.add(ordered.orderingFault);
  if (context.gapPending) faults.add(SignalFault.SIGNAL_FAULT_SEQUENCE_GAP);
  const sorted = [...faults].sort((a, b) => a - b);
  const signal: warmline.v1.ISignal = {
    signalId: signalIdFor(ordered.eventId),
    sourceEventId: ordered.eventId,
    sourceSequence: ordered.sequence,
    perception: structuredClone(ordered.perception),
    quality: {
      score: qualityScore(assessment.evidence, sorted),
      asrConfidence: assessment.asrConfidence,
      lagMs: assessment.lagMs ?? arrivalLagMs(ordered),
      overlapped: faults.has(SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH),
      incomplete: faults.has(SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE),
      fromVoicemail: next.voicemail,
    },
    faults: sorted,
  };
  return {
    context: { ...next, gapPending: false, signalsEmitted: context.signalsEmitted + 1 },
    signals: [signal],
  };
}
