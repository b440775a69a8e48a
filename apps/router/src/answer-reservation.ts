// The use case behind the reservation handler: a closer desk's answer to a PENDING reservation. An
// acceptance goes to the ledger first (it refuses one at or after the expiry), then to the transfer,
// which only then holds the buyer and dials; a rejection goes to the transfer first, which announces
// it before the seat is freed. Answers about reservations the transfer no longer waits on are
// acknowledged and change nothing; answers about reservations nobody made are dead-lettered.
import { Inject, Injectable } from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import type { warmline } from '@warmline/contracts';
import { ReservationConflictError, ReservationNotFoundError } from '@warmline/roster';
import { acceptStep, awaitedReservation, rejectStep } from './answer-steps.js';
import { CloserLedgers } from './closer-ledgers.js';
import { deadlineStep } from './deadline-step.js';
import { refusingBadInput } from './domain-failure.js';
import { HandoffDeadlines } from './handoff-deadlines.js';
import type { InteractionRecord } from './interaction-record.js';
import { TransferDriver } from './transfer-driver.js';

@Injectable()
export class AnswerReservation {
  constructor(
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly driver: TransferDriver,
    private readonly ledgers: CloserLedgers,
    private readonly deadlines: HandoffDeadlines,
  ) {}

  async execute(envelope: warmline.v1.Envelope): Promise<void> {
    const interactionId = envelope.interactionId;
    const response = envelope.reservationResponse ?? {};
    const reservationId = response.reservationId ?? '';
    const ctx = this.driver.context(envelope.eventId);
    await refusingBadInput(async () => {
      const record = await this.driver.record(interactionId);
      checkKnown(record, reservationId, response);
      const held = awaitedReservation(record?.transfer, reservationId);
      if (held === null) {
        this.logger.debug({ msg: 'late reservation answer ignored', interactionId, reservationId });
      } else if (response.accepted) {
        const verdict = await this.ledgers.accept(held.closerId, held.id);
        if (verdict === 'accepted') {
          const answer = { reservationId, reason: response.reason ?? '' };
          await this.driver.step(interactionId, (current) => acceptStep(current, answer, ctx));
        } else if (verdict === 'expired') {
          // Too late: the reservation timed out, whatever the timer has done so far.
          await this.driver.step(interactionId, (current) => deadlineStep(current, ctx));
        }
      } else {
        const answer = { reservationId, reason: response.reason || 'rejected at the desk' };
        await this.driver.step(interactionId, (current) => rejectStep(current, answer, ctx));
      }
    });
    await this.deadlines.track(
      interactionId,
      await this.driver.settle(interactionId, envelope.eventId),
    );
  }
}

// The reservation must be one this interaction's transfers made, answered by its own closer.
function checkKnown(
  record: InteractionRecord | null,
  reservationId: string,
  response: warmline.v1.IReservationResponse,
): void {
  const transfer = record?.transfer ?? null;
  const entry = transfer?.handoff.timeline.find((e) => e.reservationId === reservationId);
  const earlier = record?.earlier.some((t) => reservationId.startsWith(`${t.handoffId}-r`));
  if (entry === undefined && !earlier) throw new ReservationNotFoundError(reservationId);
  if (entry !== undefined && entry.closerId !== (response.closerId ?? '')) {
    throw new ReservationConflictError(
      reservationId,
      `answered by closer ${response.closerId ?? ''}, but it reserves closer ${entry.closerId}`,
    );
  }
}
