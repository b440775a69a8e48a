// Restores one interaction's event order from Envelope.sequence, as a pure reducer over a
// JSON-serialisable state. Events are released strictly in sequence order; a missing sequence is
// waited for, but only up to SequencerLimits (count on admit, time on releaseExpired), so one lost
// event never stalls the interaction. See README "Ordering and de-duplication".
import { v1, type warmline } from '@warmline/contracts';
import type { SequencerLimits } from './sequencer-limits.js';
import { addSkipped, isSkipped, removeSkipped, type SequenceRange } from './skipped-sequences.js';

/** What the sequencer needs to know about an event. */
export interface SequencedEvent {
  readonly eventId: string;
  readonly sequence: number;
  readonly receivedAtMs: number;
}

/** The ordering faults the sequencer attaches to a released event. */
export type OrderingFault =
  | warmline.v1.SignalFault.SIGNAL_FAULT_SEQUENCE_GAP
  | warmline.v1.SignalFault.SIGNAL_FAULT_OUT_OF_ORDER;

/**
 * An event released by the sequencer. `orderingFault` is SEQUENCE_GAP on the first event released
 * after giving up on missing sequences, OUT_OF_ORDER on a missing event that arrived after that,
 * and null otherwise.
 */
export type OrderedEvent<E extends SequencedEvent> = E & {
  readonly orderingFault: OrderingFault | null;
};

/** One interaction's sequencer memory (plain data; survives JSON.stringify/parse). */
export interface SequencerState<E extends SequencedEvent> {
  /** Lowest sequence neither released nor skipped; every lower sequence is done or in `skipped`. */
  readonly nextSequence: number;
  /** Events ahead of `nextSequence`, ascending by sequence, at most `maxHeld`. */
  readonly held: readonly E[];
  /** Sequences given up on that may still arrive late, at most `rememberedGaps` ranges. */
  readonly skipped: readonly SequenceRange[];
  /** Ids of the most recently released events, oldest first, at most `rememberedEventIds`. */
  readonly recentEventIds: readonly string[];
}

/** The outcome of admitting one event. */
export interface Admission<E extends SequencedEvent> {
  readonly state: SequencerState<E>;
  /** Events to process now, in this order (may include earlier held events, or be empty). */
  readonly released: OrderedEvent<E>[];
  /** True when the event was dropped because it was already seen (by event id or by sequence). */
  readonly duplicate: boolean;
}

/** The outcome of giving up on expired gaps. */
export interface Expiry<E extends SequencedEvent> {
  readonly state: SequencerState<E>;
  readonly released: OrderedEvent<E>[];
}

const { SIGNAL_FAULT_OUT_OF_ORDER, SIGNAL_FAULT_SEQUENCE_GAP } = v1.SignalFault;

/** A sequencer that expects sequence 1 first. */
export function initialSequencerState<E extends SequencedEvent>(): SequencerState<E> {
  return { nextSequence: 1, held: [], skipped: [], recentEventIds: [] };
}

/**
 * Admits one arrived event: releases it (and any held events it unblocks) when it is next, holds
 * it when it is ahead, releases it at once flagged OUT_OF_ORDER when it fills a gap already given
 * up on, and drops it as a duplicate otherwise. When more than `maxHeld` events are then held, it
 * gives up on the lowest gaps until `maxHeld` remain. Giving up on a gap by time is releaseExpired's
 * job alone, so an arrival never changes what the clock would have decided.
 */
export function admit<E extends SequencedEvent>(
  state: SequencerState<E>,
  event: E,
  limits: SequencerLimits,
): Admission<E> {
  const draft = draftOf(state);
  const duplicate = isDuplicate(state, event);
  if (!duplicate) place(draft, event, limits);
  while (draft.held.length > limits.maxHeld) skipGap(draft, limits);
  return { state: stateOf(draft), released: draft.released, duplicate };
}

/** Gives up on every gap whose oldest held event arrived `maxGapWaitMs` or more before `nowMs`. */
export function releaseExpired<E extends SequencedEvent>(
  state: SequencerState<E>,
  nowMs: number,
  limits: SequencerLimits,
): Expiry<E> {
  const draft = draftOf(state);
  expire(draft, nowMs, limits);
  return { state: stateOf(draft), released: draft.released };
}

