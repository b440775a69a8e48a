import { v1 } from '@warmline/contracts';
import type { CaseAssessor } from './assessment.js';
import { isSegmentCut } from './cut-utterances.js';

const { SignalFault } = v1;

/**
 * An LLM claim is as trustworthy as the model says (evidence = its confidence), and is
 * INTERRUPTED_UTTERANCE when it rests on a segment already known to have been cut.
 */
export const assessStructuredAssertion: CaseAssessor = (context, arrival) => {
  const assertion = arrival.perception.structuredAssertion;
  const restsOnCut = (assertion?.segmentIds ?? []).some((id) => isSegmentCut(context, id));
  return {
    context,
    faults: restsOnCut ? [SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE] : [],
    evidence: assertion?.confidence ?? 0,
    asrConfidence: 0,
  };
};
