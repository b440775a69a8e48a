// The policy's words and the protobuf enums they stand for. Policy authors write lower_snake names
// ("scope_confirmed", "book_appointment"); everything on the wire uses the warmline.v1 enums.
import { v1, type warmline } from '@warmline/contracts';

/** Intent markers a policy can require. */
export const MARKER_NAMES = [
  'scope_confirmed',
  'timing_consent',
  'next_step_accepted',
  'escalation_permission',
] as const;
export type MarkerName = (typeof MARKER_NAMES)[number];

const MARKER_KINDS: Record<MarkerName, warmline.v1.MarkerKind> = {
  scope_confirmed: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
  timing_consent: v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
  next_step_accepted: v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  escalation_permission: v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
};

/** The MarkerKind a policy marker name stands for. */
export function markerKindOf(name: MarkerName): warmline.v1.MarkerKind {
  return MARKER_KINDS[name];
}

/** The policy name of a MarkerKind, or null for UNSPECIFIED / unknown values. */
export function markerNameOf(kind: warmline.v1.MarkerKind): MarkerName | null {
  return MARKER_NAMES.find((name) => MARKER_KINDS[name] === kind) ?? null;
}

/** Live-transfer failures a fallback rule can match. */
export const FALLBACK_CONDITIONS = [
  'closer_declined',
  'no_answer',
  'voicemail',
  'no_closer_available',
  'attempts_exhausted',
  'reservation_timeout',
  'telephony_error',
] as const;
export type FallbackConditionName = (typeof FALLBACK_CONDITIONS)[number];

const CONDITION_ENUMS: Record<FallbackConditionName, warmline.v1.FallbackCondition> = {
  closer_declined: v1.FallbackCondition.FALLBACK_CONDITION_CLOSER_DECLINED,
  no_answer: v1.FallbackCondition.FALLBACK_CONDITION_NO_ANSWER,
  voicemail: v1.FallbackCondition.FALLBACK_CONDITION_VOICEMAIL,
  no_closer_available: v1.FallbackCondition.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE,
  attempts_exhausted: v1.FallbackCondition.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
  reservation_timeout: v1.FallbackCondition.FALLBACK_CONDITION_RESERVATION_TIMEOUT,
  telephony_error: v1.FallbackCondition.FALLBACK_CONDITION_TELEPHONY_ERROR,
};

/** What a fallback rule can do. */
export const FALLBACK_ACTIONS = ['next_closer', 'book_appointment', 'return_to_ai'] as const;
export type FallbackActionName = (typeof FALLBACK_ACTIONS)[number];

const ACTION_ENUMS: Record<FallbackActionName, warmline.v1.FallbackAction> = {
  next_closer: v1.FallbackAction.FALLBACK_ACTION_NEXT_CLOSER,
  book_appointment: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
  return_to_ai: v1.FallbackAction.FALLBACK_ACTION_RETURN_TO_AI,
};

/** The FallbackCondition a policy condition name stands for. */
export function fallbackConditionOf(name: FallbackConditionName): warmline.v1.FallbackCondition {
  return CONDITION_ENUMS[name];
}

/** The FallbackAction a policy action name stands for. */
export function fallbackActionOf(name: FallbackActionName): warmline.v1.FallbackAction {
  return ACTION_ENUMS[name];
}

/** Perception faults a policy can treat as a degraded signal. */
export const SIGNAL_FAULT_NAMES = [
  'answering_machine',
  'amd_low_confidence',
  'asr_lag',
  'asr_low_confidence',
  'overlapping_speech',
  'interrupted_utterance',
  'call_timeout',
  'token_limit',
  'prompt_drift',
  'partial_transcript',
  'out_of_order',
  'sequence_gap',
  'long_silence',
] as const;
export type SignalFaultName = (typeof SIGNAL_FAULT_NAMES)[number];

const FAULT_ENUMS: Record<SignalFaultName, warmline.v1.SignalFault> = {
  answering_machine: v1.SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE,
  amd_low_confidence: v1.SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE,
  asr_lag: v1.SignalFault.SIGNAL_FAULT_ASR_LAG,
  asr_low_confidence: v1.SignalFault.SIGNAL_FAULT_ASR_LOW_CONFIDENCE,
  overlapping_speech: v1.SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH,
  interrupted_utterance: v1.SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE,
  call_timeout: v1.SignalFault.SIGNAL_FAULT_CALL_TIMEOUT,
  token_limit: v1.SignalFault.SIGNAL_FAULT_TOKEN_LIMIT,
  prompt_drift: v1.SignalFault.SIGNAL_FAULT_PROMPT_DRIFT,
  partial_transcript: v1.SignalFault.SIGNAL_FAULT_PARTIAL_TRANSCRIPT,
  out_of_order: v1.SignalFault.SIGNAL_FAULT_OUT_OF_ORDER,
  sequence_gap: v1.SignalFault.SIGNAL_FAULT_SEQUENCE_GAP,
  long_silence: v1.SignalFault.SIGNAL_FAULT_LONG_SILENCE,
};

/** The SignalFault a policy fault name stands for ("asr_lag" → SIGNAL_FAULT_ASR_LAG). */
export function signalFaultOf(name: SignalFaultName): warmline.v1.SignalFault {
  return FAULT_ENUMS[name];
}

/** The policy name of a SignalFault, or null for UNSPECIFIED / unknown values. */
export function signalFaultNameOf(fault: warmline.v1.SignalFault): SignalFaultName | null {
  return SIGNAL_FAULT_NAMES.find((name) => signalFaultOf(name) === fault) ?? null;
}

/** The two actions a policy can authorise. */
export type EscalationAction = 'live_transfer' | 'appointment';

/** How an action is named in reason details ("readiness 0.42 < 0.70 (live transfer)"). */
export function actionLabel(action: EscalationAction): string {
  return action === 'live_transfer' ? 'live transfer' : 'appointment';
}
