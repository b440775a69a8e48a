// One vocabulary for why a transfer attempt or a handoff failed, with its three projections: the
// wire HandoffFailureReason, the grant's FallbackCondition, and the attempt phase it ends in.
import { v1, type warmline } from '@warmline/contracts';
import type { HandoffPhase } from './phase.js';

/** Why an attempt or a handoff failed. */
export type TransferFailure =
  | 'closer_declined'
  | 'no_answer'
  | 'closer_busy'
  | 'voicemail_at_closer'
  | 'reservation_rejected'
  | 'reservation_timeout'
  | 'telephony_error'
  | 'no_closer_available'
  | 'attempts_exhausted'
  | 'readiness_expired'
  | 'grant_expired'
  | 'grant_invalid'
  | 'caller_hung_up';

/** Failures that end one attempt (a closer or a leg said no); the handoff may go on. */
export type AttemptFailure = Extract<
  TransferFailure,
  | 'closer_declined'
  | 'no_answer'
  | 'closer_busy'
  | 'voicemail_at_closer'
  | 'reservation_rejected'
  | 'reservation_timeout'
  | 'telephony_error'
>;

const ATTEMPT_FAILURES: readonly TransferFailure[] = [
  'closer_declined',
  'no_answer',
  'closer_busy',
  'voicemail_at_closer',
  'reservation_rejected',
  'reservation_timeout',
  'telephony_error',
];

/** True for the failures that end one attempt. */
export function isAttemptFailure(failure: TransferFailure): failure is AttemptFailure {
  return ATTEMPT_FAILURES.includes(failure);
}

const R = v1.HandoffFailureReason;
const C = v1.FallbackCondition;

interface Projection {
  readonly reason: warmline.v1.HandoffFailureReason;
  /** `null`: the grant's fallback rules do not apply (the call or the grant itself is gone). */
  readonly condition: warmline.v1.FallbackCondition | null;
  /** The phase an attempt ends in; `null`: none (the attempt ends without a phase of its own). */
  readonly phase: HandoffPhase | null;
}

const PROJECTIONS: Readonly<Record<TransferFailure, Projection>> = {
  closer_declined: {
    reason: R.HANDOFF_FAILURE_REASON_CLOSER_DECLINED,
    condition: C.FALLBACK_CONDITION_CLOSER_DECLINED,
    phase: 'declined',
  },
  reservation_rejected: {
    reason: R.HANDOFF_FAILURE_REASON_RESERVATION_REJECTED,
    condition: C.FALLBACK_CONDITION_CLOSER_DECLINED,
    phase: 'declined',
  },
  no_answer: {
    reason: R.HANDOFF_FAILURE_REASON_NO_ANSWER,
    condition: C.FALLBACK_CONDITION_NO_ANSWER,
    phase: 'no_answer',
  },
  // There is no BUSY condition: a busy line is a closer who could not pick up, like no answer.
  closer_busy: {
    reason: R.HANDOFF_FAILURE_REASON_CLOSER_BUSY,
    condition: C.FALLBACK_CONDITION_NO_ANSWER,
    phase: 'no_answer',
  },
  reservation_timeout: {
    reason: R.HANDOFF_FAILURE_REASON_RESERVATION_TIMEOUT,
    condition: C.FALLBACK_CONDITION_RESERVATION_TIMEOUT,
    phase: 'no_answer',
  },
  voicemail_at_closer: {
    reason: R.HANDOFF_FAILURE_REASON_VOICEMAIL_AT_CLOSER,
    condition: C.FALLBACK_CONDITION_VOICEMAIL,
    phase: 'voicemail_at_closer',
  },
  telephony_error: {
    reason: R.HANDOFF_FAILURE_REASON_TELEPHONY_ERROR,
    condition: C.FALLBACK_CONDITION_TELEPHONY_ERROR,
    phase: null,
  },
  no_closer_available: {
    reason: R.HANDOFF_FAILURE_REASON_NO_CLOSER_AVAILABLE,
    condition: C.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE,
    phase: null,
  },
  attempts_exhausted: {
    reason: R.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
    condition: C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
    phase: null,
  },
  // Past the readiness window no closer may be tried any more: the same as having tried them all.
  readiness_expired: {
    reason: R.HANDOFF_FAILURE_REASON_READINESS_EXPIRED,
    condition: C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
    phase: null,
  },
  grant_expired: { reason: R.HANDOFF_FAILURE_REASON_GRANT_EXPIRED, condition: null, phase: null },
  grant_invalid: { reason: R.HANDOFF_FAILURE_REASON_GRANT_INVALID, condition: null, phase: null },
  caller_hung_up: { reason: R.HANDOFF_FAILURE_REASON_CALLER_HUNG_UP, condition: null, phase: null },
};

/** The wire HandoffFailureReason of a failure. */
export function failureReasonOf(failure: TransferFailure): warmline.v1.HandoffFailureReason {
  return PROJECTIONS[failure].reason;
}

/** The FallbackCondition a failure matches in the grant's rules; `null` when no rule applies. */
export function fallbackConditionOf(
  failure: TransferFailure,
): warmline.v1.FallbackCondition | null {
  return PROJECTIONS[failure].condition;
}

/** The phase an attempt ends in after `failure`; `null` when it has none (e.g. a telephony error). */
export function attemptPhaseOf(failure: TransferFailure): HandoffPhase | null {
  return PROJECTIONS[failure].phase;
}

const FAILURE_OF_PROGRESS = new Map<warmline.v1.CallProgressState, TransferFailure>([
  [v1.CallProgressState.CALL_PROGRESS_STATE_DECLINED, 'closer_declined'],
  [v1.CallProgressState.CALL_PROGRESS_STATE_NO_ANSWER, 'no_answer'],
  [v1.CallProgressState.CALL_PROGRESS_STATE_BUSY, 'closer_busy'],
  [v1.CallProgressState.CALL_PROGRESS_STATE_VOICEMAIL, 'voicemail_at_closer'],
  [v1.CallProgressState.CALL_PROGRESS_STATE_FAILED, 'telephony_error'],
  [v1.CallProgressState.CALL_PROGRESS_STATE_CALLER_HUNG_UP, 'caller_hung_up'],
]);

/** The failure a CallProgress state reports; `null` for progress that is not a failure. */
export function failureOfCallProgress(
  state: warmline.v1.CallProgressState | null | undefined,
): TransferFailure | null {
  return state == null ? null : (FAILURE_OF_PROGRESS.get(state) ?? null);
}
