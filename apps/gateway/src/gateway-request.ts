// The HTTP request as the gateway's guard, filter and handlers see it (Express under Nest).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiCaller } from './api-keys.js';

export interface GatewayRequest extends IncomingMessage {
  body?: unknown;
  readonly originalUrl: string;
  readonly protocol: string;
  /** Set by ApiKeyGuard once the caller is authenticated. */
  caller?: ApiCaller;
  /** Set by the request log: echoed as X-Request-Id and in every log line of the request. */
  requestId?: string;
  /** Set by the error filter: the error code answered, for the request log. */
  errorCode?: string;
}

export type GatewayResponse = ServerResponse;

/** The source name of an authenticated request (the guard ran before any handler). */
export function sourceOf(request: GatewayRequest): string {
  return request.caller?.source ?? 'anonymous';
}
