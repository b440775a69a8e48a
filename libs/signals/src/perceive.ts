import { isValidId, type warmline } from '@warmline/contracts';
import { perceptionArrival, type PerceptionArrival } from './arrival.js';
import { PerceptionInteractionMismatchError } from './errors.js';
import { initialPerceptionContext, type PerceptionContext } from './perception-context.js';
import {
  admit,
  gapDeadlineMs,
  initialSequencerState,
  releaseExpired,
  type OrderedEvent,
  type SequencerState,
} from './sequencer.js';
import type { SequencerLimits } from './sequencer-limits.js';
import type { PerceptionThresholds } from './thresholds.js';
import { toSignals } from './to-signals.js';

/** Everything perception keeps about one interaction; plain data the app stores as JSON. */
export interface PerceptionState {
  readonly sequencer: SequencerState<PerceptionArrival>;
  readonly context: PerceptionContext;
}

/** The result of perceiving one envelope. */
export interface Perceived {
  /** Store this (JSON) before acking the envelope. */
  readonly state: PerceptionState;
  /** Publish each, in order, one Envelope per signal. */
  readonly signals: warmline.v1.ISignal[];
  /** When each signal's perception event happened (epoch ms; its Envelope.occurred_at), by index. */
  readonly occurredAtMs: number[];
  /** Envelope.sequence of `signals[0]`; the others follow by 1 (`firstSignalSequence + i`). */
  readonly firstSignalSequence: number;
  /** The envelope was a re-delivery and was dropped (signals may still come from expired gaps). */
  readonly duplicate: boolean;
}

/** The result of a tick. */
export interface Ticked {
  readonly state: PerceptionState;
  readonly signals: warmline.v1.ISignal[];
  /** When each signal's perception event happened (epoch ms), by index. */
  readonly occurredAtMs: number[];
  /** Envelope.sequence of `signals[0]`; the others follow by 1. */
  readonly firstSignalSequence: number;
}

/** The state of an interaction nothing has been perceived of yet. */
export function initialPerceptionState(interactionId: string): PerceptionState {
  if (!isValidId(interactionId)) {
    throw new RangeError(
      `interactionId must match [A-Za-z0-9_-]{1,128}, got ${JSON.stringify(interactionId)}`,
    );
  }
  return {
    sequencer: initialSequencerState<PerceptionArrival>(),
    context: initialPerceptionContext(interactionId),
  };
}

/**
 * Perceives one envelope at `nowMs`: validates it, orders and de-duplicates it, and turns every
 * event it releases into signals. Throws PerceptionEventInvalidError for an invalid envelope
 * (dead-letter it; the state is unchanged) and PerceptionInteractionMismatchError when the
 * envelope belongs to another interaction than `state`.
 */
export function perceive(
  state: PerceptionState,
  envelope: warmline.v1.IEnvelope,
  nowMs: number,
  thresholds: PerceptionThresholds,
  limits: SequencerLimits,
): Perceived {
  const arrival = perceptionArrival(envelope, nowMs);
  if (arrival.interactionId !== state.context.interactionId) {
    throw new PerceptionInteractionMismatchError(
      state.context.interactionId,
      arrival.interactionId,
    );
  }
  const admission = admit(state.sequencer, arrival, limits);
  const { context, signals, occurredAtMs } = signalsOf(
    state.context,
    admission.released,
    thresholds,
  );
  return {
    state: { sequencer: admission.state, context },
    signals,
    occurredAtMs,
    firstSignalSequence: state.context.signalsEmitted + 1,
    duplicate: admission.duplicate,
  };
}

/**
 * Gives up on missing sequences that have been waited for `maxGapWaitMs` and signals the events
 * held behind them. Call it at `nextTickAtMs(state, limits)`.
 */
export function tick(
  state: PerceptionState,
  nowMs: number,
  thresholds: PerceptionThresholds,
  limits: SequencerLimits,
): Ticked {
  const expiry = releaseExpired(state.sequencer, nowMs, limits);
  const { context, signals, occurredAtMs } = signalsOf(state.context, expiry.released, thresholds);
  return {
    state: { sequencer: expiry.state, context },
    signals,
    occurredAtMs,
    firstSignalSequence: state.context.signalsEmitted + 1,
  };
}

/** When `tick` has something to release (epoch ms), or null while no event is held. */
export function nextTickAtMs(state: PerceptionState, limits: SequencerLimits): number | null {
  return gapDeadlineMs(state.sequencer, limits);
}

function signalsOf(
  context: PerceptionContext,
  released: readonly OrderedEvent<PerceptionArrival>[],
  thresholds: PerceptionThresholds,
): { context: PerceptionContext; signals: warmline.v1.ISignal[]; occurredAtMs: number[] } {
  const signals: warmline.v1.ISignal[] = [];
  const occurredAtMs: number[] = [];
  let current = context;
  for (const event of released) {
    const outcome = toSignals(current, event, thresholds);
    current = outcome.context;
    signals.push(...outcome.signals);
    for (const _ of outcome.signals) occurredAtMs.push(event.occurredAtMs);
  }
  return { context: current, signals, occurredAtMs };
}
