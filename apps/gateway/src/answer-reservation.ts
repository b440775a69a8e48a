// POST …/reservations/{reservationId}/accept | /decline: a desk's answer, published as a
// ReservationResponse. The first answer to a reservation is remembered under an idempotency key, so
// the same answer again is a harmless duplicate and the opposite answer is a 409.
import { Inject, Injectable } from '@nestjs/common';
import { STORE } from '@warmline/agent-runtime';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import type { WarmlineStore } from '@warmline/store';
import { ConflictError } from './api-errors.js';
import { publishOne, type AcceptedEvent } from './accepted-event.js';
import {
  reservationAnswerKey,
  reservationAnswerOwner,
  reservationResponseEnvelope,
  type ReservationAnswerJson,
  type ReservationAnswerKind,
} from './reservation-answer.js';

@Injectable()
export class AnswerReservation {
  constructor(
    @Inject(BUS_CLIENT) private readonly client: JetStreamClient,
    @Inject(STORE) private readonly store: WarmlineStore,
  ) {}

  async execute(
    interactionId: string,
    reservationId: string,
    answer: ReservationAnswerKind,
    json: ReservationAnswerJson,
    source: string,
  ): Promise<AcceptedEvent> {
    const owner = reservationAnswerOwner(answer, json.closerId);
    const claim = await this.store.idempotency.claim(
      reservationAnswerKey(reservationId),
      owner,
      Date.now(),
    );
    if (!claim.claimed && claim.owner !== owner) {
      throw new ConflictError(
        'RESERVATION_ALREADY_ANSWERED',
        `reservation ${reservationId} was already answered (${claim.owner}) at ${new Date(claim.claimedAt).toISOString()}`,
      );
    }
    const envelope = reservationResponseEnvelope(reservationId, answer, json, source);
    const bus = await this.client.connect();
    try {
      return await publishOne(() => bus.publish('reservation', interactionId, envelope));
    } catch (err) {
      // Not published: let the desk answer again, either way.
      if (claim.claimed) {
        await this.store.idempotency
          .release(reservationAnswerKey(reservationId), owner)
          .catch(() => false);
      }
      throw err;
    }
  }
}
