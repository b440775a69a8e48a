// Every error of this library carries a stable `code`. The qualification app dead-letters a signal
// that fails with SignalInvalidError or InteractionMismatchError (DeadLetter error_code = err.code);
// configuration errors fail start-up.

/** Every code an IntentError can carry. */
export type IntentErrorCode =
  | 'SIGNAL_INVALID'
  | 'INTERACTION_MISMATCH'
  | 'QUALIFICATION_RULES_INVALID'
  | 'PHRASE_SET_INVALID'
  | 'QUALIFICATION_CONTEXT_INVALID'
  | 'TIME_ZONE_INVALID';

/** Base class of every error thrown by @warmline/intent. */
export abstract class IntentError extends Error {
  abstract readonly code: IntentErrorCode;

  constructor(
    /** The offending field, e.g. "perception.transcript_segment.segment_id". */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `err` is one of this library's errors. */
export function isIntentError(err: unknown): err is IntentError {
  return err instanceof IntentError;
}

/** A signal cannot be qualified: no event, a missing id, an assertion about nothing, a bad time zone. */
export class SignalInvalidError extends IntentError {
  readonly code = 'SIGNAL_INVALID';

  constructor(field: string, message: string) {
    super(field, message);
    this.name = 'SignalInvalidError';
  }
}

/** The signal belongs to another interaction than the state or context it was applied to. */
export class InteractionMismatchError extends IntentError {
  readonly code = 'INTERACTION_MISMATCH';

  constructor(
    readonly expectedInteractionId: string,
    readonly actualInteractionId: string,
    field: string,
  ) {
    super(
      field,
      `signal of interaction ${actualInteractionId} applied to ${field} of interaction ${expectedInteractionId}`,
    );
    this.name = 'InteractionMismatchError';
  }
}

/** QualificationRules out of range (a confidence floor above 1, a weight that dominates the score...). */
export class QualificationRulesError extends IntentError {
  readonly code = 'QUALIFICATION_RULES_INVALID';

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(field, message, options);
    this.name = 'QualificationRulesError';
  }
}

/** A phrase set from configuration is malformed (missing list, empty phrase, bad language tag). */
export class PhraseSetInvalidError extends IntentError {
  readonly code = 'PHRASE_SET_INVALID';

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(field, message, options);
    this.name = 'PhraseSetInvalidError';
  }
}

/** A stored QualificationContext does not have the shape this version writes. */
export class QualificationContextInvalidError extends IntentError {
  readonly code = 'QUALIFICATION_CONTEXT_INVALID';

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(field, message, options);
    this.name = 'QualificationContextInvalidError';
  }
}

/** A time zone that is not a known IANA zone (e.g. "Mars/Base"). */
export class TimeZoneInvalidError extends IntentError {
  readonly code = 'TIME_ZONE_INVALID';

  constructor(
    readonly timeZone: string,
    field = 'timeZone',
  ) {
    super(field, `${field}: "${timeZone}" is not an IANA time zone`);
    this.name = 'TimeZoneInvalidError';
  }
}
