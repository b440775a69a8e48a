// Readiness at decision time. Its definition — decay with time since the last validating evidence,
// faster under resistance — belongs to @warmline/intent, which computes it; the policy only supplies
// the campaign's half-life, so the governor and qualification can never disagree on it.
import type { IIntentState } from '@warmline/contracts';
import { readinessAt as decayedReadiness } from '@warmline/intent';
import type { CampaignPolicy } from './policy-schema.js';

/**
 * The readiness of `state` at `nowMs`, 0..1, decayed with the policy's half-life (see
 * @warmline/intent `readinessAt`). Pass the result as `readinessNow` to the evaluators.
 */
export function readinessAt(state: IIntentState, policy: CampaignPolicy, nowMs: number): number {
  return decayedReadiness(state, nowMs, policy.controls.readinessHalfLifeMs);
}
