// Public face of @warmline/signals: the perception agent's domain logic — validate perception
// events, restore each interaction's order, de-duplicate, and turn events into quality-scored
// signals, all as pure functions over JSON-serialisable state.
export { perceptionArrival } from './arrival.js';
export type { PerceptionArrival } from './arrival.js';
export { validateCallStarted } from './call-started.js';
export { interruptionCuts } from './cut-utterances.js';
export {
  PerceptionConfigError,
  PerceptionError,
  PerceptionEventInvalidError,
  PerceptionInteractionMismatchError,
  isPerceptionError,
} from './errors.js';
export type { PerceptionErrorCode } from './errors.js';
export { validatePerceptionEvent } from './event-validation.js';
export { initialPerceptionState, nextTickAtMs, perceive, tick } from './perceive.js';
export type { Perceived, PerceptionState, Ticked } from './perceive.js';
export { CONTEXT_MEMORY, initialPerceptionContext } from './perception-context.js';
export type {
  AmdOutcome,
  AmdVerdict,
  InterruptionRecord,
  PerceptionContext,
  SegmentRecord,
} from './perception-context.js';
export { admit, gapDeadlineMs, initialSequencerState, releaseExpired } from './sequencer.js';
export type {
  Admission,
  Expiry,
  OrderedEvent,
  OrderingFault,
  SequencedEvent,
  SequencerState,
} from './sequencer.js';
export { DEFAULT_SEQUENCER_LIMITS, resolveSequencerLimits } from './sequencer-limits.js';
export type { SequencerLimits } from './sequencer-limits.js';
export { signalIdFor } from './signal-id.js';
export { FAULT_WEIGHTS, qualityScore } from './signal-quality.js';
export type { SequenceRange } from './skipped-sequences.js';
export { DEFAULT_PERCEPTION_THRESHOLDS, resolvePerceptionThresholds } from './thresholds.js';
export type { PerceptionThresholds } from './thresholds.js';
export { toSignals } from './to-signals.js';
export type { SignalsOutcome } from './to-signals.js';
export { VOICEMAIL_GREETING_PHRASES, isVoicemailGreeting } from './voicemail-greeting.js';
