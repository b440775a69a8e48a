// One signal applied to one interaction's intent, as a checkpointed step: the new intent version,
// its audit evidence and its IntentStateChanged are committed together with the working context,
// then written and published idempotently.
import type { Effect, StepOutcome } from '@warmline/agent-runtime';
import { fromTimestamp, toTimestamp, warmline } from '@warmline/contracts';
import {
  intentStateChanged,
  markerKindName,
  qualify,
  type IntentChange,
  type QualificationContext,
  type SignalEvent,
} from '@warmline/intent';
import type { QualificationSettings } from './qualification-settings.js';

/** What qualification keeps per interaction between signals. */
export interface QualificationCheckpoint {
  readonly context: QualificationContext;
  /** The current intent state (protobuf, base64), or null before the first version. */
  readonly intent: string | null;
}

/** What a step reports: the version written, if any. */
export interface QualificationStepResult {
  readonly version: number | null;
}

/** Checkpoint key of an interaction's qualification state. */
export function qualificationKey(interactionId: string): string {
  return `qualification.interaction.${interactionId}`;
}

/** Event id of the IntentStateChanged of a version: re-publishing after a crash is dropped. */
export function intentEventId(interactionId: string, version: number): string {
  return `intent-${interactionId}-v${version}`;
}

/** Applies one signal; throws an IntentError for a signal to dead-letter. */
export function qualifyStep(
  current: QualificationCheckpoint | null,
  event: SignalEvent,
  sourceEventId: string,
  settings: QualificationSettings,
): StepOutcome<QualificationCheckpoint> & { result: QualificationStepResult } {
  const previous = current?.intent ? decodeState(current.intent) : null;
  const rules = settings.rulesFor(previous?.campaignId ?? campaignOf(event));
  const { state, context, change } = qualify(previous, current?.context ?? null, event, rules);
  if (change === null) {
    return {
      state: { context, intent: current?.intent ?? null },
      effects: [],
      result: { version: null },
    };
  }
  const message = warmline.v1.IntentState.fromObject(state);
  return {
    state: { context, intent: encodeState(message) },
    effects: effectsOf(message, change, event, sourceEventId),
    result: { version: change.version },
  };
}

function effectsOf(
  state: warmline.v1.IntentState,
  change: IntentChange,
  event: SignalEvent,
  sourceEventId: string,
): Effect[] {
  const interactionId = state.interactionId;
  const evidence: Effect[] =
    change.causeSignalId !== '' &&
    (change.changedMarkers.length > 0 || change.changedObjectionIds.length > 0)
      ? [
          {
            kind: 'audit',
            record: {
              interactionId,
              recordId: `evidence-${change.causeSignalId}`,
              kind: 'evidence',
              at: event.occurredAtMs,
              payload: warmline.v1.Signal.encode(event.signal).finish(),
              summary: {
                signalId: change.causeSignalId,
                intentVersion: change.version,
                markers: change.changedMarkers.map((k) => markerKindName(k)).join(' '),
                objections: change.changedObjectionIds.join(' '),
              },
            },
          },
        ]
      : [];
  return [
    { kind: 'intent', state },
    ...evidence,
    {
      kind: 'publish',
      family: 'intent',
      interactionId,
      envelope: {
        eventId: intentEventId(interactionId, change.version),
        // One event per version: the version is qualification's sequence for the interaction.
        sequence: change.version,
        intentVersion: change.version,
        occurredAt: state.updatedAt ?? toTimestamp(event.occurredAtMs),
        causationId: sourceEventId,
        correlationId: interactionId,
        intentStateChanged: intentStateChanged(state, change),
      },
    },
  ];
}

// CallStarted names the campaign before any state exists.
function campaignOf(event: SignalEvent): string {
  return event.signal.perception?.callStarted?.campaignId ?? '';
}

function encodeState(state: warmline.v1.IntentState): string {
  return Buffer.from(warmline.v1.IntentState.encode(state).finish()).toString('base64');
}

/** The intent state stored in a checkpoint. */
export function decodeState(encoded: string): warmline.v1.IntentState {
  return warmline.v1.IntentState.decode(Buffer.from(encoded, 'base64'));
}

/** When the state was last written (ms), for logs. */
export function updatedAtMs(state: warmline.v1.IIntentState): number | undefined {
  return state.updatedAt ? fromTimestamp(state.updatedAt) : undefined;
}
