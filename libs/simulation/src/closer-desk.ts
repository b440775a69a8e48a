// How a simulated closer reacts to a transfer. One draw per closer per attempt decides it; the
// simulator then plays it on the two surfaces a closer has: the desk (answers a PENDING reservation,
// warm transfers only) and the phone leg (answers the DialCloser through the telephony adapter).
import { v1, type warmline } from '@warmline/contracts';
import type { CloserSpec } from './closer-pool.js';
import type { Rng } from './rng.js';

/** What the closer does with this transfer. */
export type DeskResponse = 'accept' | 'decline' | 'no_answer' | 'voicemail';

/** How long a closer's voicemail lets the leg ring before picking up, ms [min, max). */
export const VOICEMAIL_PICKUP_MS = [15_000, 25_000] as const;
/** How long a warm-briefed closer, who accepted on their desk, lets the leg ring, ms [min, max). */
export const EXPECTED_CALL_PICKUP_MS = [1_000, 3_000] as const;

/** The closer's reaction, as the simulator plays it. Delays are simulated ms. */
export interface DeskAnswer {
  readonly response: DeskResponse;
  /**
   * Warm transfers: the ReservationResponse to publish and when after the PENDING reservation
   * arrives; null = never answer (the reservation times out). Cold transfers have no reservation.
   */
  readonly reservation: { readonly accepted: boolean; readonly afterMs: number } | null;
  /**
   * After a DialCloser: report RINGING at once, then `state` after `afterMs`; afterMs null = when
   * the dial's timeout_ms runs out (NO_ANSWER).
   */
  readonly leg: { readonly state: warmline.v1.CallProgressState; readonly afterMs: number | null };
}

const { CallProgressState } = v1;

/**
 * Draws the closer's reaction: decline with declineRate, no answer with noAnswerRate, voicemail
 * with voicemailRate, accept otherwise; reaction times from answerDelayMs. Warm: accept → accept
 * the reservation after answerDelay, answer the leg after 1-3 s; decline → reject the reservation;
 * no_answer → leave it pending; voicemail → accept on the desk, leg to voicemail after 15-25 s.
 * Cold: accept → answer after answerDelay; decline → DECLINED after answerDelay; no_answer → rings
 * out; voicemail → VOICEMAIL after 15-25 s.
 */
export function deskResponse(
  closer: CloserSpec,
  rng: Rng,
  mode: 'warm' | 'cold' = 'warm',
): DeskAnswer {
  const response = drawResponse(closer, rng);
  const reaction = Math.round(rng.between(closer.answerDelayMs.min, closer.answerDelayMs.max));
  const voicemailAfter = Math.round(rng.between(VOICEMAIL_PICKUP_MS[0], VOICEMAIL_PICKUP_MS[1]));
  const pickup = Math.round(rng.between(EXPECTED_CALL_PICKUP_MS[0], EXPECTED_CALL_PICKUP_MS[1]));
  const warm = mode === 'warm';
  switch (response) {
    case 'accept':
      return {
        response,
        reservation: warm ? { accepted: true, afterMs: reaction } : null,
        leg: {
          state: CallProgressState.CALL_PROGRESS_STATE_ANSWERED,
          afterMs: warm ? pickup : reaction,
        },
      };
    case 'decline':
      return {
        response,
        reservation: warm ? { accepted: false, afterMs: reaction } : null,
        leg: { state: CallProgressState.CALL_PROGRESS_STATE_DECLINED, afterMs: reaction },
      };
    case 'no_answer':
      return {
        response,
        reservation: null,
        leg: { state: CallProgressState.CALL_PROGRESS_STATE_NO_ANSWER, afterMs: null },
      };
    case 'voicemail':
      return {
        response,
        reservation: warm ? { accepted: true, afterMs: reaction } : null,
        leg: { state: CallProgressState.CALL_PROGRESS_STATE_VOICEMAIL, afterMs: voicemailAfter },
      };
  }
}

/** How long a bridged call keeps the closer busy after any re-qualification, simulated ms. */
export function closerTalkTimeMs(closer: CloserSpec, rng: Rng): number {
  return Math.round(rng.between(closer.talkTimeMs.min, closer.talkTimeMs.max));
}

function drawResponse(closer: CloserSpec, rng: Rng): DeskResponse {
  const point = rng.next();
  if (point < closer.declineRate) return 'decline';
  if (point < closer.declineRate + closer.noAnswerRate) return 'no_answer';
  if (point < closer.declineRate + closer.noAnswerRate + closer.voicemailRate) return 'voicemail';
  return 'accept';
}
