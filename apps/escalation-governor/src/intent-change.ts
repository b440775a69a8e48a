// An IntentStateChanged envelope as the governor decides on it: the event id (causation of the
// decision) and the state, checked to belong to the envelope's interaction and version.
import type { IIntentState, warmline } from '@warmline/contracts';
import { IntentChangeInvalidError } from './errors.js';

/** One intent version to decide on. */
export interface IntentChange {
  readonly eventId: string;
  readonly state: IIntentState;
}

/** The change carried by `envelope`; throws IntentChangeInvalidError naming the bad field. */
export function intentChangeOf(envelope: warmline.v1.IEnvelope): IntentChange {
  const state = envelope.intentStateChanged?.state;
  if (!state) {
    throw new IntentChangeInvalidError(
      'intent_state_changed.state',
      'intent_state_changed.state is required: the governor decides on a full intent state',
    );
  }
  if (state.interactionId !== envelope.interactionId) {
    throw new IntentChangeInvalidError(
      'intent_state_changed.state.interaction_id',
      `intent_state_changed.state.interaction_id "${state.interactionId}" differs from the envelope's "${envelope.interactionId}"`,
    );
  }
  const version = envelope.intentVersion ?? 0;
  if (version !== 0 && version !== state.version) {
    throw new IntentChangeInvalidError(
      'intent_version',
      `intent_version ${version} differs from the state's version ${state.version}`,
    );
  }
  return { eventId: envelope.eventId ?? '', state };
}
