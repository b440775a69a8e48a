import { v1, type warmline } from '@warmline/contracts';
import type { CaseAssessor } from './assessment.js';
import type { AmdVerdict } from './perception-context.js';

const { AmdResult, SignalFault } = v1;

const MACHINE_RESULTS: readonly warmline.v1.AmdResult[] = [
  AmdResult.AMD_RESULT_MACHINE_START,
  AmdResult.AMD_RESULT_MACHINE_END_BEEP,
  AmdResult.AMD_RESULT_MACHINE_END_SILENCE,
  AmdResult.AMD_RESULT_MACHINE_END_OTHER,
  AmdResult.AMD_RESULT_FAX,
];

/**
 * Answering-machine detection. A machine or fax marks the call as voicemail for good, at any
 * confidence (a voicemail must never escalate). Only a confident HUMAN is read as human; a
 * low-confidence HUMAN and any UNKNOWN stay uncertain and carry AMD_LOW_CONFIDENCE.
 */
export const assessAnsweringMachineResult: CaseAssessor = (context, arrival, thresholds) => {
  const amd = arrival.perception.answeringMachineResult as warmline.v1.IAnsweringMachineResult;
  const result = amd.result ?? AmdResult.AMD_RESULT_UNSPECIFIED;
  const confidence = amd.confidence ?? 0;
  const machine = MACHINE_RESULTS.includes(result);
  const confident = confidence >= thresholds.minAmdConfidence;
  const verdict: AmdVerdict = machine
    ? 'machine'
    : result === AmdResult.AMD_RESULT_HUMAN && confident
      ? 'human'
      : 'uncertain';
  const lowConfidence = !confident || result === AmdResult.AMD_RESULT_UNKNOWN;
  return {
    context: {
      ...context,
      amd: { result, confidence, verdict },
      voicemail: context.voicemail || machine,
    },
    faults: lowConfidence ? [SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE] : [],
    evidence: confidence,
    asrConfidence: 0,
  };
};
