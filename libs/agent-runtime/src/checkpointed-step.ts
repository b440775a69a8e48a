// One unit of an agent's work on one key (usually an interaction), crash-safe: read the checkpoint,
// finish any effects a killed predecessor left in it, decide, write the new state together with the
// effects it implies (compare-and-set: the commit point), perform them, then clear them. A replica
// that loses the compare-and-set race re-reads and decides again on the winner's state.
import { StaleCheckpointError, type CheckpointRepository } from '@warmline/store';
import { traced } from '@warmline/telemetry';
import { loadEffect, storeEffect, type StoredEffect } from './effect-codec.js';
import type { Effect, EffectSink } from './effects.js';

/** What a decision returns: the next state and what must happen because of it. */
export interface StepOutcome<S> {
  readonly state: S;
  readonly effects: readonly Effect[];
}

/** Decides on the current state (`null` before the first step); returns `null` to change nothing. */
export type Decide<S, R> = (current: S | null) => (StepOutcome<S> & { readonly result: R }) | null;

/** Converts the JSON-safe state of a checkpoint. Plain JSON data needs no codec. */
export interface StateCodec<S> {
  toJson(state: S): unknown;
  fromJson(json: unknown): S;
}

interface StoredCheckpoint {
  readonly state: unknown;
  readonly effects: readonly StoredEffect[];
}

/**
 * Watches what steps did, e.g. to count outcomes as metrics: called once per committed step with
 * its effects, by whichever caller performed and then cleared them — the step's own `run`, or the
 * next `run` on the key after a crash or on another replica. So an outcome is reported once, never
 * again on a redelivery that decides nothing new. Steps without effects are not reported. Must not
 * throw (errors are ignored).
 */
export interface StepObserver {
  onEffectsPerformed(key: string, effects: readonly Effect[]): void;
}

/** Attempts of one step against concurrent writers before it fails (and the message is retried). */
const MAX_ATTEMPTS = 10;

/** Longest random pause before a retry after a lost race (grows with the attempt up to this). */
const MAX_RETRY_PAUSE_MS = 200;

/** Thrown when a step kept losing compare-and-set races; transient, the bus redelivers. */
export class CheckpointContentionError extends Error {
  readonly code = 'CHECKPOINT_CONTENTION';

  constructor(key: string) {
    super(`checkpoint ${key} changed under ${MAX_ATTEMPTS} attempts in a row`);
    this.name = 'CheckpointContentionError';
  }
}

/** Runs checkpointed steps over one repository and one effect sink. */
export class CheckpointedSteps {
  private readonly observers: StepObserver[] = [];

  constructor(
    private readonly checkpoints: CheckpointRepository,
    private readonly sink: EffectSink,
  ) {}

  /** Reports every step's effects, once performed, to `observer`; returns it (for providers). */
  observe<O extends StepObserver>(observer: O): O {
    this.observers.push(observer);
    return observer;
  }

  /**
   * Runs `decide` on the state stored under `key` and commits its outcome. Resolves with the
   * decision's result, or `null` when it changed nothing.
   */
  async run<S, R>(
    key: string,
    decide: Decide<S, R>,
    codec: StateCodec<S> = plainJson(),
  ): Promise<R | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) await pause(attempt);
      const stored = await this.read(key);
      let current = stored === null ? null : codec.fromJson(stored.checkpoint.state);
      let revision = stored?.revision ?? null;
      if (stored !== null && stored.checkpoint.effects.length > 0) {
        revision = await this.finish(key, stored.checkpoint, stored.revision);
        if (revision === null) continue;
        current = codec.fromJson(stored.checkpoint.state);
      }
      const outcome = decide(current);
      if (outcome === null) return null;
      const pending: StoredCheckpoint = {
        state: codec.toJson(outcome.state),
        effects: outcome.effects.map(storeEffect),
      };
      let committed: number;
      try {
        committed = await traced(
          'store commit step',
          { 'warmline.checkpoint': key, 'warmline.effects': pending.effects.length },
          () => this.checkpoints.put(key, encode(pending), revision),
          (err) => err instanceof StaleCheckpointError,
        );
      } catch (err) {
        if (err instanceof StaleCheckpointError) continue;
        throw err;
      }
      if (pending.effects.length > 0) await this.finish(key, pending, committed);
      return outcome.result;
    }
    throw new CheckpointContentionError(key);
  }

  /** The state stored under `key`, without running anything. */
  async read(key: string): Promise<{ checkpoint: StoredCheckpoint; revision: number } | null> {
    const found = await this.checkpoints.get(key);
    if (found === null) return null;
    return { checkpoint: decode(key, found.value), revision: found.revision };
  }

  // Performs the effects of a committed checkpoint, then clears them. Returns the new revision, or
  // null when another replica cleared (or replaced) them first — they are done either way, and
  // reported by the one that cleared them.
  private async finish(
    key: string,
    checkpoint: StoredCheckpoint,
    revision: number,
  ): Promise<number | null> {
    const effects = checkpoint.effects.map(loadEffect);
    for (const effect of effects) await this.sink.perform(effect);
    let cleared: number;
    try {
      cleared = await this.checkpoints.put(
        key,
        encode({ state: checkpoint.state, effects: [] }),
        revision,
      );
    } catch (err) {
      if (err instanceof StaleCheckpointError) return null;
      throw err;
    }
    this.report(key, effects);
    return cleared;
  }

  private report(key: string, effects: readonly Effect[]): void {
    for (const observer of this.observers) {
      try {
        observer.onEffectsPerformed(key, effects);
      } catch {
        // An observer (metrics) must never fail a step that is already done.
      }
    }
  }
}

/** The identity codec, for states that are plain JSON data. */
export function plainJson<S>(): StateCodec<S> {
  return { toJson: (state) => state, fromJson: (json) => json as S };
}

// Replicas that lost a race spread out at random, so the next round is not the same race.
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(MAX_RETRY_PAUSE_MS, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function encode(checkpoint: StoredCheckpoint): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(checkpoint));
}

function decode(key: string, value: Uint8Array): StoredCheckpoint {
  const parsed = JSON.parse(new TextDecoder().decode(value)) as Partial<StoredCheckpoint>;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.effects)) {
    throw new Error(`checkpoint ${key} is not a Warmline agent checkpoint`);
  }
  return { state: parsed.state, effects: parsed.effects };
}
