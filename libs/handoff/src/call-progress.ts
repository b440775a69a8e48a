import { v1, type warmline } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import { failureOfCallProgress, isAttemptFailure } from './failure.js';
import type { HandoffInput } from './handoff-input.js';

const S = v1.CallProgressState;

/**
 * The HandoffInput a CallProgress report means, or `null` for reports that move no phase (HELD,
 * WHISPER_COMPLETED — the router's cue to bridge —, RETURNED_TO_AGENT, UNSPECIFIED). RINGING,
 * ANSWERED, BRIDGED and CANCELLED must name the leg (HandoffInputError otherwise).
 */
export function handoffInputOf(progress: warmline.v1.ICallProgress): HandoffInput | null {
  const legId = progress.legId ?? '';
  const detail = progress.detail ?? '';
  const needLeg = (): string => {
    if (legId === '')
      throw new HandoffInputError('legId', `must be set on a ${S[progress.state ?? 0]} report`);
    return legId;
  };
  switch (progress.state) {
    case S.CALL_PROGRESS_STATE_RINGING:
      return { type: 'closer_ringing', legId: needLeg() };
    case S.CALL_PROGRESS_STATE_ANSWERED:
      return { type: 'closer_answered', legId: needLeg() };
    case S.CALL_PROGRESS_STATE_BRIDGED:
      return { type: 'bridged', legId: needLeg() };
    case S.CALL_PROGRESS_STATE_CANCELLED:
      return { type: 'leg_ended', legId: needLeg() };
    case S.CALL_PROGRESS_STATE_CALLER_HUNG_UP:
      return { type: 'caller_hung_up' };
    default: {
      const failure = failureOfCallProgress(progress.state);
      if (failure === null || !isAttemptFailure(failure)) return null;
      return legId === ''
        ? { type: 'attempt_failed', failure, detail }
        : { type: 'attempt_failed', failure, legId, detail };
    }
  }
}
