// The evidence quality gate. It takes quality evidence to VALIDATE a marker or resolve an objection,
// but any buyer speech that is not a voicemail can withdraw, hedge or object: a misheard "no" costs
// a re-ask, a misheard "yes" costs a bad transfer.
import { v1, type ISignal, type warmline } from '@warmline/contracts';
import type { SegmentRecord } from './qualification-context.js';
import type { QualificationStep } from './qualification-step.js';

const { SignalFault, Speaker } = v1;

/** What a piece of evidence may do. */
export interface EvidenceQuality {
  /** It may be recorded at all: hedge, withdraw, raise an objection, or make a marker EXPLORATORY. */
  readonly usable: boolean;
  /** It may validate a marker or resolve an objection. */
  readonly validating: boolean;
}

const NOT_EVIDENCE: EvidenceQuality = { usable: false, validating: false };

/** Faults that disqualify a transcript from validating. */
const DISQUALIFYING_FAULTS: ReadonlySet<number> = new Set([
  SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE,
  SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE,
  SignalFault.SIGNAL_FAULT_PARTIAL_TRANSCRIPT,
  SignalFault.SIGNAL_FAULT_ASR_LOW_CONFIDENCE,
]);

/** True when the signal comes from an answering machine (flagged by perception). */
export function fromVoicemail(signal: ISignal): boolean {
  return (
    signal.quality?.fromVoicemail === true ||
    (signal.faults ?? []).includes(SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE)
  );
}

/** ASR confidence of a transcript: the lower of the segment's and perception's, when both are given. */
export function asrConfidenceOf(signal: ISignal): number {
  const known = [
    signal.perception?.transcriptSegment?.asrConfidence,
    signal.quality?.asrConfidence,
  ].filter((c): c is number => typeof c === 'number' && c > 0);
  return known.length === 0 ? 0 : Math.min(...known);
}

/**
 * Gate for a final transcript: usable when final, not the agent's or the system's speech and not a
 * voicemail; validating when also the buyer's, confident enough, not cut by an interruption and free
 * of disqualifying faults.
 */
export function transcriptQuality(step: QualificationStep, cut: boolean): EvidenceQuality {
  const { signal } = step.event;
  const segment = signal.perception?.transcriptSegment ?? {};
  const speaker = segment.speaker ?? Speaker.SPEAKER_UNSPECIFIED;
  if (segment.isFinal !== true || step.context.voicemail || fromVoicemail(signal))
    return NOT_EVIDENCE;
  if (speaker === Speaker.SPEAKER_AGENT || speaker === Speaker.SPEAKER_SYSTEM) return NOT_EVIDENCE;
  const validating =
    speaker === Speaker.SPEAKER_BUYER &&
    asrConfidenceOf(signal) >= step.rules.minAsrConfidence &&
    signal.quality?.incomplete !== true &&
    !cut &&
    !(signal.faults ?? []).some((f) => DISQUALIFYING_FAULTS.has(f));
  return { usable: true, validating };
}

/**
 * Gate for a structured assertion: the same rules, applied to the assertion's own confidence and to
 * the segments it cites as remembered (any cited segment that was cut, low-confidence, not the
 * buyer's or a voicemail keeps it from validating). A cited segment no longer remembered does not
 * count against it.
 */
export function assertionQuality(
  step: QualificationStep,
  assertion: warmline.v1.IStructuredAssertion,
): EvidenceQuality {
  const { signal } = step.event;
  if (step.context.voicemail || fromVoicemail(signal)) return NOT_EVIDENCE;
  const cited = (assertion.segmentIds ?? [])
    .map((id) => step.context.segments.find((s) => s.segmentId === id))
    .filter((s): s is SegmentRecord => s !== undefined);
  if (cited.some((s) => s.voicemail)) return NOT_EVIDENCE;
  const validating =
    (assertion.confidence ?? 0) >= step.rules.minAssertionConfidence &&
    (assertion.buyerQuote ?? '').trim() !== '' &&
    cited.every((s) => s.validating && !s.cut) &&
    !(signal.faults ?? []).some((f) => DISQUALIFYING_FAULTS.has(f));
  return { usable: true, validating };
}
