import { PerceptionConfigError } from './errors.js';

/** Bounds of one interaction's sequencer: how long and how much it waits, and how much it remembers. */
export interface SequencerLimits {
  /** Most events held while waiting for a missing sequence; one more forces the gap (>= 0). */
  readonly maxHeld: number;
  /** Longest wait for a missing sequence, from the arrival of the oldest held event (ms). */
  readonly maxGapWaitMs: number;
  /** How many released event ids are remembered to drop re-deliveries by id (>= 0). */
  readonly rememberedEventIds: number;
  /** How many skipped sequence ranges are remembered so a late event can still be released (>= 0). */
  readonly rememberedGaps: number;
}

/**
 * Defaults: 64 held events is far more than a call produces in 2 s; 2 s is below the point where a
 * voice agent's turn visibly stalls, and JetStream redelivers a lost message well within it.
 */
export const DEFAULT_SEQUENCER_LIMITS: SequencerLimits = Object.freeze({
  maxHeld: 64,
  maxGapWaitMs: 2_000,
  rememberedEventIds: 256,
  rememberedGaps: 64,
});

const UPPER_BOUNDS: Readonly<Record<keyof SequencerLimits, number>> = {
  maxHeld: 10_000,
  maxGapWaitMs: 600_000,
  rememberedEventIds: 100_000,
  rememberedGaps: 10_000,
};

/** Merges overrides onto the defaults and validates them once; throws PerceptionConfigError. */
export function resolveSequencerLimits(overrides: Partial<SequencerLimits> = {}): SequencerLimits {
  const names = Object.keys(UPPER_BOUNDS) as (keyof SequencerLimits)[];
  const entries = names.map((name) => [name, checked(name, overrides[name])] as const);
  return Object.freeze(Object.fromEntries(entries) as unknown as SequencerLimits);
}

function checked(name: keyof SequencerLimits, override: number | undefined): number {
  const value = override ?? DEFAULT_SEQUENCER_LIMITS[name];
  const max = UPPER_BOUNDS[name];
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new PerceptionConfigError(
      name,
      `${name} must be an integer within 0..${max}, got ${String(value)}`,
    );
  }
  return value;
}
