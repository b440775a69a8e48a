// Nothing happened by the transfer's deadline. A reservation the desk did not answer in time ends the
// attempt as NO_ANSWER with RESERVATION_TIMEOUT; a dial telephony never reported on (past the dial
// timeout and a grace) ends it as NO_ANSWER too, and its leg is cancelled. Either way the grant's
// fallback decides what comes next. A deadline that no longer applies is dropped.
import { attemptIssued, isTerminal, type Handoff } from '@warmline/handoff';
import { followFallback } from './fallback-flow.js';
import type { Deadline, InteractionRecord } from './interaction-record.js';
import { StepDraft, type RecordOutcome, type StepContext } from './step-draft.js';

/** Acts on a due deadline; `null` when none is due yet. */
export function deadlineStep(
  current: InteractionRecord | null,
  ctx: StepContext,
): RecordOutcome<null> | null {
  const deadline = current?.transfer?.deadline ?? null;
  if (!current || deadline === null || ctx.nowMs < deadline.atMs) return null;
  const draft = new StepDraft(current, ctx);
  draft.updateTransfer({ deadline: null });
  if (!applies(draft.handoff, deadline)) return draft.outcome(null);
  if (deadline.kind === 'reservation') {
    const held = draft.transfer.reservation;
    if (held === null || held.accepted || held.ended) return draft.outcome(null);
    draft.advance({
      type: 'attempt_failed',
      failure: 'reservation_timeout',
      reservationId: held.id,
      detail: `closer ${held.closerId} did not answer the reservation in time`,
    });
    draft.announce();
    followFallback(draft, 'reservation_timeout', 'timeout');
    return draft.outcome(null);
  }
  // No leg named: telephony never said the leg ended, so the release cancels it.
  draft.advance({
    type: 'attempt_failed',
    failure: 'no_answer',
    detail: 'telephony reported nothing within the dial timeout',
  });
  draft.announce();
  followFallback(draft, 'no_answer', 'ended');
  return draft.outcome(null);
}

function applies(handoff: Handoff, deadline: Deadline): boolean {
  if (isTerminal(handoff.phase) || handoff.attempt !== deadline.attempt) return false;
  if (handoff.attemptFailure !== null) return false;
  if (deadline.kind === 'reservation') {
    return handoff.phase === 'reserved' || handoff.phase === 'briefing';
  }
  const waitingForTelephony =
    handoff.phase === 'ringing' ||
    handoff.phase === 'briefing' ||
    (handoff.phase === 'requested' && handoff.mode === 'cold');
  return waitingForTelephony && attemptIssued(handoff, 'dial');
}
