// What happens when an attempt or the whole transfer cannot go on: undo what the attempt holds
// (cancel the closer's leg, free the reservation), then follow the grant's fallback rules — the next
// closer, an appointment, or back to the AI with an honest line. Forward commands (hold, dial,
// whisper, bridge) are only sent while the grant is still valid; cleanup commands (cancel, return to
// the agent) are always sent, because they end effects instead of starting them.
import {
  commandContext,
  nextStep,
  releasePlan,
  returnToAgentCommand,
  type FallbackFailure,
  type Handoff,
} from '@warmline/handoff';
import type { warmline } from '@warmline/contracts';
import type { ReleaseOutcome } from './interaction-record.js';
import type { StepDraft } from './step-draft.js';
import { fallbackGrantOf } from './transfer-terms.js';

/** Cancels the current attempt's open legs and ends its reservation (announced, then freed). */
export function releaseAttempt(draft: StepDraft, outcome: ReleaseOutcome, reason: string): void {
  const plan = releasePlan(draft.handoff, reason);
  for (const command of plan.cancelCommands) draft.issue(command);
  // A cold attempt holds its seat without a reservation in the handoff's own record: end it too.
  const coldSeat = draft.handoff.mode === 'cold' && draft.transfer.reservation !== null;
  if (plan.reservationToEnd !== null || coldSeat) endReservation(draft, outcome, reason);
}

/**
 * Ends the current reservation: its ReservationEvent is published with this step and the seat is
 * freed in the ledger only after, so the events never show a closer over capacity.
 */
export function endReservation(draft: StepDraft, outcome: ReleaseOutcome, reason: string): void {
  const held = draft.transfer.reservation;
  if (held === null || held.ended) return;
  const status =
    outcome === 'rejected'
      ? 'rejected'
      : outcome === 'timeout'
        ? 'timeout'
        : held.accepted
          ? 'released'
          : 'rescinded';
  draft.noticeReservation(status, reason);
  draft.queueRelease({ closerId: held.closerId, reservationId: held.id, outcome, reason });
  draft.updateTransfer({ reservation: { ...held, ended: true } });
}

/**
 * After `failure` (the attempt's, or the transfer's as a whole): release the attempt, then take the
 * step the grant's rules give — a new `requested` attempt, FALLBACK_APPOINTMENT (the scheduler books
 * it) or RETURNED_TO_AI. The AI agent gets its honest line whenever the buyer goes back to it.
 */
export function followFallback(
  draft: StepDraft,
  failure: FallbackFailure,
  outcome: ReleaseOutcome,
): void {
  releaseAttempt(draft, outcome, failure.replace(/_/g, ' '));
  const { terms } = draft.transfer;
  const step = nextStep(draft.handoff, failure, fallbackGrantOf(terms), draft.ctx.nowMs);
  draft.advance({ type: 'fallback', step });
  draft.updateTransfer({ target: null, reservation: null, deadline: null });
  draft.announce();
  const backToAgent =
    step.action === 'return_to_ai' ||
    (step.action === 'book_appointment' && buyerOnHold(draft.handoff));
  if (backToAgent) {
    draft.issue(returnToAgentCommand(commandContext(draft.handoff), step.message ?? ''));
  }
}

/**
 * Sends forward commands if the grant is still valid; otherwise the transfer goes back to the AI with
 * GRANT_EXPIRED. Returns whether they were sent.
 */
export function issueForward(
  draft: StepDraft,
  commands: readonly warmline.v1.ITelephonyCommand[],
): boolean {
  if (draft.ctx.nowMs > draft.transfer.terms.expiresAtMs) {
    followFallback(draft, 'grant_expired', 'ended');
    return false;
  }
  for (const command of commands) draft.issue(command);
  return true;
}

/** True once this handoff put the buyer on hold (in any attempt). */
export function buyerOnHold(handoff: Handoff): boolean {
  return handoff.commandsIssued.some((key) => key.endsWith(':hold'));
}
