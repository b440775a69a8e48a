// One interaction's perception state as a checkpointed step: an arriving event or an expired gap
// turns into signals, published (as effects) only once the new state is committed.
import type { Effect, StepOutcome } from '@warmline/agent-runtime';
import { toTimestamp, type warmline } from '@warmline/contracts';
import {
  initialPerceptionState,
  nextTickAtMs,
  perceive,
  tick,
  type PerceptionState,
} from '@warmline/signals';
import type { PerceptionSettings } from './perception-settings.js';

/** What a step tells the caller: when the next gap expires, and whether the event was a repeat. */
export interface PerceptionStepResult {
  readonly nextTickAtMs: number | null;
  readonly duplicate: boolean;
  readonly signals: number;
}

/** Checkpoint key of an interaction's perception state. */
export function perceptionKey(interactionId: string): string {
  return `perception.interaction.${interactionId}`;
}

/** Perceives one envelope on the stored state; throws a PerceptionError for invalid input. */
export function perceiveStep(
  current: PerceptionState | null,
  envelope: warmline.v1.IEnvelope,
  nowMs: number,
  settings: PerceptionSettings,
): StepOutcome<PerceptionState> & { result: PerceptionStepResult } {
  const state = current ?? initialPerceptionState(envelope.interactionId ?? '');
  const perceived = perceive(state, envelope, nowMs, settings.thresholds, settings.limits);
  return {
    state: perceived.state,
    effects: signalEffects(
      state.context.interactionId,
      perceived.signals,
      perceived.occurredAtMs,
      perceived.firstSignalSequence,
    ),
    result: {
      nextTickAtMs: nextTickAtMs(perceived.state, settings.limits),
      duplicate: perceived.duplicate,
      signals: perceived.signals.length,
    },
  };
}

/** Gives up on expired gaps; `null` when nothing was due. */
export function tickStep(
  current: PerceptionState | null,
  nowMs: number,
  settings: PerceptionSettings,
): (StepOutcome<PerceptionState> & { result: PerceptionStepResult }) | null {
  if (current === null) return null;
  const ticked = tick(current, nowMs, settings.thresholds, settings.limits);
  const next = nextTickAtMs(ticked.state, settings.limits);
  if (ticked.signals.length === 0 && next === nextTickAtMs(current, settings.limits)) return null;
  return {
    state: ticked.state,
    effects: signalEffects(
      current.context.interactionId,
      ticked.signals,
      ticked.occurredAtMs,
      ticked.firstSignalSequence,
    ),
    result: { nextTickAtMs: next, duplicate: false, signals: ticked.signals.length },
  };
}

function signalEffects(
  interactionId: string,
  signals: readonly warmline.v1.ISignal[],
  occurredAtMs: readonly number[],
  firstSequence: number,
): Effect[] {
  return signals.map((signal, i) => ({
    kind: 'publish',
    family: 'signal',
    interactionId,
    envelope: {
      // Deterministic: a step re-run after a crash publishes the same ids, which are dropped.
      eventId: signal.signalId ?? '',
      sequence: firstSequence + i,
      occurredAt: toTimestamp(occurredAtMs[i] ?? 0),
      causationId: signal.sourceEventId ?? '',
      correlationId: interactionId,
      signal,
    },
  }));
}