/** When the current gap expires (ms), or null when nothing is held; schedule releaseExpired then. */
export function gapDeadlineMs(
  state: SequencerState<SequencedEvent>,
  limits: SequencerLimits,
): number | null {
  if (state.held.length === 0) return null;
  return Math.min(...state.held.map((event) => event.receivedAtMs)) + limits.maxGapWaitMs;
}

/**
 * Sequence 0: a source that cannot number its events (a telephony status callback). Such an event is
 * released on arrival, de-duplicated by event id only, and leaves the numbered order untouched.
 */
export const UNSEQUENCED = 0;

interface Draft<E extends SequencedEvent> {
  nextSequence: number;
  held: E[];
  skipped: SequenceRange[];
  recentEventIds: string[];
  released: OrderedEvent<E>[];
}

function draftOf<E extends SequencedEvent>(state: SequencerState<E>): Draft<E> {
  return {
    nextSequence: state.nextSequence,
    held: [...state.held],
    skipped: [...state.skipped],
    recentEventIds: [...state.recentEventIds],
    released: [],
  };
}

function stateOf<E extends SequencedEvent>(draft: Draft<E>): SequencerState<E> {
  const { nextSequence, held, skipped, recentEventIds } = draft;
  return { nextSequence, held, skipped, recentEventIds };
}

function isDuplicate<E extends SequencedEvent>(state: SequencerState<E>, event: E): boolean {
  if (state.recentEventIds.includes(event.eventId)) return true;
  if (event.sequence === UNSEQUENCED) return state.held.some((h) => h.eventId === event.eventId);
  if (state.held.some((h) => h.eventId === event.eventId || h.sequence === event.sequence)) {
    return true;
  }
  // Below nextSequence, only a skipped sequence can still be new; anything else was released
  // (or belongs to a gap too old to remember, which is safer dropped than released twice).
  return event.sequence < state.nextSequence && !isSkipped(state.skipped, event.sequence);
}

function place<E extends SequencedEvent>(draft: Draft<E>, event: E, limits: SequencerLimits) {
  if (event.sequence === UNSEQUENCED) {
    release(draft, event, null, limits);
  } else if (event.sequence < draft.nextSequence) {
    draft.skipped = removeSkipped(draft.skipped, event.sequence, limits.rememberedGaps);
    release(draft, event, SIGNAL_FAULT_OUT_OF_ORDER, limits);
  } else if (event.sequence === draft.nextSequence) {
    release(draft, event, null, limits);
    draft.nextSequence += 1;
    drainContiguous(draft, limits);
  } else {
    const at = draft.held.findIndex((h) => h.sequence > event.sequence);
    draft.held.splice(at === -1 ? draft.held.length : at, 0, event);
  }
}

function expire<E extends SequencedEvent>(draft: Draft<E>, nowMs: number, limits: SequencerLimits) {
  while (draft.held.length > 0 && oldestArrival(draft.held) + limits.maxGapWaitMs <= nowMs) {
    skipGap(draft, limits);
  }
}

// Moves past the sequences missing before the lowest held event and releases from there.
function skipGap<E extends SequencedEvent>(draft: Draft<E>, limits: SequencerLimits) {
  const first = draft.held.shift();
  if (first === undefined) return;
  const missing = { from: draft.nextSequence, to: first.sequence - 1 };
  draft.skipped = addSkipped(draft.skipped, missing, limits.rememberedGaps);
  release(draft, first, SIGNAL_FAULT_SEQUENCE_GAP, limits);
  draft.nextSequence = first.sequence + 1;
  drainContiguous(draft, limits);
}

function drainContiguous<E extends SequencedEvent>(draft: Draft<E>, limits: SequencerLimits) {
  while (draft.held[0]?.sequence === draft.nextSequence) {
    const next = draft.held.shift() as E;
    release(draft, next, null, limits);
    draft.nextSequence += 1;
  }
}

function release<E extends SequencedEvent>(
  draft: Draft<E>,
  event: E,
  orderingFault: OrderingFault | null,
  limits: SequencerLimits,
) {
  draft.released.push({ ...event, orderingFault });
  draft.recentEventIds.push(event.eventId);
  if (draft.recentEventIds.length > limits.rememberedEventIds) {
    draft.recentEventIds.splice(0, draft.recentEventIds.length - limits.rememberedEventIds);
  }
}

function oldestArrival(held: readonly SequencedEvent[]): number {
  return held.reduce((oldest, event) => Math.min(oldest, event.receivedAtMs), Infinity);
}
