// Starting an attempt, once the driver has looked at the ledger. Warm: the reserved closer is recorded
// and briefed on their desk (RESERVED, the PENDING reservation with the brief, BRIEFING) before
// anything happens to the buyer. Cold: the buyer is held and the closer dialled at once, no brief and
// no desk request (the seat is still held in the ledger, so a closer is never rung beyond capacity). No closer at all: the grant's fallback decides at once, the buyer is never held.
import {
  attemptIssued,
  commandContext,
  dialCloserCommand,
  holdCommand,
  isTerminal,
} from '@warmline/handoff';
import { isActive, type Reservation } from '@warmline/roster';
import { buyerOnHold, followFallback, issueForward } from './fallback-flow.js';
import type { InteractionRecord, Transfer } from './interaction-record.js';
import { StepDraft, type RecordOutcome, type StepContext } from './step-draft.js';

/** True when the transfer waits for the driver to find a closer for its current attempt. */
export function needsCloser(transfer: Transfer): boolean {
  const { handoff } = transfer;
  return (
    !isTerminal(handoff.phase) &&
    handoff.phase === 'requested' &&
    handoff.attemptFailure === null &&
    !attemptIssued(handoff, 'dial')
  );
}

/** A seat the ledger holds for the current attempt, and where to dial its closer. */
export interface HeldSeat {
  readonly reservation: Reservation;
  readonly address: string;
}

/**
 * Records the reserved closer and briefs them; `null` when the attempt has moved on (the driver then
 * frees the seat: it was never announced). A reservation the ledger already ended (found after a
 * restart) ends the attempt as a reservation timeout.
 */
export function reservedStep(
  current: InteractionRecord | null,
  seat: HeldSeat,
  ctx: StepContext,
): RecordOutcome<null> | null {
  const transfer = current?.transfer;
  const { reservation } = seat;
  if (!current || !transfer || !waitingFor(transfer, reservation.attempt, 'warm')) return null;
  if (transfer.handoff.id !== reservation.handoffId) return null;
  const draft = new StepDraft(current, ctx);
  draft.advance({
    type: 'closer_reserved',
    closerId: reservation.closerId,
    reservationId: reservation.id,
  });
  draft.updateTransfer({
    target: { closerId: reservation.closerId, address: seat.address },
    reservation: {
      id: reservation.id,
      closerId: reservation.closerId,
      attempt: reservation.attempt,
      reservedAtMs: reservation.reservedAtMs,
      expiresAtMs: reservation.expiresAtMs,
      accepted: false,
      ended: !isActive(reservation),
    },
  });
  draft.announce();
  draft.advance({ type: 'brief_sent' });
  if (!isActive(reservation)) {
    draft.advance({
      type: 'attempt_failed',
      failure: 'reservation_timeout',
      reservationId: reservation.id,
      detail: `the ledger had already ended reservation ${reservation.id} (${reservation.status})`,
    });
    draft.announce();
    followFallback(draft, 'reservation_timeout', 'timeout');
    return draft.outcome(null);
  }
  draft.noticeReservation('pending', '');
  draft.announce();
  draft.updateTransfer({
    deadline: { kind: 'reservation', attempt: reservation.attempt, atMs: reservation.expiresAtMs },
  });
  return draft.outcome(null);
}

/** Cold mode: holds the buyer and dials `closer` straight away. */
export function coldDialStep(
  current: InteractionRecord | null,
  attempt: number,
  seat: HeldSeat,
  ctx: StepContext,
): RecordOutcome<null> | null {
  const transfer = current?.transfer;
  const { reservation } = seat;
  if (!current || !transfer || !waitingFor(transfer, attempt, 'cold')) return null;
  if (transfer.handoff.id !== reservation.handoffId) return null;
  const draft = new StepDraft(current, ctx);
  // The seat is held (and freed when the attempt or the call ends) without asking the desk.
  draft.updateTransfer({
    target: { closerId: reservation.closerId, address: seat.address },
    reservation: {
      id: reservation.id,
      closerId: reservation.closerId,
      attempt: reservation.attempt,
      reservedAtMs: reservation.reservedAtMs,
      expiresAtMs: reservation.expiresAtMs,
      accepted: true,
      ended: false,
    },
  });
  dialTarget(draft);
  return draft.outcome(null);
}

/** No closer can take the attempt: the grant's NO_CLOSER_AVAILABLE rule decides, at once. */
export function noCloserStep(
  current: InteractionRecord | null,
  attempt: number,
  ctx: StepContext,
): RecordOutcome<null> | null {
  const transfer = current?.transfer;
  if (!current || !transfer || !waitingFor(transfer, attempt, transfer.handoff.mode)) return null;
  const draft = new StepDraft(current, ctx);
  followFallback(draft, 'no_closer_available', 'ended');
  return draft.outcome(null);
}

/**
 * Holds the buyer (once per handoff) and dials the attempt's target, if the grant is still valid;
 * arms the ring guard, in case telephony never reports how the dial ended.
 */
export function dialTarget(draft: StepDraft): void {
  const { handoff, target, terms } = draft.transfer;
  if (target === null) throw new Error(`handoff ${handoff.id} has no closer to dial`);
  const ctx = commandContext(handoff);
  const commands = [
    ...(buyerOnHold(handoff) ? [] : [holdCommand(ctx)]),
    dialCloserCommand(ctx, { ...target, timeoutMs: terms.dialTimeoutMs }),
  ];
  if (!issueForward(draft, commands)) return;
  draft.updateTransfer({
    deadline: {
      kind: 'ring',
      attempt: handoff.attempt,
      atMs: draft.ctx.nowMs + terms.dialTimeoutMs + terms.ringGraceMs,
    },
  });
}

function waitingFor(transfer: Transfer, attempt: number, mode: 'warm' | 'cold'): boolean {
  return (
    transfer.handoff.mode === mode && transfer.handoff.attempt === attempt && needsCloser(transfer)
  );
}
