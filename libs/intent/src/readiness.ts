// Readiness: a combination of signals, never one indicator, that decays with time and friction.
//
//   scope       = value(scope_confirmed)
//   acceptance  = (value(next_step_accepted) + value(escalation_permission) + ½·value(timing_consent)) / 2.5
//   cadence     = running average of reply promptness (cadence.ts), 0.5 before any reply
//   resistance  = 1 − 0.7^open objections · 0.85^buyer interruptions · 0.8^refusals
//                 (interruptions and refusals counted over the buyer's last 10 turns)
//   value(m)    = 1 VALIDATED, 0.3 EXPLORATORY, 0 ABSENT or REVOKED
//
//   base  = (w.scope·scope + w.acceptance·acceptance + w.cadence·cadence) / (w.scope + w.acceptance + w.cadence)
//           × (1 − w.resistance·resistance)
//   score = base × 0.5^(elapsed / (halfLife × (1 − w.frictionDecay·resistance)))
//
// where elapsed runs from the last evidence that moved a marker to VALIDATED (no decay before the
// first). Since no weight may exceed half of the sum (qualificationRules checks), one indicator at
// its best and the others at zero scores at most 0.5.
import { fromOptionalTimestamp, v1, type IIntentState } from '@warmline/contracts';
import { clamp01, round4 } from './cadence.js';
import {
  draftMarker,
  draftOf,
  stateOf,
  type IntentDraft,
  type ReadinessComponents,
} from './intent-draft.js';
import type { IntentChange } from './intent-change.js';
import type { MarkerKindName } from './marker-kind.js';
import type { QualificationContext } from './qualification-context.js';
import { DEFAULT_QUALIFICATION_RULES, type ReadinessWeights } from './qualification-rules.js';

const { MarkerStatus, ObjectionStatus } = v1;

/** value(m) of the formula above. */
export const MARKER_VALUE = { validated: 1, exploratory: 0.3 } as const;

/** The readiness components of a draft with its context. */
export function readinessComponents(
  draft: IntentDraft,
  context: Pick<QualificationContext, 'cadence' | 'resistance'>,
): ReadinessComponents {
  const value = (kind: MarkerKindName) => {
    const status = draftMarker(draft, kind)?.status;
    if (status === MarkerStatus.MARKER_STATUS_VALIDATED) return MARKER_VALUE.validated;
    return status === MarkerStatus.MARKER_STATUS_EXPLORATORY ? MARKER_VALUE.exploratory : 0;
  };
  const open = draft.objections.filter(
    (o) => o.status === ObjectionStatus.OBJECTION_STATUS_RAISED,
  ).length;
  const interruptions = context.resistance.filter((e) => e === 'buyer_interruption').length;
  const refusals = context.resistance.filter((e) => e === 'negation').length;
  return {
    scope: value('scope_confirmed'),
    acceptance: round4(
      (value('next_step_accepted') +
        value('escalation_permission') +
        0.5 * value('timing_consent')) /
        2.5,
    ),
    cadence: round4(clamp01(context.cadence.score)),
    resistance: round4(1 - 0.7 ** open * 0.85 ** interruptions * 0.8 ** refusals),
  };
}

/** The undecayed score of `components` under `weights`, 0..1. */
export function readinessScore(components: ReadinessComponents, weights: ReadinessWeights): number {
  const total = weights.scope + weights.acceptance + weights.cadence;
  const positive =
    (weights.scope * clamp01(components.scope) +
      weights.acceptance * clamp01(components.acceptance) +
      weights.cadence * clamp01(components.cadence)) /
    total;
  return round4(clamp01(positive * (1 - weights.resistance * clamp01(components.resistance))));
}

/** The factor readiness keeps after `elapsedMs`: halves every half-life, faster under resistance. */
export function decayFactor(
  elapsedMs: number,
  halfLifeMs: number,
  resistance: number,
  frictionDecay: number = DEFAULT_QUALIFICATION_RULES.readiness.frictionDecay,
): number {
  if (!(elapsedMs > 0)) return 1;
  const effectiveHalfLife = halfLifeMs * (1 - frictionDecay * clamp01(resistance));
  return 0.5 ** (elapsedMs / effectiveHalfLife);
}

/**
 * The readiness of `state` at `nowMs`, 0..1, for the governor at decision time: the stored score
 * (computed at `readiness.decayed_at`) decayed further to `nowMs` with `halfLifeMs`, faster under
 * resistance (`frictionDecay`, as in the rules). No decay before the first validating evidence, or
 * for a `nowMs` earlier than `decayed_at`. Monotone non-increasing in `nowMs`.
 */
export function readinessAt(
  state: IIntentState,
  nowMs: number,
  halfLifeMs: number,
  frictionDecay: number = DEFAULT_QUALIFICATION_RULES.readiness.frictionDecay,
): number {
  const score = clamp01(state.readiness?.score ?? 0);
  const since =
    fromOptionalTimestamp(state.readiness?.decayedAt) ?? fromOptionalTimestamp(state.updatedAt);
  if (fromOptionalTimestamp(state.lastValidatingEvidenceAt) === undefined || since === undefined) {
    return score;
  }
  const resistance = state.readiness?.components?.resistance ?? 0;
  return clamp01(score * decayFactor(nowMs - since, halfLifeMs, resistance, frictionDecay));
}

/**
 * A new version of `state` with readiness decayed to `nowMs` (score and decayed_at updated, version
 * + 1, updated_at never moving backwards), and the change to announce (no cause signal).
 */
export function decayState(
  state: IIntentState,
  nowMs: number,
  halfLifeMs: number,
  frictionDecay: number = DEFAULT_QUALIFICATION_RULES.readiness.frictionDecay,
): { state: IIntentState; change: IntentChange } {
  const draft = draftOf(state, state.interactionId ?? '');
  const decayedAt = Math.max(nowMs, draft.readiness.decayedAtMs ?? nowMs);
  draft.readiness.score = round4(readinessAt(state, nowMs, halfLifeMs, frictionDecay));
  draft.readiness.decayedAtMs = decayedAt;
  draft.updatedAtMs = Math.max(draft.updatedAtMs ?? nowMs, nowMs);
  draft.version += 1;
  return {
    state: stateOf(draft),
    change: {
      previousVersion: draft.version - 1,
      version: draft.version,
      changedMarkers: [],
      changedObjectionIds: [],
      causeSignalId: '',
    },
  };
}
