// The shapes of the gateway's answers, for the OpenAPI document. Protobuf messages are described as
// objects in the protobuf JSON mapping of the named warmline.v1 message (proto/warmline/v1).
import { AUDIT_RECORD_KINDS } from '@warmline/store';
import { z } from 'zod';

/** Every error answer. */
export const ErrorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z
        .string()
        .meta({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
      message: z.string().meta({ description: 'What is wrong, naming the field' }),
      field: z
        .string()
        .meta({ description: 'JSON path, query or header name of the offending input' })
        .optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });

/** JetStream's acknowledgement of one published event. */
export const AcceptedEventSchema = z
  .strictObject({
    eventId: z.string(),
    stream: z
      .string()
      .meta({ description: 'The JetStream stream that stored it, e.g. WL_PERCEPTION' }),
    seq: z.int().meta({ description: 'Stream sequence (of the earlier copy, for a duplicate)' }),
    duplicate: z.boolean().meta({ description: 'True when the event id was already accepted' }),
  })
  .meta({ id: 'AcceptedEvent' });

/** A batch: one acknowledgement per event, in order. */
export const AcceptedBatchSchema = z
  .strictObject({ accepted: z.array(AcceptedEventSchema) })
  .meta({ id: 'AcceptedBatch' });

/** A Twilio callback: the events it became (possibly none). */
export const TwilioAcceptedSchema = z
  .strictObject({
    accepted: z.array(
      AcceptedEventSchema.extend({
        event: z.string().meta({ description: 'The PerceptionEvent case, e.g. callAnswered' }),
      }),
    ),
  })
  .meta({ id: 'TwilioAccepted' });

const protoObject = (message: string) =>
  z.looseObject({}).meta({ description: `warmline.v1.${message} in the protobuf JSON mapping` });

/** The current intent state. */
export const IntentStateResponseSchema = z
  .strictObject({ interactionId: z.string(), state: protoObject('IntentState') })
  .meta({ id: 'IntentStateResponse' });

/** Every intent state version, oldest first. */
export const IntentVersionsResponseSchema = z
  .strictObject({ interactionId: z.string(), versions: z.array(protoObject('IntentState')) })
  .meta({ id: 'IntentVersionsResponse' });

/** One audit record, its payload decoded. */
export const AuditRecordSchema = z
  .strictObject({
    recordId: z.string(),
    kind: z.enum(AUDIT_RECORD_KINDS),
    at: z.string().meta({ format: 'date-time' }),
    summary: z.record(z.string(), z.union([z.string(), z.number()])),
    payloadType: z.string().meta({
      description:
        'warmline.v1 message of the payload: EscalationDecision, AuthorityGrant, HandoffEvent, AppointmentEvent or Signal',
    }),
    payload: protoObject('<payloadType>').nullable(),
    claims: protoObject('GrantClaims')
      .meta({ description: 'For grant records: the signed claims, decoded' })
      .optional(),
    payloadBase64: z
      .string()
      .meta({ description: 'Only when the payload could not be decoded as payloadType' })
      .optional(),
  })
  .meta({ id: 'AuditRecord' });

/** Audit records of one interaction, ordered by time. */
export const AuditRecordsResponseSchema = z
  .strictObject({ interactionId: z.string(), records: z.array(AuditRecordSchema) })
  .meta({ id: 'AuditRecordsResponse' });

/** One step of an interaction's story. */
export const StoryEntrySchema = z
  .strictObject({
    at: z.string().meta({ description: 'When it happened, RFC 3339 UTC' }),
    kind: z.enum(['intent', 'evidence', 'decision', 'grant', 'handoff', 'appointment']),
    title: z.string().meta({ description: 'What happened, in one line' }),
    details: z
      .array(z.string())
      .meta({ description: 'Further facts: evidence quotes, reasons, failure reasons' }),
    intentVersion: z.number().int().optional(),
    recordId: z.string().optional(),
  })
  .meta({ id: 'StoryEntry' });

/** The story of one interaction in order (intent versions and audit records merged). */
export const StoryResponseSchema = z
  .strictObject({ interactionId: z.string(), story: z.array(StoryEntrySchema) })
  .meta({ id: 'StoryResponse' });

/** Readiness of the gateway. */
export const ReadinessSchema = z
  .strictObject({
    ready: z.boolean(),
    checks: z.strictObject({ bus: z.boolean(), store: z.boolean() }),
  })
  .meta({ id: 'Readiness' });
