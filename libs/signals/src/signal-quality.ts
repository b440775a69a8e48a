import { v1, type warmline } from '@warmline/contracts';

const { SignalFault } = v1;

/**
 * How much each fault multiplies a signal's quality score. Faults that make the words themselves
 * doubtful (partial, cut, low confidence, AMD unsure, and the call- or agent-level breakdowns)
 * halve it; ones that blur them (overlap, lag, a long silence) cost less; ordering repairs cost
 * little, since the content is intact. An answering machine zeroes it.
 */
export const FAULT_WEIGHTS: Readonly<Record<warmline.v1.SignalFault, number>> = Object.freeze({
  [SignalFault.SIGNAL_FAULT_UNSPECIFIED]: 1,
  [SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE]: 0,
  [SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE]: 0.5,
  [SignalFault.SIGNAL_FAULT_ASR_LAG]: 0.8,
  [SignalFault.SIGNAL_FAULT_ASR_LOW_CONFIDENCE]: 0.5,
  [SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH]: 0.7,
  [SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE]: 0.5,
  [SignalFault.SIGNAL_FAULT_CALL_TIMEOUT]: 0.5,
  [SignalFault.SIGNAL_FAULT_TOKEN_LIMIT]: 0.5,
  [SignalFault.SIGNAL_FAULT_PROMPT_DRIFT]: 0.5,
  [SignalFault.SIGNAL_FAULT_PARTIAL_TRANSCRIPT]: 0.5,
  [SignalFault.SIGNAL_FAULT_OUT_OF_ORDER]: 0.9,
  [SignalFault.SIGNAL_FAULT_SEQUENCE_GAP]: 0.9,
  [SignalFault.SIGNAL_FAULT_LONG_SILENCE]: 0.8,
});

/**
 * `SignalQuality.score`: the event's own evidence (ASR, AMD or LLM confidence; 1 for other facts)
 * times the weight of each fault, rounded to 4 decimals. So 1 is a clean fact or a clean, final,
 * fully confident utterance, and anything from a voicemail call is 0.
 */
export function qualityScore(evidence: number, faults: readonly warmline.v1.SignalFault[]): number {
  const weighted = faults.reduce((score, fault) => score * (FAULT_WEIGHTS[fault] ?? 1), evidence);
  return Math.round(Math.min(1, Math.max(0, weighted)) * 10_000) / 10_000;
}
