// Checks every adapter applies before touching storage, so a malformed write fails the same way
// (InvalidIntentStateError) whichever adapter runs.
import { InvalidIntentStateError } from './errors.js';
import { assertValidId } from './ids.js';
import type { IntentState } from './intent-state.js';

/** Validates the first version of an interaction's state. */
export function assertCreatable(state: IntentState): void {
  assertValidId('interactionId', state?.interactionId);
  if (state.version !== 1) {
    throw new InvalidIntentStateError(
      `the first intent state of interaction ${state.interactionId} must have version 1, got ${state.version}`,
    );
  }
}

/** Validates a compare-and-set: `next` belongs to the interaction and is exactly one version ahead. */
export function assertSuccessor(
  interactionId: string,
  expectedVersion: number,
  next: IntentState,
): void {
  assertValidId('interactionId', interactionId);
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 1) {
    throw new InvalidIntentStateError(
      `expected version must be an integer >= 1, got ${expectedVersion}`,
    );
  }
  if (next?.interactionId !== interactionId) {
    throw new InvalidIntentStateError(
      `next state belongs to interaction ${JSON.stringify(next?.interactionId)}, not ${interactionId}`,
    );
  }
  if (next.version !== expectedVersion + 1) {
    throw new InvalidIntentStateError(
      `next state of interaction ${interactionId} must have version ${expectedVersion + 1}, got ${next.version}`,
    );
  }
}
