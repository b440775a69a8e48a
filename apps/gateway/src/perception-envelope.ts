// A perception event's JSON turned into the envelope the gateway publishes, and checked with the
// very rules perception applies (@warmline/signals), so a bad event is refused at the edge with the
// field named instead of being dead-lettered downstream.
import type { EnvelopeInit } from '@warmline/bus';
import { v1, type warmline } from '@warmline/contracts';
import { PerceptionEventInvalidError, validatePerceptionEvent } from '@warmline/signals';
import { RequestInvalidError } from './api-errors.js';
import { enumValue, type ProtoEnum } from './enum-names.js';
import { PERCEPTION_CASE_NAMES, type PerceptionEventJson } from './perception-event.schema.js';
import { parseRfc3339 } from './rfc3339.js';

/** An envelope ready to publish on `perception`, with its event id. */
export type PerceptionEnvelope = EnvelopeInit & { readonly eventId: string };

// The enum-typed fields of the event cases, by JSON name (no two cases use one name differently).
const ENUM_FIELDS: Readonly<Record<string, readonly [ProtoEnum, string]>> = {
  direction: [v1.CallDirection, 'CALL_DIRECTION_'],
  result: [v1.AmdResult, 'AMD_RESULT_'],
  speaker: [v1.Speaker, 'SPEAKER_'],
  by: [v1.Speaker, 'SPEAKER_'],
  markerKind: [v1.MarkerKind, 'MARKER_KIND_'],
  markerStatus: [v1.MarkerStatus, 'MARKER_STATUS_'],
  objectionStatus: [v1.ObjectionStatus, 'OBJECTION_STATUS_'],
};

/**
 * The envelope for one event sent for `interactionId` by `source` (recorded as the envelope's
 * correlation id). Throws RequestInvalidError naming the JSON field (`at` prefixes it, e.g.
 * "events[2].") when the event breaks a perception rule.
 */
export function perceptionEnvelope(
  json: PerceptionEventJson,
  interactionId: string,
  source: string,
  at = '',
): PerceptionEnvelope {
  if (json.interactionId !== undefined && json.interactionId !== interactionId) {
    throw new RequestInvalidError(
      `interactionId "${json.interactionId}" differs from the path's "${interactionId}"`,
      `${at}interactionId`,
    );
  }
  const occurredAt = parseRfc3339(json.occurredAt);
  if (occurredAt === null) {
    throw new RequestInvalidError('occurredAt must be an RFC 3339 time', `${at}occurredAt`);
  }
  const envelope: PerceptionEnvelope = {
    eventId: json.eventId,
    interactionId,
    sequence: json.sequence ?? 0,
    occurredAt,
    correlationId: source,
    perceptionEvent: perceptionEventOf(json),
  };
  assertPerceptionRules(envelope, at);
  return envelope;
}

/**
 * Applies perception's own validation (validatePerceptionEvent) to an envelope; a broken rule is a
 * RequestInvalidError (code PERCEPTION_EVENT_INVALID) naming the JSON field, prefixed with `at`.
 */
export function assertPerceptionRules(envelope: warmline.v1.IEnvelope, at = ''): void {
  try {
    validatePerceptionEvent(envelope);
  } catch (err) {
    if (!(err instanceof PerceptionEventInvalidError)) throw err;
    throw new RequestInvalidError(messageOf(err), `${at}${jsonPathOf(err.field)}`, err.code);
  }
}

/**
 * The JSON path of a signals wire path: "perception_event.transcript_segment.asr_confidence" ->
 * "transcriptSegment.asrConfidence", "event_id" -> "eventId", "perception_event.event" -> "event".
 */
export function jsonPathOf(wirePath: string): string {
  if (wirePath === 'body' || wirePath === 'perception_event' || wirePath === 'envelope') {
    return 'event';
  }
  return wirePath
    .replace(/^perception_event\./, '')
    .split('.')
    .map(camelCase)
    .join('.');
}

function perceptionEventOf(json: PerceptionEventJson): warmline.v1.IPerceptionEvent {
  const event: Record<string, unknown> = {};
  for (const name of PERCEPTION_CASE_NAMES) {
    const value = json[name];
    if (value !== undefined) event[name] = withEnumNumbers(value);
  }
  return event as warmline.v1.IPerceptionEvent;
}

function withEnumNumbers(value: object): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    const enumType = ENUM_FIELDS[field];
    converted[field] =
      enumType && typeof fieldValue === 'string'
        ? enumValue(enumType[0], enumType[1], fieldValue)
        : fieldValue;
  }
  return converted;
}

// signals' messages start with the wire name of the field ("asr_confidence must be within 0..1");
// callers of the JSON API know it by its JSON name.
function messageOf(err: PerceptionEventInvalidError): string {
  if (err.message.startsWith(`${err.field}:`)) {
    return `${jsonPathOf(err.field)}${err.message.slice(err.field.length)}`;
  }
  const wireLeaf = err.field.slice(err.field.lastIndexOf('.') + 1);
  return err.message.startsWith(`${wireLeaf} `)
    ? `${camelCase(wireLeaf)}${err.message.slice(wireLeaf.length)}`
    : err.message;
}

function camelCase(wire: string): string {
  return wire.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
