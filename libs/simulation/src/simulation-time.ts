// Two clocks run in a simulation. Simulated time is the buyers' (conversations, patience, closer
// reaction times); it runs `timeScale` times faster than the wall clock, which the stack under test
// keeps. The simulator sleeps wall time and stamps envelopes with wall time.
import { SimulationInputError } from './errors.js';
import type { Rng } from './rng.js';
import type { Scenario } from './scenario-schema.js';

/** Wall-clock ms that `simulatedMs` take at `timeScale` (simulated ms per wall ms). */
export function toWallMs(simulatedMs: number, timeScale: number): number {
  checkScale(timeScale);
  return simulatedMs / timeScale;
}

/** Simulated ms that pass in `wallMs` at `timeScale`. */
export function toSimulatedMs(wallMs: number, timeScale: number): number {
  checkScale(timeScale);
  return wallMs * timeScale;
}

/**
 * When each call starts, wall ms after the run starts, ascending: Poisson arrivals at
 * arrivalRatePerSecond (exponential gaps), the first at 0. The simulator still holds a call back
 * while `concurrency` calls are in flight. Pass `Rng.seeded(scenario.seed, 'arrivals')`.
 */
export function arrivalOffsetsMs(scenario: Scenario, rng: Rng): number[] {
  const meanGapMs = 1000 / scenario.arrivalRatePerSecond;
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < scenario.calls; i++) {
    offsets.push(Math.round(at));
    at += rng.exponential(meanGapMs);
  }
  return offsets;
}

function checkScale(timeScale: number): void {
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
    throw new SimulationInputError(
      'timeScale',
      `timeScale must be a finite number > 0, got ${timeScale}`,
    );
  }
}
