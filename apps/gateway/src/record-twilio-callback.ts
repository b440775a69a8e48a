// POST /v1/twilio/{id}/status: a Twilio call status / AMD callback turned into perception events
// (see twilio-events.ts) and published in order; each answer names the event case it became.
import { Inject, Injectable } from '@nestjs/common';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import { publishInOrder, type AcceptedEvent } from './accepted-event.js';
import type { GatewaySettings } from './gateway-settings.js';
import { GATEWAY_SETTINGS } from './tokens.js';
import { twilioEnvelopes, type TwilioCallback } from './twilio-events.js';

/** One acknowledged event and the PerceptionEvent case it carried. */
export type AcceptedTwilioEvent = AcceptedEvent & { readonly event: string };

@Injectable()
export class RecordTwilioCallback {
  constructor(
    @Inject(BUS_CLIENT) private readonly client: JetStreamClient,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute(callback: TwilioCallback): Promise<AcceptedTwilioEvent[]> {
    const envelopes = twilioEnvelopes(callback, this.settings.twilio);
    if (envelopes.length === 0) return [];
    const bus = await this.client.connect();
    const accepted = await publishInOrder(bus, 'perception', callback.interactionId, envelopes);
    // Each envelope carries exactly one event case (twilioEnvelopes builds them so).
    return accepted.map((ack, i) => ({
      ...ack,
      event: Object.keys(envelopes[i]?.perceptionEvent ?? {})[0] ?? 'unknown',
    }));
  }
}
