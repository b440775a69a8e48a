// Intent state as a MongoDB document: the protobuf bytes (the truth, the same bytes the bus carries)
// plus a queryable copy of the fields people filter on. Current state and history share the layout.
import { fromTimestamp } from '@warmline/contracts';
import type { Binary } from 'mongodb';
import { decodeIntentState, encodeIntentState } from '../codec/intent-state-codec.js';
import { CorruptStoredValueError } from '../port/errors.js';
import type { IntentState } from '../port/intent-state.js';
import { binary, int64, readBytes, readInt64, type Int64, type Untrusted } from './bson-values.js';

/**
 * A stored intent state. In `wl_intent_state` the `_id` is the interaction id; in `wl_intent_history` it
 * is `<interaction id>.<version>` ({@link versionId}).
 */
export interface IntentStateDocument {
  _id: string;
  interactionId: string;
  version: Int64;
  campaignId: string;
  /** The state's `updated_at`; null when unset (or beyond what a BSON date can hold). */
  updatedAt: Date | null;
  /** The `warmline.v1.IntentState` protobuf bytes. */
  state: Binary;
}

/** A state read back, with the exact bytes it was stored as (history is recorded from these). */
export interface StoredIntentState {
  readonly state: IntentState;
  readonly bytes: Uint8Array;
}

/** The `_id` of a version in the history collection. Ids hold no dots, so this is unambiguous. */
export function versionId(interactionId: string, version: number): string {
  return `${interactionId}.${version}`;
}

/** The current-state document of `state` (`_id` = interaction id). */
export function currentStateDocument(
  state: IntentState,
  bytes: Uint8Array = encodeIntentState(state),
): IntentStateDocument {
  return { _id: state.interactionId, ...stateFields(state, bytes) };
}

/** The history document of `state` (`_id` = `<interaction id>.<version>`). */
export function versionDocument(
  state: IntentState,
  bytes: Uint8Array = encodeIntentState(state),
): IntentStateDocument {
  return { _id: versionId(state.interactionId, state.version), ...stateFields(state, bytes) };
}

/**
 * Decodes a stored document and checks it belongs where it was found.
 * @throws CorruptStoredValueError when the bytes are not an IntentState of `interactionId`, or the
 *   queryable copy disagrees with them.
 */
export function readIntentStateDocument(
  document: Untrusted<IntentStateDocument>,
  interactionId: string,
  location: string,
): StoredIntentState {
  const bytes = readBytes(document.state);
  if (bytes === null) {
    throw new CorruptStoredValueError(location, 'state is not BinData');
  }
  const state = decodeIntentState(bytes, interactionId, location);
  const version = readInt64(document.version);
  if (version !== state.version || document.interactionId !== interactionId) {
    throw new CorruptStoredValueError(
      location,
      `interactionId/version fields (${String(document.interactionId)}/${version}) disagree with the stored state (${interactionId}/${state.version})`,
    );
  }
  return { state, bytes };
}

function stateFields(state: IntentState, bytes: Uint8Array): Omit<IntentStateDocument, '_id'> {
  return {
    interactionId: state.interactionId,
    version: int64(state.version),
    campaignId: state.campaignId,
    updatedAt: updatedAtOf(state),
    state: binary(bytes),
  };
}

function updatedAtOf(state: IntentState): Date | null {
  if (state.updatedAt == null) {
    return null;
  }
  const date = new Date(fromTimestamp(state.updatedAt));
  // A time a BSON date cannot hold stays in the bytes; the queryable copy is left empty.
  return Number.isNaN(date.getTime()) ? null : date;
}
