// The errors an HTTP caller can get. Each carries its status, a stable code and, for bad input, the
// field at fault; the error filter renders them as `{ error: { code, message, field? } }`.

/** Base class of every error the gateway answers with on purpose. */
export abstract class ApiError extends Error {
  abstract readonly status: number;

  constructor(
    readonly code: string,
    message: string,
    /** The JSON path (or header / query name) of the offending input, when one is at fault. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request cannot be used as sent; `field` names what to fix. */
export class RequestInvalidError extends ApiError {
  readonly status = 400;

  constructor(message: string, field?: string, code = 'VALIDATION_FAILED') {
    super(code, message, field);
  }
}

/** 401: no credentials, unknown credentials, or a Twilio signature that does not verify. */
export class UnauthenticatedError extends ApiError {
  readonly status = 401;

  constructor(message: string, code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

/** 403: the API key is known but lacks the scope the endpoint needs. */
export class ScopeMissingError extends ApiError {
  readonly status = 403;

  constructor(
    readonly source: string,
    readonly scope: string,
  ) {
    super('SCOPE_MISSING', `API key of source "${source}" lacks the "${scope}" scope`);
  }
}

/** 404: nothing is known under the id asked for. */
export class NotFoundError extends ApiError {
  readonly status = 404;

  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** 409: the request contradicts what was already accepted. */
export class ConflictError extends ApiError {
  readonly status = 409;

  constructor(code: string, message: string, field?: string) {
    super(code, message, field);
  }
}

/** 413: the body (or a batch) is larger than the gateway accepts. */
export class PayloadTooLargeError extends ApiError {
  readonly status = 413;

  constructor(message: string, field?: string) {
    super('PAYLOAD_TOO_LARGE', message, field);
  }
}

/** 503: the bus or the store is unreachable; nothing was accepted, the caller should retry. */
export class UnavailableError extends ApiError {
  readonly status = 503;

  constructor(code: 'BUS_UNAVAILABLE' | 'STORE_UNAVAILABLE', message: string) {
    super(code, message);
  }
}
