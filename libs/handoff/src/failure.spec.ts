import { v1 } from '@warmline/contracts';
import { handoffInputOf } from './call-progress.js';
import { HandoffInputError } from './errors.js';
import {
  attemptPhaseOf,
  failureOfCallProgress,
  failureReasonOf,
  fallbackConditionOf,
  type TransferFailure,
} from './failure.js';

const R = v1.HandoffFailureReason;
const C = v1.FallbackCondition;
const S = v1.CallProgressState;

describe('failure projections', () => {
  it.each<[TransferFailure, number, number | null, string | null]>([
    [
      'closer_declined',
      R.HANDOFF_FAILURE_REASON_CLOSER_DECLINED,
      C.FALLBACK_CONDITION_CLOSER_DECLINED,
      'declined',
    ],
    [
      'reservation_rejected',
      R.HANDOFF_FAILURE_REASON_RESERVATION_REJECTED,
      C.FALLBACK_CONDITION_CLOSER_DECLINED,
      'declined',
    ],
    ['no_answer', R.HANDOFF_FAILURE_REASON_NO_ANSWER, C.FALLBACK_CONDITION_NO_ANSWER, 'no_answer'],
    [
      'closer_busy',
      R.HANDOFF_FAILURE_REASON_CLOSER_BUSY,
      C.FALLBACK_CONDITION_NO_ANSWER,
      'no_answer',
    ],
    [
      'reservation_timeout',
      R.HANDOFF_FAILURE_REASON_RESERVATION_TIMEOUT,
      C.FALLBACK_CONDITION_RESERVATION_TIMEOUT,
      'no_answer',
    ],
    [
      'voicemail_at_closer',
      R.HANDOFF_FAILURE_REASON_VOICEMAIL_AT_CLOSER,
      C.FALLBACK_CONDITION_VOICEMAIL,
      'voicemail_at_closer',
    ],
    [
      'telephony_error',
      R.HANDOFF_FAILURE_REASON_TELEPHONY_ERROR,
      C.FALLBACK_CONDITION_TELEPHONY_ERROR,
      null,
    ],
    [
      'no_closer_available',
      R.HANDOFF_FAILURE_REASON_NO_CLOSER_AVAILABLE,
      C.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE,
      null,
    ],
    [
      'attempts_exhausted',
      R.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
      null,
    ],
    [
      'readiness_expired',
      R.HANDOFF_FAILURE_REASON_READINESS_EXPIRED,
      C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
      null,
    ],
    ['grant_expired', R.HANDOFF_FAILURE_REASON_GRANT_EXPIRED, null, null],
    ['grant_invalid', R.HANDOFF_FAILURE_REASON_GRANT_INVALID, null, null],
    ['caller_hung_up', R.HANDOFF_FAILURE_REASON_CALLER_HUNG_UP, null, null],
  ])('%s -> reason %i, condition %s, phase %s', (failure, reason, condition, phase) => {
    expect(failureReasonOf(failure)).toBe(reason);
    expect(fallbackConditionOf(failure)).toBe(condition);
    expect(attemptPhaseOf(failure)).toBe(phase);
  });

  it('gives every wire failure reason a failure', () => {
    const all: TransferFailure[] = [
      'closer_declined',
      'no_answer',
      'closer_busy',
      'voicemail_at_closer',
      'reservation_rejected',
      'reservation_timeout',
      'telephony_error',
      'no_closer_available',
      'attempts_exhausted',
      'readiness_expired',
      'grant_expired',
      'grant_invalid',
      'caller_hung_up',
    ];
    const covered = new Set(all.map(failureReasonOf));
    const wire = Object.values(R).filter((r) => typeof r === 'number' && r !== 0);
    expect([...covered].sort()).toEqual([...wire].sort());
  });

  it('maps call progress to failures', () => {
    expect(failureOfCallProgress(S.CALL_PROGRESS_STATE_BUSY)).toBe('closer_busy');
    expect(failureOfCallProgress(S.CALL_PROGRESS_STATE_FAILED)).toBe('telephony_error');
    expect(failureOfCallProgress(S.CALL_PROGRESS_STATE_ANSWERED)).toBeNull();
  });
});

describe('handoffInputOf', () => {
  it('turns call progress into handoff inputs', () => {
    expect(handoffInputOf({ state: S.CALL_PROGRESS_STATE_RINGING, legId: 'L1' })).toEqual({
      type: 'closer_ringing',
      legId: 'L1',
    });
    expect(handoffInputOf({ state: S.CALL_PROGRESS_STATE_ANSWERED, legId: 'L1' })).toEqual({
      type: 'closer_answered',
      legId: 'L1',
    });
    expect(handoffInputOf({ state: S.CALL_PROGRESS_STATE_BRIDGED, legId: 'L1' })).toEqual({
      type: 'bridged',
      legId: 'L1',
    });
    expect(handoffInputOf({ state: S.CALL_PROGRESS_STATE_CANCELLED, legId: 'L1' })).toEqual({
      type: 'leg_ended',
      legId: 'L1',
    });
    expect(handoffInputOf({ state: S.CALL_PROGRESS_STATE_CALLER_HUNG_UP })).toEqual({
      type: 'caller_hung_up',
    });
    expect(
      handoffInputOf({ state: S.CALL_PROGRESS_STATE_VOICEMAIL, legId: 'L1', detail: 'amd' }),
    ).toEqual({
      type: 'attempt_failed',
      failure: 'voicemail_at_closer',
      legId: 'L1',
      detail: 'amd',
    });
    expect(handoffInputOf({ state: S.CALL_PROGRESS_STATE_FAILED, detail: 'SIP 503' })).toEqual({
      type: 'attempt_failed',
      failure: 'telephony_error',
      detail: 'SIP 503',
    });
  });

  it('ignores progress that moves no phase', () => {
    for (const state of [
      S.CALL_PROGRESS_STATE_HELD,
      S.CALL_PROGRESS_STATE_WHISPER_COMPLETED,
      S.CALL_PROGRESS_STATE_RETURNED_TO_AGENT,
      S.CALL_PROGRESS_STATE_UNSPECIFIED,
    ]) {
      expect(handoffInputOf({ state, legId: 'L1' })).toBeNull();
    }
  });

  it('refuses a leg report without a leg id', () => {
    expect(() => handoffInputOf({ state: S.CALL_PROGRESS_STATE_ANSWERED })).toThrow(
      HandoffInputError,
    );
  });
});
