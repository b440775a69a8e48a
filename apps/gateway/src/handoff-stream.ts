// One server-sent-events stream of handoff events: `event: handoffEvent | reservationEvent`,
// `id: <event id>`, `data: <the envelope as JSON>`, a keep-alive comment while idle, and clean-up
// when the client goes away or the gateway stops.
import { Inject, Injectable } from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import { envelopeBodyCase, v1, type warmline } from '@warmline/contracts';
import { UnavailableError } from './api-errors.js';
import { EventStreamConnection } from './event-stream-connection.js';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';
import type { GatewaySettings } from './gateway-settings.js';
import { HandoffFeed } from './handoff-feed.js';
import { renderMessage } from './proto-json.js';
import { GATEWAY_SETTINGS } from './tokens.js';

/** One SSE frame for an envelope. */
export function sseFrame(envelope: warmline.v1.Envelope): string {
  const data = JSON.stringify(renderMessage(v1.Envelope, envelope));
  return `id: ${envelope.eventId}\nevent: ${envelopeBodyCase(envelope) ?? 'message'}\ndata: ${data}\n\n`;
}

@Injectable()
export class HandoffStream {
  constructor(
    private readonly feed: HandoffFeed,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  /**
   * Streams the handoff events of `interactionId` (all interactions for null) published from now
   * on. Resolves once the stream is open; it then stays open until either side ends it. Answers 503
   * (nothing streamed) when the bus cannot be followed.
   */
  async open(
    request: GatewayRequest,
    response: GatewayResponse,
    interactionId: string | null,
  ): Promise<void> {
    const connection = new EventStreamConnection(response, this.settings.sseKeepAliveMs);
    request.once('close', () => connection.end());
    let unfollow: () => void;
    try {
      unfollow = await this.feed.follow({
        interactionId,
        deliver: (envelope) => connection.send(sseFrame(envelope)),
        end: () => connection.end(),
      });
    } catch (err) {
      connection.abandon();
      throw new UnavailableError('BUS_UNAVAILABLE', `cannot follow handoff events: ${String(err)}`);
    }
    connection.whenEnded(unfollow);
    connection.open(`following ${interactionId ?? 'all interactions'}`);
    this.logger.debug({
      msg: 'handoff stream opened',
      requestId: request.requestId,
      interactionId,
    });
  }
}
