// One step on an interaction's handoff record, written as a draft: the step changes the record and
// says what must be published because of it; `outcome()` hands both to the checkpointed runtime,
// which commits them together and only then publishes. Every HandoffEvent is derived from the
// handoff's timeline, so no state change can go unpublished, and every telephony command passes the
// handoff's gate (recordCommand) before it becomes an effect.
import type { Effect, StepOutcome } from '@warmline/agent-runtime';
import { toTimestamp, v1, warmline } from '@warmline/contracts';
import {
  advance,
  handoffEvent,
  recordCommand,
  type Handoff,
  type HandoffInput,
} from '@warmline/handoff';
import { reservationEvent, type ReservationStatus } from '@warmline/roster';
import type { AuditRecord } from '@warmline/store';
import { handoffEventId, reservationEventId } from './derived-ids.js';
import type { InteractionRecord, LedgerRelease, Transfer } from './interaction-record.js';
import type { TelephonyPort } from './telephony-port.js';

/** What every step knows besides the record: the time, the message that caused it, the telephony port. */
export interface StepContext {
  readonly nowMs: number;
  /** Event id of the message being handled; empty for a deadline. */
  readonly causationId: string;
  readonly telephony: TelephonyPort;
}

/** A step's result with the record it committed (the driver continues from it). */
export type RecordOutcome<R> = StepOutcome<InteractionRecord> & { readonly result: R };

export class StepDraft {
  private readonly effects: Effect[] = [];
  private readonly initial: InteractionRecord;
  private decodedBrief: warmline.v1.IHandoffBrief | null | undefined;

  constructor(
    private record: InteractionRecord,
    readonly ctx: StepContext,
  ) {
    this.initial = record;
  }

  get current(): InteractionRecord {
    return this.record;
  }

  /** The transfer being driven (a step without one never asks for it). */
  get transfer(): Transfer {
    if (this.record.transfer === null) {
      throw new Error(`interaction ${this.record.interactionId} has no transfer`);
    }
    return this.record.transfer;
  }

  get handoff(): Handoff {
    return this.transfer.handoff;
  }

  /** True once the step changed the record or has something to publish. */
  get changed(): boolean {
    return this.record !== this.initial || this.effects.length > 0;
  }

  update(changes: Partial<InteractionRecord>): void {
    this.record = { ...this.record, ...changes };
  }

  updateTransfer(changes: Partial<Transfer>): void {
    this.update({ transfer: { ...this.transfer, ...changes } });
  }

  /** Feeds `input` to the handoff (throws the handoff's refusal when it is out of place). */
  advance(input: HandoffInput): void {
    const next = advance(this.handoff, input, this.ctx.nowMs);
    if (next !== this.handoff) this.updateTransfer({ handoff: next });
  }

  /** Publishes (and audits) a HandoffEvent for every timeline entry not published yet. */
  announce(): void {
    const transfer = this.transfer;
    const { handoff } = transfer;
    handoff.timeline.forEach((entry, index) => {
      if (index < transfer.published) return;
      const event = handoffEvent(handoff, { brief: this.brief(), entry });
      // The scheduler books the fallback under the live-transfer grant's fallback scope.
      const grant = entry.phase === 'fallback_appointment' ? this.grant() : null;
      this.publishHandoffEvent(handoffEventId(handoff.id, index), event, grant);
    });
    if (transfer.published !== handoff.timeline.length) {
      this.updateTransfer({ published: handoff.timeline.length });
    }
  }

  /** Records `command` on the handoff (the safety gate) and, when it is new, sends it. */
  issue(command: warmline.v1.ITelephonyCommand): void {
    const before = this.handoff;
    const after = recordCommand(before, command);
    if (after === before) return;
    this.updateTransfer({ handoff: after });
    this.effects.push(
      this.ctx.telephony.deliver(command, {
        interactionId: this.record.interactionId,
        sequence: this.nextSequence(),
        occurredAtMs: this.ctx.nowMs,
        causationId: this.ctx.causationId,
        correlationId: after.id,
        intentVersion: this.transfer.terms.intentVersion,
        grant: this.grant(),
      }),
    );
  }

