// The closer's desk answered the PENDING reservation. Accepted (the ledger has already accepted it):
// only now is the buyer held and the closer dialled. Rejected: the attempt ends as DECLINED with
// RESERVATION_REJECTED and the grant's fallback decides. An answer for a reservation the transfer no
// longer waits on changes nothing.
import {
  type HeldReservation,
  type InteractionRecord,
  type Transfer,
} from './interaction-record.js';
import { dialTarget } from './attempt-steps.js';
import { followFallback } from './fallback-flow.js';
import { StepDraft, type RecordOutcome, type StepContext } from './step-draft.js';

/** The desk's answer, as the router checked it against the ledger. */
export interface DeskAnswer {
  readonly reservationId: string;
  readonly reason: string;
}

/** The reservation the current attempt waits on, if the answer is about it; else `null`. */
export function awaitedReservation(
  transfer: Transfer | null | undefined,
  reservationId: string,
): HeldReservation | null {
  const held = transfer?.reservation ?? null;
  if (transfer == null || held === null || held.id !== reservationId) return null;
  if (held.accepted || held.ended || transfer.handoff.attemptFailure !== null) return null;
  const phase = transfer.handoff.phase;
  return phase === 'reserved' || phase === 'briefing' ? held : null;
}

/** The closer accepted: announce it, hold the buyer, dial the closer. */
export function acceptStep(
  current: InteractionRecord | null,
  answer: DeskAnswer,
  ctx: StepContext,
): RecordOutcome<null> | null {
  const held = awaitedReservation(current?.transfer, answer.reservationId);
  if (!current || held === null) return null;
  const draft = new StepDraft(current, ctx);
  draft.advance({ type: 'reservation_accepted', reservationId: held.id });
  draft.updateTransfer({ reservation: { ...held, accepted: true }, deadline: null });
  draft.noticeReservation('accepted', answer.reason);
  dialTarget(draft);
  return draft.outcome(null);
}

/** The closer rejected: DECLINED (RESERVATION_REJECTED), then the grant's fallback. */
export function rejectStep(
  current: InteractionRecord | null,
  answer: DeskAnswer,
  ctx: StepContext,
): RecordOutcome<null> | null {
  const held = awaitedReservation(current?.transfer, answer.reservationId);
  if (!current || held === null) return null;
  const draft = new StepDraft(current, ctx);
  draft.advance({
    type: 'attempt_failed',
    failure: 'reservation_rejected',
    reservationId: held.id,
    detail: answer.reason,
  });
  draft.announce();
  followFallback(draft, 'reservation_rejected', 'rejected');
  return draft.outcome(null);
}
