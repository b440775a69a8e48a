// Readiness decays while the buyer waits. A buyer's patience is a minimum plus an exponential extra
// (memoryless: every further second on hold is as likely to lose them as the last); the chance they
// have hung up after waiting w ms is the distribution function of that patience.
import { SimulationInputError } from './errors.js';
import { PERSONA_TRAITS } from './persona-traits.js';
import type { Rng } from './rng.js';
import type { Persona } from './vocabulary.js';

/**
 * The probability that a buyer of `persona` has hung up after waiting `waitMs`:
 * 0 while w ≤ min, else 1 − exp(−(w − min) / mean) (a step to 1 when mean = 0).
 */
export function abandonProbability(waitMs: number, persona: Persona): number {
  checkWait(waitMs);
  const { minPatienceMs: min, meanExtraPatienceMs: mean } = PERSONA_TRAITS[persona];
  if (waitMs <= min) return 0;
  if (mean === 0) return 1;
  return 1 - Math.exp(-(waitMs - min) / mean);
}

/**
 * How much of a buyer's readiness is left after waiting `waitMs`, 0..1: the chance they are still
 * on the line, 1 − abandonProbability(waitMs, persona).
 */
export function remainingReadiness(waitMs: number, persona: Persona): number {
  return 1 - abandonProbability(waitMs, persona);
}

/**
 * How long this buyer will wait on hold before hanging up, ms: min + Exp(mean). A buyer hangs up
 * when the wait since their decisive utterance exceeds it.
 */
export function patienceMs(persona: Persona, rng: Rng): number {
  const { minPatienceMs, meanExtraPatienceMs } = PERSONA_TRAITS[persona];
  return Math.round(minPatienceMs + rng.exponential(meanExtraPatienceMs));
}

function checkWait(waitMs: number): void {
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    throw new SimulationInputError('waitMs', `waitMs must be a finite number ≥ 0, got ${waitMs}`);
  }
}
