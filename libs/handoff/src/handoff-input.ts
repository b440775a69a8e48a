import type { AttemptFailure, TransferFailure } from './failure.js';
import type { FallbackStep } from './fallback.js';

/**
 * Something that happened to a handoff, as the router feeds it to `advance`: its own steps
 * (a reservation made, the brief sent), the closer desk's answer, telephony's call progress
 * (see handoffInputOf), and the fallback it decided on.
 */
export type HandoffInput =
  /** Warm: the ledger reserved this closer for the current attempt (requested -> reserved). */
  | { readonly type: 'closer_reserved'; readonly closerId: string; readonly reservationId: string }
  /** Warm: the brief went to the closer's desk with the pending reservation (reserved -> briefing). */
  | { readonly type: 'brief_sent' }
  /** Warm: the closer accepted the reservation; the router may now hold the buyer and dial. */
  | { readonly type: 'reservation_accepted'; readonly reservationId: string }
  /** The dialled closer's leg is ringing (briefing -> ringing; cold: requested -> ringing). */
  | { readonly type: 'closer_ringing'; readonly legId: string }
  /** The closer picked up (ringing -> accepted). */
  | { readonly type: 'closer_answered'; readonly legId: string }
  /** Telephony connected buyer and closer after the router's bridge command (accepted -> bridged). */
  | { readonly type: 'bridged'; readonly legId: string }
  /** The attempt failed; declined / no_answer / voicemail_at_closer phases follow where they apply. */
  | {
      readonly type: 'attempt_failed';
      readonly failure: AttemptFailure;
      /** The leg reported on, when telephony named one. */
      readonly legId?: string;
      /** The reservation concerned, for reservation_rejected / reservation_timeout. */
      readonly reservationId?: string;
      readonly detail?: string;
    }
  /** Telephony reported a leg over (e.g. cancelled as commanded). No phase change. */
  | { readonly type: 'leg_ended'; readonly legId: string }
  /** The fallback nextStep chose: the next attempt, an appointment, or back to the AI. */
  | { readonly type: 'fallback'; readonly step: FallbackStep }
  /** The handoff cannot go on and has no fallback left (e.g. the adapter refused to return the call). */
  | { readonly type: 'failed'; readonly reason: TransferFailure; readonly detail?: string }
  /** The buyer hung up; prefer callerHungUp, which also says what to cancel and release. */
  | { readonly type: 'caller_hung_up' };
