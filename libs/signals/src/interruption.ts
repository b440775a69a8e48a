import { v1, type warmline } from '@warmline/contracts';
import type { CaseAssessor } from './assessment.js';
import { segmentsCutBy } from './cut-utterances.js';
import { rememberInterruption, type InterruptionRecord } from './perception-context.js';
import { isOverlapping } from './speech-overlap.js';

const { SignalFault, Speaker } = v1;

/**
 * An interruption is remembered, so a segment it cut that is perceived later is marked incomplete.
 * When it cut a segment whose final was already signalled, the Interruption signal itself carries
 * INTERRUPTED_UTTERANCE (and `incomplete`): qualification then retracts evidence from every segment
 * `interruptionCuts(perception.interruption, segment)` holds for.
 */
export const assessInterruption: CaseAssessor = (context, arrival, thresholds) => {
  const interruption = arrival.perception.interruption as warmline.v1.IInterruption;
  const record: InterruptionRecord = {
    interruptedSegmentId: interruption.interruptedSegmentId ?? '',
    by: interruption.by ?? Speaker.SPEAKER_UNSPECIFIED,
    offsetMs: interruption.offsetMs ?? 0,
    overlapMs: interruption.overlapMs ?? 0,
  };
  const faults: warmline.v1.SignalFault[] = [];
  if (segmentsCutBy(context, record).some((segment) => segment.isFinal)) {
    faults.push(SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE);
  }
  if (isOverlapping(record.overlapMs, thresholds.minOverlapMs)) {
    faults.push(SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH);
  }
  return {
    context: rememberInterruption(context, record),
    faults,
    evidence: 1,
    asrConfidence: 0,
  };
};
