/** A stored checkpoint: the bytes an agent saved and the revision they were saved at. */
export interface Checkpoint {
  readonly value: Uint8Array;
  /** Changes on every write of the key; pass it back to `put` to write only over what you read. */
  readonly revision: number;
}

/**
 * Agents' working state that must survive a restart but is not intent state: perception's sequencer,
 * qualification's conversation context, the governor's interaction records, reservation ledgers and
 * in-flight handoffs. Keys are dot-separated id tokens, `<agent>.<kind>.<id>` by convention.
 * Every write is compare-and-set on the revision, so two replicas never overwrite each other.
 */
export interface CheckpointRepository {
  /** The checkpoint stored under `key`, or null when there is none. */
  get(key: string): Promise<Checkpoint | null>;

  /**
   * Writes `value` if the stored revision is still `expectedRevision` (null: only if the key is
   * absent) and returns the new revision. Otherwise nothing is written and StaleCheckpointError
   * carries the revision actually stored (null when the key is absent).
   */
  put(key: string, value: Uint8Array, expectedRevision: number | null): Promise<number>;

  /** Removes the checkpoint if it is still at `expectedRevision`; false when it was not. */
  delete(key: string, expectedRevision: number): Promise<boolean>;

  /** The keys stored under `prefix` (`router.handoff` lists `router.handoff.*`), sorted. */
  keys(prefix: string): Promise<string[]>;
}
