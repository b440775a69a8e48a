// POST /v1/interactions/{id}/events: one perception event or a batch, each checked with perception's
// rules (all of a batch before any is published), then published in order on `perception`.
import { Inject, Injectable } from '@nestjs/common';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import { RequestInvalidError } from './api-errors.js';
import { publishInOrder, type AcceptedEvent } from './accepted-event.js';
import { perceptionEnvelope, type PerceptionEnvelope } from './perception-envelope.js';
import type { PerceptionEventJson } from './perception-event.schema.js';

/** The request body: one event, or `{ events }`. */
export type PerceptionEventsBody =
  | PerceptionEventJson
  | { readonly events: readonly PerceptionEventJson[] };

@Injectable()
export class PublishPerceptionEvents {
  constructor(@Inject(BUS_CLIENT) private readonly client: JetStreamClient) {}

  /** Validates every event, then publishes them in order; resolves once JetStream has them all. */
  async execute(
    interactionId: string,
    body: PerceptionEventsBody,
    source: string,
  ): Promise<AcceptedEvent[]> {
    const envelopes = perceptionEnvelopes(interactionId, body, source);
    const bus = await this.client.connect();
    return publishInOrder(bus, 'perception', interactionId, envelopes);
  }
}

/** The envelopes of a body, validated; a batch may not repeat an event id. */
export function perceptionEnvelopes(
  interactionId: string,
  body: PerceptionEventsBody,
  source: string,
): PerceptionEnvelope[] {
  if (!('events' in body)) return [perceptionEnvelope(body, interactionId, source)];
  const seen = new Map<string, number>();
  return body.events.map((event, i) => {
    const first = seen.get(event.eventId);
    if (first !== undefined) {
      throw new RequestInvalidError(
        `events[${i}].eventId repeats events[${first}].eventId "${event.eventId}"`,
        `events[${i}].eventId`,
      );
    }
    seen.set(event.eventId, i);
    return perceptionEnvelope(event, interactionId, source, `events[${i}].`);
  });
}
