// One server-sent-events stream of handoff events: `event: handoffEvent | reservationEvent`,
// `id: <stream sequence>`, `data: <the envelope as JSON>`, a keep-alive comment while idle, and
// clean-up when the client goes away or the gateway stops. A client that reconnects with the last id
// it saw (`Last-Event-ID`, or `?lastEventId=` for a first connection) resumes just after it.
import { Inject, Injectable } from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import { envelopeBodyCase, v1, type warmline } from '@warmline/contracts';
import { RequestInvalidError, UnavailableError } from './api-errors.js';
import { EventStreamConnection } from './event-stream-connection.js';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';
import type { GatewaySettings } from './gateway-settings.js';
import { HandoffFeed, type HandoffFollower, type ResumeGap } from './handoff-feed.js';
import { renderMessage } from './proto-json.js';
import { GATEWAY_SETTINGS } from './tokens.js';

/** One SSE frame for an envelope, its id the envelope's sequence in the handoff stream. */
export function sseFrame(envelope: warmline.v1.Envelope, sequence: number): string {
  const data = JSON.stringify(renderMessage(v1.Envelope, envelope));
  return `id: ${sequence}\nevent: ${envelopeBodyCase(envelope) ?? 'message'}\ndata: ${data}\n\n`;
}

/**
 * The `gap` frame a resumed stream starts with when the events asked for are not all retained. It
 * has no id, so the client's last event id stays the last event it really received.
 */
export function gapFrame(gap: ResumeGap): string {
  return `event: gap\ndata: ${JSON.stringify(gap)}\n\n`;
}

// Stream sequences are positive integers below 2^53.
const SEQUENCE = /^(0|[1-9][0-9]{0,15})$/;

/**
 * The stream sequence to resume after: the `Last-Event-ID` header (what an EventSource sends when it
 * reconnects) or else the `lastEventId` query parameter; null for a stream from now on. An empty
 * header is no header, as in the SSE specification.
 */
export function resumeAfter(header: string | undefined, query: unknown): number | null {
  const [field, value] =
    header !== undefined && header !== ''
      ? (['Last-Event-ID', header] as const)
      : (['lastEventId', query] as const);
  if (value === undefined) return null;
  if (typeof value !== 'string') {
    throw new RequestInvalidError(`${field} must be given once`, field);
  }
  const sequence = SEQUENCE.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(sequence)) {
    throw new RequestInvalidError(
      `${field} must be the id of an event this stream sent (a stream sequence number), got "${value.slice(0, 64)}"`,
      field,
    );
  }
  return sequence;
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
   * on, or from just after stream sequence `after` when it is not null. Resolves once the stream is
   * open; it then stays open until either side ends it. Answers 503 (nothing streamed) when the bus
   * cannot be followed.
   */
  async open(
    request: GatewayRequest,
    response: GatewayResponse,
    interactionId: string | null,
    after: number | null,
  ): Promise<void> {
    const connection = new EventStreamConnection(response, this.settings.sseKeepAliveMs);
    request.once('close', () => connection.end());
    const follower: HandoffFollower = {
      interactionId,
      deliver: (envelope, sequence) => connection.send(sseFrame(envelope, sequence)),
      end: () => connection.end(),
    };
    let unfollow: () => void;
    let greeting = `following ${interactionId ?? 'all interactions'}`;
    try {
      if (after === null) {
        unfollow = await this.feed.follow(follower);
      } else {
        const resumed = await this.feed.resume(follower, after);
        unfollow = resumed.unfollow;
        greeting += ` after ${after}`;
        if (resumed.gap) connection.sendFirst(gapFrame(resumed.gap));
      }
    } catch (err) {
      connection.abandon();
      throw new UnavailableError('BUS_UNAVAILABLE', `cannot follow handoff events: ${String(err)}`);
    }
    connection.whenEnded(unfollow);
    connection.open(greeting);
    this.logger.debug({
      msg: 'handoff stream opened',
      requestId: request.requestId,
      interactionId,
      after,
    });
  }
}
