// One log line per request — method, path, status, duration, and the API-key source — with a request
// id (the caller's X-Request-Id when it is a valid id, else a new one) echoed in the response. Health
// probes log at debug. Credentials and bodies are never logged.
import { randomUUID } from 'node:crypto';
import type { AgentLogger } from '@warmline/agent-runtime';
import { isValidId } from '@warmline/contracts';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';
import { UNMATCHED_ROUTE, type HttpMetrics } from './http-metrics.js';

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** Express middleware logging (and counting) every request once it is answered (or abandoned). */
export function requestLog(
  logger: AgentLogger,
  metrics?: HttpMetrics,
): (request: GatewayRequest, response: GatewayResponse, next: () => void) => void {
  return (request, response, next) => {
    const startedAt = performance.now();
    const presented = request.headers['x-request-id'];
    request.requestId = isValidId(presented) ? presented : randomUUID();
    response.setHeader('X-Request-Id', request.requestId);
    response.once('close', () => {
      const path = request.originalUrl.split('?')[0] ?? '';
      const fields = {
        msg: 'request',
        requestId: request.requestId,
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round(performance.now() - startedAt),
        source: request.caller?.source,
        ...(request.errorCode === undefined ? {} : { errorCode: request.errorCode }),
      };
      if (PROBES.has(path)) logger.debug(fields);
      else logger.log(fields);
      metrics?.observe(
        request.method ?? 'GET',
        routeTemplateOf(request),
        response.statusCode,
        (performance.now() - startedAt) / 1000,
      );
    });
    next();
  };
}

/** The matched route's template (Express sets `route` once a handler matched), else "unmatched". */
function routeTemplateOf(request: GatewayRequest): string {
  const route = (request as { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? route.path : UNMATCHED_ROUTE;
}
