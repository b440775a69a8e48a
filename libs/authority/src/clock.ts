// Time is passed in, never read from a global inside the checks, so tests and the simulator can
// control it without fake timers.

/** Returns the current time in milliseconds since the Unix epoch (like `Date.now()`). */
export type Clock = () => number;

/** The wall clock of this process. */
export const systemClock: Clock = () => Date.now();

/** A clock that only moves when told to: for tests and simulations. */
export interface ManualClock extends Clock {
  /** Moves the clock to `ms` (may go backwards, to model a peer whose clock is behind). */
  set(ms: number): void;
  /** Moves the clock forward (or back, for a negative `ms`) by `ms` milliseconds. */
  advance(ms: number): void;
}

/** A ManualClock starting at `startMs`. */
export function manualClock(startMs: number): ManualClock {
  let current = requireFinite(startMs);
  const clock = (() => current) as ManualClock;
  clock.set = (ms) => {
    current = requireFinite(ms);
  };
  clock.advance = (ms) => {
    current = requireFinite(current + ms);
  };
  return clock;
}

function requireFinite(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`clock time must be finite, got ${ms}`);
  return ms;
}
