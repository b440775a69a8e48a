// Named bus errors with stable codes; callers branch on `code`, never on message text.

/** Stable machine-readable codes of the errors this library throws. */
export type BusErrorCode =
  | 'INVALID_BUS_OPTIONS'
  | 'NOT_CONNECTED'
  | 'PUBLISH_FAILED'
  | 'STREAMS_NOT_READY'
  | 'INVALID_HANDLER_PATTERN'
  | 'DUPLICATE_HANDLER'
  | 'REQUEST_REPLY_UNSUPPORTED'
  | 'HANDLER_PERMANENT_FAILURE';

/** Base class of every error raised by `@warmline/bus`. */
export class BusError extends Error {
  constructor(
    readonly code: BusErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bus options failed validation at start-up; the message names the bad option. */
export class InvalidBusOptionsError extends BusError {
  constructor(message: string) {
    super('INVALID_BUS_OPTIONS', message);
  }
}

/** An operation needs a live NATS connection and there is none (not yet connected, or closed). */
export class NotConnectedError extends BusError {
  constructor(what: string) {
    super('NOT_CONNECTED', `${what}: the bus is not connected`);
  }
}

/** JetStream did not acknowledge a publish; the event was not stored and must not be assumed sent. */
export class PublishFailedError extends BusError {
  constructor(
    readonly subject: string,
    readonly eventId: string,
    cause: unknown,
  ) {
    super(
      'PUBLISH_FAILED',
      `publish of event ${eventId} to ${subject} failed: ${describe(cause)}`,
      { cause },
    );
  }
}

/** One problem found when verifying a stream against its declaration. */
export interface StreamProblem {
  readonly stream: string;
  readonly problem: string;
}

/** Streams an agent needs are missing or declared differently; the provisioning step must run. */
export class StreamsNotReadyError extends BusError {
  constructor(readonly problems: readonly StreamProblem[]) {
    super(
      'STREAMS_NOT_READY',
      `JetStream streams are not provisioned as declared (run the provisioning step as admin): ${problems
        .map((p) => `${p.stream}: ${p.problem}`)
        .join('; ')}`,
    );
  }
}

/** A handler pattern does not name a bus family. */
export class InvalidHandlerPatternError extends BusError {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(
      'INVALID_HANDLER_PATTERN',
      `handler pattern "${pattern}" is not usable on the bus: ${reason}`,
    );
  }
}

/** Two handlers claim the same family; each message would be handled (and settled) twice. */
export class DuplicateHandlerError extends BusError {
  constructor(
    readonly family: string,
    readonly patterns: readonly string[],
  ) {
    super(
      'DUPLICATE_HANDLER',
      `more than one handler for family "${family}" (patterns: ${patterns.join(', ')}); register exactly one`,
    );
  }
}

/** Request/response is not offered by an event bus; emit an event instead. */
export class RequestReplyNotSupportedError extends BusError {
  constructor(pattern: string) {
    super(
      'REQUEST_REPLY_UNSUPPORTED',
      `request/response ("${pattern}") is not supported on the JetStream event bus; use emit() and an event handler`,
    );
  }
}

/** Dead-letter reasons a handler may give for a permanent failure. */
export type PermanentFailureReason = 'HANDLER_FAILED' | 'GRANT_REFUSED' | 'VALIDATION_FAILED';

/** What a `PermanentHandlerError` records in its dead letter. */
export interface PermanentFailureOptions extends ErrorOptions {
  /**
   * `GRANT_REFUSED` for a grant that failed verification; `VALIDATION_FAILED` for an event whose
   * content breaks the consuming agent's rules (a bad field); `HANDLER_FAILED` (default) otherwise.
   */
  readonly reason?: PermanentFailureReason;
  /** Stable code of the failure, e.g. `GRANT_EXPIRED` (the dead letter's `error_code`). */
  readonly errorCode?: string;
}

/**
 * Thrown by a handler when retrying cannot help (a refused grant, an event contradicting stored
 * state): the bus dead-letters the message at once instead of redelivering it.
 */
export class PermanentHandlerError extends BusError {
  readonly reason: PermanentFailureReason;
  readonly errorCode: string;

  constructor(message: string, options: PermanentFailureOptions = {}) {
    super('HANDLER_PERMANENT_FAILURE', message, options);
    this.reason = options.reason ?? 'HANDLER_FAILED';
    this.errorCode = options.errorCode ?? 'HANDLER_PERMANENT_FAILURE';
  }
}

/** Text of any thrown value, for logs and dead-letter records. */
export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String(error.message);
  return String(error);
}

/** The stable code of a thrown value: its string `code` if it has one, else its class name. */
export function errorCodeOf(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code !== '') return code;
  return error instanceof Error ? error.name : 'UNKNOWN';
}
