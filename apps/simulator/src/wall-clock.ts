// The wall clock the simulator plays on: the stack under test keeps wall time, so every event is
// sent, and every delayed report fired, at a wall-clock instant. One small seam for timers.

/** Cancels a pending timer; calling it after the timer fired does nothing. */
export type CancelTimer = () => void;

/** Wall-clock time and timers. */
export interface WallClock {
  /** Epoch milliseconds now. */
  now(): number;
  /** Resolves at `atMs` (epoch ms), at once when that has passed. */
  sleepUntil(atMs: number): Promise<void>;
  /** Calls `run` at `atMs` (epoch ms); returns its cancel. */
  at(atMs: number, run: () => void): CancelTimer;
}

/** The system clock (Date.now and setTimeout). */
export const systemClock: WallClock = {
  now: () => Date.now(),
  sleepUntil(atMs) {
    const wait = atMs - Date.now();
    return wait <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
  },
  at(atMs, run) {
    const timer = setTimeout(run, Math.max(0, atMs - Date.now()));
    return () => clearTimeout(timer);
  },
};