  /** Publishes the current reservation's ReservationEvent in `status` (PENDING carries the brief). */
  noticeReservation(status: ReservationStatus, reason: string): void {
    const held = this.transfer.reservation;
    if (held === null) throw new Error(`handoff ${this.handoff.id} holds no reservation`);
    const event = reservationEvent(
      {
        id: held.id,
        closerId: held.closerId,
        handoffId: this.handoff.id,
        attempt: held.attempt,
        status,
        reservedAtMs: held.reservedAtMs,
        expiresAtMs: held.expiresAtMs,
        changedAtMs: this.ctx.nowMs,
        reason,
      },
      { grantId: this.handoff.grantId, brief: status === 'pending' ? this.brief() : null },
    );
    this.publish(reservationEventId(held.id, status), { reservationEvent: event }, this.handoff.id);
  }

  /** Frees a reservation in the ledger after this step is committed. */
  queueRelease(release: LedgerRelease): void {
    this.update({ releases: [...this.record.releases, release] });
  }

  /** Publishes a HandoffEvent and appends it to the interaction's audit trail. */
  publishHandoffEvent(
    eventId: string,
    event: warmline.v1.IHandoffEvent,
    grant: warmline.v1.IAuthorityGrant | null = null,
  ): void {
    this.publish(eventId, { handoffEvent: event }, event.handoffId ?? '', grant);
    this.audit({
      recordId: eventId,
      kind: 'handoff',
      payload: v1.HandoffEvent.encode(event).finish(),
      summary: {
        handoffId: event.handoffId ?? '',
        grantId: event.grantId ?? '',
        state: v1.HandoffState[event.state ?? 0] ?? 'UNKNOWN',
        attempt: event.attempt ?? 0,
        failureReason: v1.HandoffFailureReason[event.failureReason ?? 0] ?? 'UNKNOWN',
        closerId: event.closerId ?? '',
      },
    });
  }

  /** Appends a record to the interaction's audit trail. */
  audit(record: Omit<AuditRecord, 'interactionId' | 'at'>): void {
    this.effects.push({
      kind: 'audit',
      record: { ...record, interactionId: this.record.interactionId, at: this.ctx.nowMs },
    });
  }

  /** The record and effects to commit, with the step's result. */
  outcome<R>(result: R): RecordOutcome<R> {
    return { state: this.record, effects: [...this.effects], result };
  }

  /** The grant of the transfer, decoded. */
  grant(): warmline.v1.IAuthorityGrant {
    return v1.AuthorityGrant.decode(Buffer.from(this.transfer.grant, 'base64'));
  }

  /** The transfer's brief, decoded; `null` in cold mode. */
  brief(): warmline.v1.IHandoffBrief | null {
    if (this.decodedBrief === undefined) {
      const stored = this.transfer.brief;
      this.decodedBrief =
        stored === null ? null : v1.HandoffBrief.decode(Buffer.from(stored, 'base64'));
    }
    return this.decodedBrief;
  }

  private publish(
    eventId: string,
    body: Omit<warmline.v1.IEnvelope, 'eventId'>,
    handoffId: string,
    grant: warmline.v1.IAuthorityGrant | null = null,
  ): void {
    const transfer = this.record.transfer;
    this.effects.push({
      kind: 'publish',
      family: 'handoff',
      interactionId: this.record.interactionId,
      envelope: {
        ...body,
        eventId,
        sequence: this.nextSequence(),
        occurredAt: toTimestamp(this.ctx.nowMs),
        causationId: this.ctx.causationId,
        correlationId: handoffId || this.record.interactionId,
        intentVersion: transfer?.terms.intentVersion ?? this.record.intentVersion,
        authority: grant === null ? null : { grant },
      },
    });
  }

  private nextSequence(): number {
    const sequence = this.record.sequence + 1;
    this.update({ sequence });
    return sequence;
  }
}
