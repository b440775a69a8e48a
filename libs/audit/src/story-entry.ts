/** One step of an interaction's story, as an operator reads it. */
export interface StoryEntry {
  /** When it happened, ms since the epoch. */
  readonly at: number;
  /** What kind of step: an intent version, or the kind of audit record. */
  readonly kind: 'intent' | 'evidence' | 'decision' | 'grant' | 'handoff' | 'appointment';
  /** One line: what happened. */
  readonly title: string;
  /** Further facts, one per line (evidence quotes, reasons, failure reasons…). */
  readonly details: readonly string[];
  /** The intent version this step is about, when one applies. */
  readonly intentVersion?: number;
  /** The audit record it comes from (absent for intent versions). */
  readonly recordId?: string;
}

/** What the story is made of: an audit record as any store adapter returns it. */
export interface StoryRecord {
  readonly recordId: string;
  readonly kind: string;
  readonly at: number;
  readonly payload: Uint8Array;
  readonly summary?: Readonly<Record<string, string | number>>;
}
