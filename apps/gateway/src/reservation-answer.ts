// A closer desk's answer to a PENDING reservation, published as warmline.v1.ReservationResponse on
// the `reservation` family of the interaction. One event id per reservation and answer, so a desk
// retrying its click is a duplicate.
import type { EnvelopeInit } from '@warmline/bus';
import { z } from 'zod';
import { derivedEventId } from './derived-event-id.js';
import { idField, textField } from './json-fields.js';

/** What the desk answers. */
export type ReservationAnswerKind = 'accept' | 'decline';

/** The body of …/reservations/{reservationId}/accept and /decline. */
export const ReservationAnswerSchema = z
  .strictObject({
    closerId: idField('The answering closer (must be the one reserved)'),
    reason: textField('Why, for a decline', 1_024).optional(),
  })
  .meta({ id: 'ReservationAnswer' });

export type ReservationAnswerJson = z.infer<typeof ReservationAnswerSchema>;

/** The envelope of an answer; `source` becomes the correlation id. */
export function reservationResponseEnvelope(
  reservationId: string,
  answer: ReservationAnswerKind,
  json: ReservationAnswerJson,
  source: string,
): EnvelopeInit & { readonly eventId: string } {
  return {
    eventId: derivedEventId('reservation', reservationId, answer),
    correlationId: source,
    reservationResponse: {
      reservationId,
      closerId: json.closerId,
      accepted: answer === 'accept',
      reason: answer === 'decline' ? (json.reason ?? '') : '',
    },
  };
}

/** The idempotency key under which the first answer to a reservation is remembered. */
export function reservationAnswerKey(reservationId: string): string {
  return `gateway.reservation-answer.${reservationId}`;
}

/** Who holds that key: the answer and the closer, e.g. "accept:c-17". */
export function reservationAnswerOwner(answer: ReservationAnswerKind, closerId: string): string {
  return `${answer}:${closerId}`;
}
