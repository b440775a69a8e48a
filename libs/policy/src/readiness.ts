// Readiness decays while nothing new validates the buyer's intent: the score qualification computed
// at `decayed_at` halves every readinessHalfLifeMs until now.
import { fromOptionalTimestamp, type IIntentState } from '@warmline/contracts';
import type { CampaignPolicy } from './policy-schema.js';

/**
 * The readiness of `state` at `nowMs`, 0..1: its score decayed from `readiness.decayed_at` (else
 * `updated_at`) with the policy's half-life. Pass the result as `readinessNow` to the evaluators.
 */
export function readinessAt(state: IIntentState, policy: CampaignPolicy, nowMs: number): number {
  const score = clampScore(state.readiness?.score ?? 0);
  const since =
    fromOptionalTimestamp(state.readiness?.decayedAt) ?? fromOptionalTimestamp(state.updatedAt);
  if (since === undefined || !(nowMs > since)) return score;
  return clampScore(score * 0.5 ** ((nowMs - since) / policy.controls.readinessHalfLifeMs));
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}
