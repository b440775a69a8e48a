// The gateway's HTTP API as its callers use it: a voice stack posting perception events, Twilio
// posting status callbacks (signed or with a key), and closer desks reporting presence and answering
// reservations. Every call returns the HTTP status and the parsed JSON body, so a test asserts on
// exactly what a caller would see.
import { createHmac } from 'node:crypto';
import type { AgentProcess } from '@warmline/stack';
import { perceptionEventJson } from './perception-json.js';
import type { PlannedEvent } from './conversation.js';

/** The API keys configured for each caller, and the auth token Twilio signs with. */
export interface GatewayCredentials {
  readonly events: string;
  readonly twilio: string;
  readonly desk: string;
  readonly twilioAuthToken: string;
}

/** What the gateway answered. */
export interface GatewayAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** How a Twilio callback authenticates: Twilio's own signature, or the API key as Basic password. */
export type TwilioAuth = 'signature' | 'key';

export class GatewayApi {
  constructor(
    readonly baseUrl: string,
    private readonly credentials: GatewayCredentials,
  ) {}

  /** The API of a gateway process started with WARMLINE_HTTP_PORT=0 (its port is in "agent ready"). */
  static of(gateway: AgentProcess, credentials: GatewayCredentials): GatewayApi {
    const ready = gateway.logs().find((line) => line['msg'] === 'agent ready');
    return new GatewayApi(`http://127.0.0.1:${String(ready?.['port'])}`, credentials);
  }

  /** POST /v1/interactions/{id}/events: one event, or a batch for more than one. */
  sendEvents(interactionId: string, events: readonly PlannedEvent[]): Promise<GatewayAnswer> {
    const json = events.map(perceptionEventJson);
    return this.call('POST', `/v1/interactions/${interactionId}/events`, this.credentials.events, {
      json: json.length === 1 ? json[0] : { events: json },
    });
  }

  /** PUT /v1/closers/{id}/presence. */
  reportPresence(closerId: string, presence: Record<string, unknown>): Promise<GatewayAnswer> {
    return this.call('PUT', `/v1/closers/${closerId}/presence`, this.credentials.desk, {
      json: presence,
    });
  }

  /** POST /v1/interactions/{id}/reservations/{reservationId}/accept | decline. */
  answerReservation(
    interactionId: string,
    reservationId: string,
    answer: { readonly closerId: string; readonly accepted: boolean; readonly reason?: string },
  ): Promise<GatewayAnswer> {
    const verb = answer.accepted ? 'accept' : 'decline';
    return this.call(
      'POST',
      `/v1/interactions/${interactionId}/reservations/${reservationId}/${verb}`,
      this.credentials.desk,
      { json: { closerId: answer.closerId, ...(answer.reason ? { reason: answer.reason } : {}) } },
    );
  }

  /** POST /v1/twilio/{id}/status with a form-encoded callback, as Twilio sends it. */
  twilioStatus(
    interactionId: string,
    form: Readonly<Record<string, string>>,
    options: { readonly query?: Readonly<Record<string, string>>; readonly auth: TwilioAuth },
  ): Promise<GatewayAnswer> {
    const search = new URLSearchParams(options.query ?? {}).toString();
    const path = `/v1/twilio/${interactionId}/status${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    if (options.auth === 'signature') {
      headers['X-Twilio-Signature'] = this.twilioSignature(`${this.baseUrl}${path}`, form);
    } else {
      const basic = Buffer.from(`twilio:${this.credentials.twilio}`).toString('base64');
      headers['Authorization'] = `Basic ${basic}`;
    }
    return this.call('POST', path, null, { headers, body: new URLSearchParams(form).toString() });
  }

  // Twilio's scheme: HMAC-SHA1 (auth token) over the URL and every field name + value sorted by name.
  private twilioSignature(url: string, form: Readonly<Record<string, string>>): string {
    let data = url;
    for (const name of Object.keys(form).sort()) data += name + form[name];
    return createHmac('sha1', this.credentials.twilioAuthToken)
      .update(data, 'utf8')
      .digest('base64');
  }

  private async call(
    method: string,
    path: string,
    key: string | null,
    options: { json?: unknown; headers?: Record<string, string>; body?: string },
  ): Promise<GatewayAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (key !== null) headers['Authorization'] = `Bearer ${key}`;
    if (options.json !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }
}
