import type { IntentState } from './intent-state.js';

/**
 * Versioned intent state of each interaction. Versions start at 1 and grow by exactly 1 per write;
 * every write is a compare-and-set against the version the writer read, so concurrent writers never
 * overwrite (or merge into) each other's decisions.
 */
export interface IntentStateRepository {
  /** The current state of the interaction, or `null` when none was ever created. */
  get(interactionId: string): Promise<IntentState | null>;

  /**
   * Stores the first version of an interaction's state. `state.version` must be 1.
   * @throws IntentStateConflictError when a state already exists (it is left unchanged).
   */
  create(state: IntentState): Promise<void>;

  /**
   * Replaces the state at `expectedVersion` with `next`, whose version must be `expectedVersion + 1`.
   * @throws StaleIntentVersionError when the stored version is not `expectedVersion` (nothing written).
   * @throws IntentStateNotFoundError when the interaction has no state.
   */
  compareAndSet(interactionId: string, expectedVersion: number, next: IntentState): Promise<void>;

  /** Every version ever stored for the interaction, oldest first (empty when none). */
  history(interactionId: string): Promise<IntentState[]>;
}
