// Every failed request is answered `{ error: { code, message, field? } }` with the right status and
// never a stack trace: the gateway's own errors as they are, body-parser and routing errors mapped,
// an unreachable bus or store as 503, anything else as a logged 500.
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { AgentLogger } from '@warmline/agent-runtime';
import { isStoreError } from '@warmline/store';
import { ApiError } from './api-errors.js';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';

/** What the filter answers. */
export interface ErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

const BUS_DOWN = new Set(['PUBLISH_FAILED', 'NOT_CONNECTED']);
const STORE_DOWN = new Set(['STORE_UNAVAILABLE', 'STORE_CLOSED']);

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  constructor(private readonly logger: AgentLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<GatewayRequest>();
    const response = host.switchToHttp().getResponse<GatewayResponse>();
    const answer = errorAnswerOf(exception);
    request.errorCode = answer.code;
    if (answer.status >= 500) {
      this.logger.error({
        msg: answer.status === 503 ? 'dependency unavailable' : 'request failed',
        requestId: request.requestId,
        method: request.method,
        path: request.originalUrl,
        code: answer.code,
        err: exception instanceof Error ? exception : String(exception),
      });
    }
    if (response.headersSent) {
      // A stream (SSE) already answered 200: all that is left is to end it.
      response.end();
      return;
    }
    const { status, ...error } = answer;
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify({ error }));
  }
}

/** The answer for any thrown value (exported for tests). */
export function errorAnswerOf(exception: unknown): ErrorAnswer {
  if (exception instanceof ApiError) {
    return {
      status: exception.status,
      code: exception.code,
      message: exception.message,
      ...(exception.field === undefined ? {} : { field: exception.field }),
    };
  }
  const bodyError = bodyParserAnswer(exception);
  if (bodyError !== null) return bodyError;
  if (exception instanceof HttpException) return httpAnswer(exception);
  const code = codeOf(exception);
  if (code !== null && BUS_DOWN.has(code)) {
    return {
      status: 503,
      code: 'BUS_UNAVAILABLE',
      message: 'the event bus did not acknowledge the event; nothing was accepted, retry later',
    };
  }
  if (isStoreError(exception) && STORE_DOWN.has(exception.code)) {
    return {
      status: 503,
      code: 'STORE_UNAVAILABLE',
      message: 'the store is unreachable, retry later',
    };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal error (logged)' };
}

// Express's body parser reports a body too large or unreadable with `type` and `status`; Nest turns
// invalid JSON (a SyntaxError) into a 400 HttpException before it gets here.
function bodyParserAnswer(exception: unknown): ErrorAnswer | null {
  const error = exception as { type?: unknown; status?: unknown; message?: unknown } | null;
  if (typeof error !== 'object' || error === null || typeof error.type !== 'string') return null;
  if (error.type === 'entity.too.large') {
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'the body is larger than the gateway accepts',
    };
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return {
      status: 400,
      code: 'MALFORMED_BODY',
      message: `the body cannot be read: ${String(error.message)}`,
    };
  }
  return null;
}

function httpAnswer(exception: HttpException): ErrorAnswer {
  const status = exception.getStatus();
  if (status === 404) return { status, code: 'NOT_FOUND', message: exception.message };
  if (status === 400) {
    // A SyntaxError (invalid JSON body) or URIError (bad %-encoding in the URL), as Nest maps them.
    return {
      status,
      code: 'MALFORMED_REQUEST',
      message: `the request cannot be read (invalid JSON body or URL encoding): ${exception.message}`,
    };
  }
  if (status === 413) {
    return {
      status,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'the body is larger than the gateway accepts',
    };
  }
  return { status, code: `HTTP_${status}`, message: exception.message };
}

function codeOf(exception: unknown): string | null {
  const code = (exception as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}
