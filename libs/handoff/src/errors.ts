// Every error of this library carries a stable `code`. IllegalHandoffTransitionError is the state
// machine saying no; HandoffRefusedError is one of the safety rules ("never bridge twice", "never
// to a closer who was not reserved") saying no; HandoffInputError is malformed input.
import type { HandoffPhase } from './phase.js';
import type { TransferModeName } from './transfer-mode.js';
import type { HandoffTransition } from './transitions.js';

/** Every code a HandoffError can carry. */
export type HandoffErrorCode =
  | 'ILLEGAL_HANDOFF_TRANSITION'
  | 'HANDOFF_REFUSED'
  | 'HANDOFF_INPUT_INVALID';

/** The safety rule a HandoffRefusedError enforces. */
export type HandoffRule =
  | 'closer_already_tried'
  | 'closer_not_reserved'
  | 'reservation_not_accepted'
  | 'reservation_mismatch'
  | 'leg_mismatch'
  | 'bridge_not_allowed'
  | 'whisper_not_allowed'
  | 'dial_not_allowed'
  | 'command_mismatch'
  | 'no_attempt_failure'
  | 'failure_out_of_place';

/** Base class of every error thrown by @warmline/handoff. */
export abstract class HandoffError extends Error {
  abstract readonly code: HandoffErrorCode;
}

/** True when `err` is one of this library's errors. */
export function isHandoffError(err: unknown): err is HandoffError {
  return err instanceof HandoffError;
}

/** The transfer state machine has no such transition from this phase in this mode. */
export class IllegalHandoffTransitionError extends HandoffError {
  readonly code = 'ILLEGAL_HANDOFF_TRANSITION';

  constructor(
    readonly from: HandoffPhase,
    readonly event: HandoffTransition,
    readonly mode: TransferModeName,
  ) {
    super(`a ${mode} handoff cannot ${event} from ${from}`);
    this.name = 'IllegalHandoffTransitionError';
  }
}

/** The step would break a safety rule of the transfer (see `rule`). */
export class HandoffRefusedError extends HandoffError {
  readonly code = 'HANDOFF_REFUSED';

  constructor(
    readonly handoffId: string,
    readonly rule: HandoffRule,
    message: string,
  ) {
    super(`handoff ${handoffId}: ${message}`);
    this.name = 'HandoffRefusedError';
  }
}

/** Input to the library is malformed; `field` names it. */
export class HandoffInputError extends HandoffError {
  readonly code = 'HANDOFF_INPUT_INVALID';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'HandoffInputError';
  }
}
