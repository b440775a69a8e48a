// A planned perception event in the JSON the gateway takes (the protobuf JSON mapping of
// warmline.v1.PerceptionEvent plus the envelope fields a source owns), as a voice stack would post it.
import { fromTimestamp, v1 } from '@warmline/contracts';
import type { PlannedEvent } from './conversation.js';

/** `event` as the body of POST /v1/interactions/{id}/events: enums by name, time as RFC 3339. */
export function perceptionEventJson(event: PlannedEvent): Record<string, unknown> {
  const body = v1.PerceptionEvent.toObject(v1.PerceptionEvent.fromObject(event.perceptionEvent), {
    enums: String,
  });
  return {
    eventId: event.eventId,
    sequence: event.sequence,
    occurredAt: new Date(fromTimestamp(event.occurredAt)).toISOString(),
    ...body,
  };
}
