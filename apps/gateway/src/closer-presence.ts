// A closer's presence report from a desk or softphone: the JSON of warmline.v1.CloserPresence,
// checked with the roster's own rules (closerFromPresence) before it is published on
// wl.closer.<closer_id>, where routers and the governor keep the latest report per closer.
import { createHash } from 'node:crypto';
import { v1, type warmline } from '@warmline/contracts';
import { CloserPresenceInvalidError, closerFromPresence } from '@warmline/roster';
import { z } from 'zod';
import { RequestInvalidError } from './api-errors.js';
import { derivedEventId } from './derived-event-id.js';
import { enumSchema, enumValue } from './enum-names.js';
import { idField, instantField, textField, uint32Field } from './json-fields.js';
import { parseRfc3339 } from './rfc3339.js';

const WorkingHoursSchema = z
  .strictObject({
    weekday: uint32Field('ISO weekday, 1 = Monday … 7 = Sunday'),
    startMinute: uint32Field(
      'Start, minutes after local midnight (0..1439); absent = 0',
    ).optional(),
    endMinute: uint32Field('End (exclusive), minutes after local midnight (1..1440)'),
  })
  .meta({ id: 'WorkingHours' });

/** The body of PUT /v1/closers/{closerId}/presence. */
export const CloserPresenceSchema = z
  .strictObject({
    closerId: idField('Optional; when present it must equal the path').optional(),
    presence: enumSchema(
      v1.CloserPresenceState,
      'CLOSER_PRESENCE_STATE_',
      'AVAILABLE, BUSY, AWAY or OFFLINE',
    ),
    skills: z.array(textField('lower_snake_case skill', 64)).max(100).optional(),
    languages: z.array(textField('BCP 47 language', 64)).max(50).optional(),
    territories: z
      .array(textField('Territory code', 64))
      .max(200)
      .meta({ description: 'Territories covered; empty = all' })
      .optional(),
    timeZone: textField('IANA time zone of the working hours', 64),
    capacity: uint32Field('Concurrent transfers the closer can take (>= 1)'),
    workingHours: z.array(WorkingHoursSchema).max(50).optional(),
    reportedAt: instantField(
      'When this was reported; default: when the gateway received it',
    ).optional(),
    displayName: textField('Name shown to buyers and in the desk', 256).optional(),
    address: textField(
      'Where to dial the closer: E.164, SIP URI or client address',
      512,
    ).optional(),
  })
  .meta({
    id: 'CloserPresence',
    description: 'A closer presence report (protobuf JSON mapping of warmline.v1.CloserPresence).',
  });

export type CloserPresenceJson = z.infer<typeof CloserPresenceSchema>;

/** The presence message of a report and the event id it is published under. */
export interface PresenceReport {
  readonly presence: warmline.v1.ICloserPresence;
  readonly eventId: string;
}

/**
 * The CloserPresence for `closerId` (`receivedAtMs` stands in for a missing reportedAt), validated by
 * the roster's rules: RequestInvalidError (code CLOSER_PRESENCE_INVALID) names the field. Its event
 * id is derived from the closer and the report's content, so a resent report is a duplicate.
 */
export function presenceReport(
  closerId: string,
  json: CloserPresenceJson,
  receivedAtMs: number,
): PresenceReport {
  if (json.closerId !== undefined && json.closerId !== closerId) {
    throw new RequestInvalidError(
      `closerId "${json.closerId}" differs from the path's "${closerId}"`,
      'closerId',
    );
  }
  const presence: warmline.v1.ICloserPresence = {
    closerId,
    presence: enumValue(v1.CloserPresenceState, 'CLOSER_PRESENCE_STATE_', json.presence),
    skills: json.skills ?? [],
    languages: json.languages ?? [],
    territories: json.territories ?? [],
    timeZone: json.timeZone,
    capacity: json.capacity,
    workingHours: (json.workingHours ?? []).map((hours) => ({
      ...hours,
      startMinute: hours.startMinute ?? 0,
    })),
    reportedAt: parseRfc3339(json.reportedAt ?? new Date(receivedAtMs).toISOString()),
    displayName: json.displayName ?? '',
    address: json.address ?? '',
  };
  try {
    closerFromPresence(presence);
  } catch (err) {
    if (!(err instanceof CloserPresenceInvalidError)) throw err;
    throw new RequestInvalidError(err.message, err.field, err.code);
  }
  const digest = createHash('sha256')
    .update(v1.CloserPresence.encode(presence).finish())
    .digest('base64url')
    .slice(0, 22);
  return { presence, eventId: derivedEventId('presence', closerId, digest) };
}
