// Response cadence: how promptly the buyer answers the agent, and how long the silences are. Each
// reply latency or silence becomes an observation in 0..1 (prompt = 1, slow = 0, linear between),
// folded into a running average that starts neutral at 0.5.
import type { QualificationStep } from './qualification-step.js';

/** Folds a reply latency or silence of `durationMs` into the cadence average. */
export function observeCadence(step: QualificationStep, durationMs: number): void {
  const { promptReplyMs, slowReplyMs, smoothing } = step.rules.cadence;
  const observation = clamp01(1 - (durationMs - promptReplyMs) / (slowReplyMs - promptReplyMs));
  const cadence = step.context.cadence;
  cadence.score = round4(cadence.score + smoothing * (observation - cadence.score));
  cadence.observations += 1;
}

export function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Rounds to 4 decimals, so scores compare and serialise without float noise. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
