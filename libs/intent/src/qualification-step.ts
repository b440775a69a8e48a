// One signal being applied: the drafts the handlers change, and what they changed.
import type { IntentDraft } from './intent-draft.js';
import type { MarkerKindName } from './marker-kind.js';
import type { QualificationContext } from './qualification-context.js';
import type { QualificationRules } from './qualification-rules.js';
import type { SignalEvent } from './signal-event.js';

/** `T` with every nested readonly removed: the handlers' private working copy. */
export type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

export interface QualificationStep {
  readonly event: SignalEvent;
  /** The signal's own time; every timestamp written by this step uses it. */
  readonly atMs: number;
  readonly rules: QualificationRules;
  readonly draft: IntentDraft;
  readonly context: Writable<QualificationContext>;
  /** Marker kinds whose status changed. */
  readonly changedMarkers: Set<MarkerKindName>;
  /** Objections raised, resolved or reopened. */
  readonly changedObjectionIds: Set<string>;
}

/** Keeps the newest `limit` entries of `list` (oldest first), in place. */
export function keepNewest<T>(list: T[], limit: number): void {
  if (list.length > limit) list.splice(0, list.length - limit);
}
