// Every error of this library carries a stable `code`. The perception app dead-letters an invalid
// event with DeadLetterReason VALIDATION_FAILED and `error_code` = the error's code, and acks it: an invalid
// event never becomes a signal and never blocks the interaction.

/** Every code a PerceptionError can carry. */
export type PerceptionErrorCode =
  | 'PERCEPTION_EVENT_INVALID'
  | 'PERCEPTION_CONFIG_INVALID'
  | 'PERCEPTION_INTERACTION_MISMATCH';

/** Base class of every error thrown by @warmline/signals. */
export abstract class PerceptionError extends Error {
  abstract readonly code: PerceptionErrorCode;
}

/** True when `err` is one of this library's errors. */
export function isPerceptionError(err: unknown): err is PerceptionError {
  return err instanceof PerceptionError;
}

/** An envelope carrying a PerceptionEvent breaks a rule; `field` names the first offending field. */
export class PerceptionEventInvalidError extends PerceptionError {
  readonly code = 'PERCEPTION_EVENT_INVALID';

  constructor(
    /** Wire (snake_case) path of the offending field, e.g. "perception_event.transcript_segment.asr_confidence". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PerceptionEventInvalidError';
  }
}

/** Thresholds or sequencer limits are out of range; `field` names the option. */
export class PerceptionConfigError extends PerceptionError {
  readonly code = 'PERCEPTION_CONFIG_INVALID';

  constructor(
    /** The offending option, e.g. "minAsrConfidence". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PerceptionConfigError';
  }
}

/** An envelope was fed into the perception state of another interaction (a wiring bug). */
export class PerceptionInteractionMismatchError extends PerceptionError {
  readonly code = 'PERCEPTION_INTERACTION_MISMATCH';

  constructor(
    readonly stateInteractionId: string,
    readonly eventInteractionId: string,
  ) {
    super(
      `perception state of interaction ${stateInteractionId} was given an event of interaction ${eventInteractionId}`,
    );
    this.name = 'PerceptionInteractionMismatchError';
  }
}
