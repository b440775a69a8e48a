// The governor's own refusals, each with a stable code that its dead letter carries.

/** An IntentStateChanged envelope no decision can be made on (missing state, mismatched ids). */
export class IntentChangeInvalidError extends Error {
  readonly code = 'INTENT_CHANGE_INVALID';

  constructor(
    /** The offending field, e.g. "intent_state_changed.state". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'IntentChangeInvalidError';
  }
}
