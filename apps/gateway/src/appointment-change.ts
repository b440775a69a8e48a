// A request to move or cancel a booked appointment (from a desk or a CRM), published as
// warmline.v1.AppointmentChangeRequest on the `schedule` family; the scheduler performs each
// request id at most once. Without a requestId from the caller, one is derived from the content, so
// resending the same change is a duplicate.
import { createHash } from 'node:crypto';
import type { EnvelopeInit } from '@warmline/bus';
import { fromTimestamp, type warmline } from '@warmline/contracts';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { RequestInvalidError } from './api-errors.js';
import { derivedEventId } from './derived-event-id.js';
import { idField, instantField, textField } from './json-fields.js';
import { parseRfc3339 } from './rfc3339.js';

const requestFields = {
  reason: textField('Why, for the invite and the CRM', 1_024),
  requestId: idField(
    'Idempotency: the same id is performed once; default derived from the content',
  ).optional(),
  requestedBy: textField(
    'Who asks, e.g. "closer:c-17", "crm"; default: the API key source',
    128,
  ).optional(),
};

/** The body of …/appointments/{appointmentId}/reschedule. */
export const RescheduleSchema = z
  .strictObject({
    window: z
      .strictObject({
        startAt: instantField('Start of the new consented window'),
        endAt: instantField('End (exclusive), after startAt'),
        timeZone: textField('IANA time zone the buyer spoke in', 64),
      })
      .meta({ description: 'The new window; the new slot lies wholly inside it' }),
    ...requestFields,
  })
  .meta({ id: 'RescheduleRequest' });

/** The body of …/appointments/{appointmentId}/cancel. */
export const CancelSchema = z.strictObject(requestFields).meta({ id: 'CancelRequest' });

export type RescheduleJson = z.infer<typeof RescheduleSchema>;
export type CancelJson = z.infer<typeof CancelSchema>;

/** A change as the use case receives it. */
export type AppointmentChange =
  | { readonly kind: 'reschedule'; readonly json: RescheduleJson }
  | { readonly kind: 'cancel'; readonly json: CancelJson };

/** The envelope of a change request; RequestInvalidError names a bad window field. */
export function appointmentChangeEnvelope(
  appointmentId: string,
  change: AppointmentChange,
  source: string,
): EnvelopeInit & { readonly eventId: string } {
  const body: Partial<warmline.v1.IAppointmentChangeRequest> =
    change.kind === 'reschedule'
      ? { reschedule: { window: windowOf(change.json.window), reason: change.json.reason } }
      : { cancel: { reason: change.json.reason } };
  const requestId =
    change.json.requestId ?? derivedEventId('change', appointmentId, change.kind, digestOf(body));
  return {
    eventId: derivedEventId('schedule', requestId),
    correlationId: source,
    appointmentChangeRequest: {
      requestId,
      appointmentId,
      requestedBy: change.json.requestedBy ?? source,
      ...body,
    },
  };
}

function windowOf(window: RescheduleJson['window']): warmline.v1.IConsentWindow {
  const startAt = parseRfc3339(window.startAt);
  const endAt = parseRfc3339(window.endAt);
  if (startAt === null)
    throw new RequestInvalidError('window.startAt must be RFC 3339', 'window.startAt');
  if (endAt === null)
    throw new RequestInvalidError('window.endAt must be RFC 3339', 'window.endAt');
  if (fromTimestamp(endAt) <= fromTimestamp(startAt)) {
    throw new RequestInvalidError('window.endAt must be after window.startAt', 'window.endAt');
  }
  if (!IANAZone.isValidZone(window.timeZone)) {
    throw new RequestInvalidError(
      `window.timeZone "${window.timeZone}" is not an IANA time zone`,
      'window.timeZone',
    );
  }
  return { startAt, endAt, timeZone: window.timeZone };
}

function digestOf(body: object): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22);
}
