// HandoffPhase mirrors warmline.v1.HandoffState as words, so a stored Handoff reads as JSON and a
// switch over phases is exhaustive without the UNSPECIFIED value.
import { v1, type warmline } from '@warmline/contracts';

/** A live transfer's phase (warmline.v1.HandoffState without UNSPECIFIED). */
export type HandoffPhase =
  | 'requested'
  | 'reserved'
  | 'briefing'
  | 'ringing'
  | 'accepted'
  | 'bridged'
  | 'declined'
  | 'no_answer'
  | 'voicemail_at_closer'
  | 'caller_abandoned'
  | 'failed'
  | 'fallback_appointment'
  | 'returned_to_ai';

/** Phases that end an attempt but not the handoff: a fallback decides what comes next. */
export const ATTEMPT_FAILURE_PHASES: readonly HandoffPhase[] = [
  'declined',
  'no_answer',
  'voicemail_at_closer',
];

/** Phases that end the handoff: nothing moves out of them. */
export const TERMINAL_PHASES: readonly HandoffPhase[] = [
  'bridged',
  'caller_abandoned',
  'failed',
  'fallback_appointment',
  'returned_to_ai',
];

/** True when the handoff is over. */
export function isTerminal(phase: HandoffPhase): boolean {
  return TERMINAL_PHASES.includes(phase);
}

const STATE_OF_PHASE: Readonly<Record<HandoffPhase, warmline.v1.HandoffState>> = {
  requested: v1.HandoffState.HANDOFF_STATE_REQUESTED,
  reserved: v1.HandoffState.HANDOFF_STATE_RESERVED,
  briefing: v1.HandoffState.HANDOFF_STATE_BRIEFING,
  ringing: v1.HandoffState.HANDOFF_STATE_RINGING,
  accepted: v1.HandoffState.HANDOFF_STATE_ACCEPTED,
  bridged: v1.HandoffState.HANDOFF_STATE_BRIDGED,
  declined: v1.HandoffState.HANDOFF_STATE_DECLINED,
  no_answer: v1.HandoffState.HANDOFF_STATE_NO_ANSWER,
  voicemail_at_closer: v1.HandoffState.HANDOFF_STATE_VOICEMAIL_AT_CLOSER,
  caller_abandoned: v1.HandoffState.HANDOFF_STATE_CALLER_ABANDONED,
  failed: v1.HandoffState.HANDOFF_STATE_FAILED,
  fallback_appointment: v1.HandoffState.HANDOFF_STATE_FALLBACK_APPOINTMENT,
  returned_to_ai: v1.HandoffState.HANDOFF_STATE_RETURNED_TO_AI,
};

/** The wire HandoffState of a phase. */
export function handoffStateOf(phase: HandoffPhase): warmline.v1.HandoffState {
  return STATE_OF_PHASE[phase];
}

/** The phase of a wire HandoffState; `null` for UNSPECIFIED or an unknown value. */
export function phaseOfHandoffState(
  state: warmline.v1.HandoffState | null | undefined,
): HandoffPhase | null {
  const found = (Object.keys(STATE_OF_PHASE) as HandoffPhase[]).find(
    (p) => STATE_OF_PHASE[p] === state,
  );
  return found ?? null;
}
