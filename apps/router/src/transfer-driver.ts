// Drives one interaction's transfer between messages. Steps on the handoff record are checkpointed
// (record and effects committed together); the ledger is a separate checkpoint per closer, so the
// driver orders the two: a seat is taken in the ledger before the transfer announces it, and freed
// only after the transfer has announced its end (the record's `releases` outbox). Every handler ends
// with `settle`, which also finishes whatever a crashed predecessor left half-done.
import { Inject, Injectable } from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  type AgentLogger,
  type CheckpointedSteps,
  type Decide,
} from '@warmline/agent-runtime';
import { findCloser, findReservation, rosterClosers } from '@warmline/roster';
import { ATTR, traced } from '@warmline/telemetry';
import { coldDialStep, needsCloser, noCloserStep, reservedStep } from './attempt-steps.js';
import { rankedCandidates } from './closer-ledger-steps.js';
import { CloserLedgers } from './closer-ledgers.js';
import { CloserRoster } from './closer-roster.js';
import { deadlineStep } from './deadline-step.js';
import { interactionKey, reservationIdOf } from './derived-ids.js';
import type { InteractionRecord, Transfer } from './interaction-record.js';
import { releasesDoneStep } from './releases-step.js';
import type { StepContext } from './step-draft.js';
import type { TelephonyPort } from './telephony-port.js';
import { TELEPHONY_PORT } from './tokens.js';

/** Rounds of settling before giving up (the message is then retried): more than any transfer needs. */
const MAX_SETTLE_ROUNDS = 40;

@Injectable()
export class TransferDriver {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(TELEPHONY_PORT) private readonly telephony: TelephonyPort,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly ledgers: CloserLedgers,
    private readonly roster: CloserRoster,
  ) {}

  /** The context of a step caused by message `causationId` (empty for a deadline), now. */
  context(causationId: string): StepContext {
    return { nowMs: Date.now(), causationId, telephony: this.telephony };
  }

  /** Runs one step on the interaction's record. */
  step<R>(interactionId: string, decide: Decide<InteractionRecord, R>): Promise<R | null> {
    return this.steps.run(interactionKey(interactionId), decide);
  }

  /** The interaction's record, or `null` before the router heard of it. */
  async record(interactionId: string): Promise<InteractionRecord | null> {
    const stored = await this.steps.read(interactionKey(interactionId));
    return (stored?.checkpoint.state as InteractionRecord | undefined) ?? null;
  }

  /** A deadline of the interaction may be due: acts on it, then settles. */
  async tick(interactionId: string): Promise<number | null> {
    await this.step(interactionId, (current) => deadlineStep(current, this.context('')));
    return this.settle(interactionId, '');
  }

  /**
   * Brings the transfer to the point where it waits on someone else: frees the seats it let go,
   * reserves (warm) or dials (cold) a closer for a new attempt, or falls back when there is none.
   * Returns the transfer's next deadline, for the ticker.
   */
  async settle(interactionId: string, causationId: string): Promise<number | null> {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      const record = await this.record(interactionId);
      if (record === null) return null;
      if (record.releases.length > 0) {
        await this.freeSeats(interactionId, record);
        continue;
      }
      const transfer = record.transfer;
      if (transfer !== null && needsCloser(transfer)) {
        await this.findCloser(interactionId, transfer, causationId);
        continue;
      }
      return transfer?.deadline?.atMs ?? null;
    }
    throw new Error(`transfer of ${interactionId} did not settle in ${MAX_SETTLE_ROUNDS} rounds`);
  }

  private async freeSeats(interactionId: string, record: InteractionRecord): Promise<void> {
    for (const release of record.releases) await this.ledgers.release(release);
    await this.step(interactionId, (current) => releasesDoneStep(current, record.releases));
  }

  private async findCloser(
    interactionId: string,
    transfer: Transfer,
    causationId: string,
  ): Promise<void> {
    const { handoff, terms } = transfer;
    const ctx = this.context(causationId);
    const roster = this.roster.current();
    const ledger = await this.ledgers.snapshot(rosterClosers(roster).map((c) => c.closerId));
    const ranked = rankedCandidates(roster, terms.needs, ledger, ctx.nowMs, handoff.triedCloserIds);
    const reservationId = reservationIdOf(handoff.id, handoff.attempt);
    // A seat taken by a predecessor that crashed before recording it is this attempt's seat.
    const seat =
      findReservation(ledger, reservationId) ??
      (await traced(
        'reserve closer',
        {
          [ATTR.interactionId]: interactionId,
          [ATTR.handoffId]: handoff.id,
          'warmline.candidates': ranked.length,
        },
        async (span) => {
          const taken = await this.ledgers.reserveFirst(ranked, roster, {
            id: reservationId,
            handoffId: handoff.id,
            attempt: handoff.attempt,
            expiresAtMs: ctx.nowMs + terms.reservationTimeoutMs,
          });
          if (taken) span.setAttribute(ATTR.closerId, taken.closerId);
          return taken;
        },
      ));
    if (seat === null) {
      this.logger.info('no closer available', { interactionId, handoffId: handoff.id });
      await this.step(interactionId, (current) => noCloserStep(current, handoff.attempt, ctx));
      return;
    }
    const address = findCloser(roster, seat.closerId)?.address ?? '';
    if (handoff.mode === 'cold') {
      // Cold: no desk to ask and no brief, but the seat is held all the same, so concurrent cold
      // transfers never ring a closer who is already on a call.
      await this.ledgers.accept(seat.closerId, seat.id);
      await this.step(interactionId, (current) =>
        coldDialStep(current, handoff.attempt, { reservation: seat, address }, ctx),
      );
    } else {
      await this.step(interactionId, (current) =>
        reservedStep(current, { reservation: seat, address }, ctx),
      );
    }
    const after = (await this.record(interactionId))?.transfer;
    const recorded =
      after?.reservation?.id === seat.id ||
      after?.handoff.timeline.some(
        (entry) => entry.reservationId === seat.id && entry.closerId === seat.closerId,
      );
    if (!recorded) {
      // The transfer moved on (or another replica recorded another seat): this one was never announced.
      await this.ledgers.release({
        closerId: seat.closerId,
        reservationId: seat.id,
        outcome: 'ended',
        reason: 'the transfer moved on before the reservation was recorded',
      });
    }
  }
}
