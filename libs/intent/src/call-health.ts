// CallHealth from the faults perception attached to signals, so a decision on an intent version
// needs nothing but that version: answering machine, AMD doubt, recent faults, end of call.
import { v1, type PerceptionCase } from '@warmline/contracts';
import { fromVoicemail } from './evidence-gate.js';
import { keepNewest, type QualificationStep } from './qualification-step.js';

const { AmdResult, SignalFault, Speaker } = v1;

const MACHINE_RESULTS: ReadonlySet<number> = new Set([
  AmdResult.AMD_RESULT_MACHINE_START,
  AmdResult.AMD_RESULT_MACHINE_END_BEEP,
  AmdResult.AMD_RESULT_MACHINE_END_SILENCE,
  AmdResult.AMD_RESULT_MACHINE_END_OTHER,
  AmdResult.AMD_RESULT_FAX,
]);

/** Counts the signal and notes its faults (every signal goes through here first). */
export function noteSignalFaults(step: QualificationStep, kase: PerceptionCase): void {
  const { context } = step;
  const { signal } = step.event;
  const faults = (signal.faults ?? []).filter((f) => f !== SignalFault.SIGNAL_FAULT_UNSPECIFIED);
  context.signalCount += 1;
  if (faults.length > 0) context.faultedSignalCount += 1;
  if (fromVoicemail(signal)) context.voicemail = true;
  if (faults.includes(SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE)) context.amdUncertain = true;
  if (buyerRelevant(step, kase)) {
    context.recentFaults.push([...faults]);
    context.recentFaultTimes.push(step.atMs);
    keepNewest(context.recentFaults, step.rules.recentFaultSignals);
    keepNewest(context.recentFaultTimes, step.rules.recentFaultSignals);
  }
  ageOutFaults(step);
}

// Any signal moves time on: faults observed longer ago than the window are no longer recent.
function ageOutFaults(step: QualificationStep): void {
  const { context } = step;
  // Entries without a time (stored before times were kept) count as old.
  while (context.recentFaultTimes.length < context.recentFaults.length) {
    context.recentFaultTimes.unshift(0);
  }
  const oldest = step.atMs - step.rules.recentFaultWindowMs;
  while (context.recentFaultTimes.length > 0 && (context.recentFaultTimes[0] ?? 0) < oldest) {
    context.recentFaultTimes.shift();
    context.recentFaults.shift();
  }
}

/**
 * Applies an answering-machine result: a machine or fax believed at or above the AMD floor marks the
 * call as voicemail (for good); any result below the floor, or UNKNOWN, marks AMD as uncertain.
 */
export function noteAmdResult(step: QualificationStep): void {
  const amd = step.event.signal.perception?.answeringMachineResult ?? {};
  const result = amd.result ?? AmdResult.AMD_RESULT_UNSPECIFIED;
  const confidence = amd.confidence ?? 0;
  const { context } = step;
  context.amd = { result, confidence };
  const believed = confidence >= step.rules.minAmdConfidence;
  if (MACHINE_RESULTS.has(result) && believed) context.voicemail = true;
  context.amdUncertain = !believed || result === AmdResult.AMD_RESULT_UNKNOWN;
}

/** Marks the call ended (hang-up or timeout) at the first such signal. */
export function noteCallEnded(step: QualificationStep): void {
  step.context.callEndedAtMs ??= step.atMs;
}

/** Copies the context's call facts into the draft's CallHealth. */
export function refreshCallHealth(step: QualificationStep): void {
  const { context, draft } = step;
  const newestLast: number[] = [];
  for (const fault of context.recentFaults.flat()) {
    const known = newestLast.indexOf(fault);
    if (known !== -1) newestLast.splice(known, 1);
    newestLast.push(fault);
  }
  draft.callHealth = {
    answeringMachine: context.voicemail,
    amdUncertain: context.amdUncertain,
    amdConfidence: context.amd?.confidence ?? 0,
    recentFaults: newestLast,
    callEnded: context.callEndedAtMs !== null,
    callEndedAtMs: context.callEndedAtMs,
    signalCount: context.signalCount,
    faultedSignalCount: context.faultedSignalCount,
  };
}

// The agent's own speech and partial hypotheses say nothing about the buyer's side of the call.
function buyerRelevant(step: QualificationStep, kase: PerceptionCase): boolean {
  if (kase !== 'transcriptSegment') return kase !== 'callStarted' && kase !== 'callAnswered';
  const segment = step.event.signal.perception?.transcriptSegment ?? {};
  const speaker = segment.speaker ?? Speaker.SPEAKER_UNSPECIFIED;
  return (
    segment.isFinal === true &&
    speaker !== Speaker.SPEAKER_AGENT &&
    speaker !== Speaker.SPEAKER_SYSTEM
  );
}
