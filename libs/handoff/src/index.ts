// Public face of @warmline/handoff: the handoff brief built from intent state, the live-transfer
// state machine and its record, typed failure reasons with the grant's fallback rules, and the
// telephony commands of an attempt with deterministic idempotency keys.
export type { BriefOptions } from './brief.js';
export { buildBrief } from './brief.js';
export { renderBriefText } from './brief-text.js';
export { doNotAskQuestions } from './do-not-ask.js';
export type { HandoffPhase } from './phase.js';
export {
  ATTEMPT_FAILURE_PHASES,
  TERMINAL_PHASES,
  handoffStateOf,
  isTerminal,
  phaseOfHandoffState,
} from './phase.js';
export type { TransferModeName } from './transfer-mode.js';
export { transferModeName, transferModeOf } from './transfer-mode.js';
export type { HandoffTransition } from './transitions.js';
export { nextPhase, transition } from './transitions.js';
export type { CloserLeg, CurrentAttempt, Handoff, HandoffStart, TimelineEntry } from './handoff.js';
export { startHandoff, wasBridged } from './handoff.js';
export type { HandoffInput } from './handoff-input.js';
export { advance } from './advance.js';
export { handoffInputOf } from './call-progress.js';
export {
  attemptIssued,
  bridgeAllowed,
  commandIssued,
  dialAllowed,
  openLegs,
  reservedAndAccepted,
  whisperAllowed,
} from './guards.js';
export { recordCommand } from './record-command.js';
export type { CallerHangUp, ReleasePlan } from './release-plan.js';
export { callerHungUp, releasePlan } from './release-plan.js';
export type { AttemptFailure, TransferFailure } from './failure.js';
export {
  attemptPhaseOf,
  failureOfCallProgress,
  failureReasonOf,
  fallbackConditionOf,
  isAttemptFailure,
} from './failure.js';
export type {
  FallbackActionName,
  FallbackFailure,
  FallbackGrant,
  FallbackRuleInput,
  FallbackStep,
} from './fallback.js';
export { nextStep } from './fallback.js';
export { appointmentMessage, returnToAiMessage } from './return-messages.js';
export type { AttemptPlan, CommandContext, DialTarget, TelephonyVerb } from './telephony-plan.js';
export {
  bridgeCommand,
  cancelCommand,
  commandContext,
  commandKey,
  commandVerbOf,
  dialCloserCommand,
  holdCommand,
  returnToAgentCommand,
  telephonyPlan,
  whisperBriefCommand,
} from './telephony-plan.js';
export { handoffEvent } from './handoff-event.js';
export type { HandoffErrorCode, HandoffRule } from './errors.js';
export {
  HandoffError,
  HandoffInputError,
  HandoffRefusedError,
  IllegalHandoffTransitionError,
  isHandoffError,
} from './errors.js';
