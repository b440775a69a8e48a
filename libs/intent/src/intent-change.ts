// What a new intent version changed, and the IntentStateChanged message that announces it.
import type { IIntentState, IIntentStateChanged, warmline } from '@warmline/contracts';

/** The difference between a new intent version and the one it replaces. */
export interface IntentChange {
  /** The version replaced; 0 for the first state. */
  readonly previousVersion: number;
  /** The new version: previousVersion + 1. */
  readonly version: number;
  /** Marker kinds whose status changed, in enum order. */
  readonly changedMarkers: readonly warmline.v1.MarkerKind[];
  /** Objections raised, resolved or reopened, in the order they changed. */
  readonly changedObjectionIds: readonly string[];
  /** Signal that caused the change; empty for time-driven changes (readiness decay). */
  readonly causeSignalId: string;
}

/** The IntentStateChanged body to publish for `state` (the new version) and its `change`. */
export function intentStateChanged(state: IIntentState, change: IntentChange): IIntentStateChanged {
  return {
    state,
    previousVersion: change.previousVersion,
    changedMarkers: [...change.changedMarkers],
    changedObjectionIds: [...change.changedObjectionIds],
    causeSignalId: change.causeSignalId,
  };
}
