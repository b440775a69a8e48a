// Intent state is stored as its protobuf bytes: the same bytes the bus carries, readable by any
// language's generated code.
import { warmline } from '@warmline/contracts';
import { CorruptStoredValueError } from '../port/errors.js';
import type { IntentState } from '../port/intent-state.js';

/** The protobuf bytes of `state`. */
export function encodeIntentState(state: IntentState): Uint8Array {
  return warmline.v1.IntentState.encode(state).finish();
}

/**
 * Decodes stored bytes and checks they belong where they were found.
 * @throws CorruptStoredValueError when the bytes are not an IntentState of `interactionId`.
 */
export function decodeIntentState(
  bytes: Uint8Array,
  interactionId: string,
  location: string,
): IntentState {
  let state: IntentState;
  try {
    state = warmline.v1.IntentState.decode(bytes);
  } catch (err) {
    throw new CorruptStoredValueError(location, 'not an IntentState', { cause: err });
  }
  if (state.interactionId !== interactionId) {
    throw new CorruptStoredValueError(
      location,
      `holds the state of interaction ${state.interactionId}`,
    );
  }
  return state;
}
