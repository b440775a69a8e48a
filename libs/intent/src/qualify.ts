// The qualification reducer: (state, context, signal) -> (state, context, change). Pure and
// deterministic: every timestamp comes from the signal's own time, so replaying the same ordered
// signals gives byte-identical states. A signal id seen before is ignored (at-least-once delivery).
import type { IIntentState, PerceptionCase } from '@warmline/contracts';
import { applyAssertion } from './assertion-evidence.js';
import { observeCadence, round4 } from './cadence.js';
import {
  noteAmdResult,
  noteCallEnded,
  noteSignalFaults,
  refreshCallHealth,
} from './call-health.js';
import { applyCallStarted } from './call-started.js';
import { contextFromState } from './context-from-state.js';
import { InteractionMismatchError } from './errors.js';
import type { IntentChange } from './intent-change.js';
import { draftOf, stateOf, type IntentDraft } from './intent-draft.js';
import { applyInterruption } from './interruption-cut.js';
import { MARKER_KIND_NAMES, markerKindOf } from './marker-kind.js';
import {
  CONTEXT_LIMITS,
  newQualificationContext,
  type QualificationContext,
} from './qualification-context.js';
import { DEFAULT_QUALIFICATION_RULES, type QualificationRules } from './qualification-rules.js';
import { keepNewest, type QualificationStep, type Writable } from './qualification-step.js';
import { decayFactor, readinessComponents, readinessScore } from './readiness.js';
import { checkedCase, type SignalEvent } from './signal-event.js';
import { applyTranscript } from './transcript-turn.js';

/** What qualify returns. */
export interface QualificationResult {
  /** The new version when `change` is set; otherwise the state passed in, unchanged (same object). */
  readonly state: IIntentState;
  /** Always store it: it may have changed even when the state did not. */
  readonly context: QualificationContext;
  /** Set when a new version must be written (compare-and-set on `previousVersion`) and announced. */
  readonly change: IntentChange | null;
}

/**
 * Applies one signal of an interaction to its intent state. `state` and `context` are `null` for
 * the first signal (the first signal of any kind creates version 1). A new version is made only
 * when something meaningful changed: a marker's status or evidence, an objection, the consent
 * window, the buyer's identity fields, the call's health (not its signal counters), or the
 * undecayed readiness combination by at least `rules.minReadinessChange` (decay alone never makes
 * a version here: see readinessAt / decayState). Throws SignalInvalidError / InteractionMismatchError for a
 * signal to dead-letter.
 */
export function qualify(
  state: IIntentState | null,
  context: QualificationContext | null,
  event: SignalEvent,
  rules: QualificationRules = DEFAULT_QUALIFICATION_RULES,
): QualificationResult {
  const kase = checkedCase(event);
  const { interactionId } = event;
  if (state !== null && (state.interactionId ?? '') !== interactionId) {
    throw new InteractionMismatchError(state.interactionId ?? '', interactionId, 'intent state');
  }
  if (context !== null && context.interactionId !== interactionId) {
    throw new InteractionMismatchError(
      context.interactionId,
      interactionId,
      'qualification context',
    );
  }
  const base =
    context ?? (state === null ? newQualificationContext(interactionId) : contextFromState(state));
  const signalId = event.signal.signalId as string;
  if (state !== null && base.seenSignalIds.includes(signalId))
    return { state, context: base, change: null };

  const step: QualificationStep = {
    event,
    atMs: event.occurredAtMs,
    rules,
    draft: draftOf(state, interactionId),
    context: structuredClone(base) as Writable<QualificationContext>,
    changedMarkers: new Set(),
    changedObjectionIds: new Set(),
  };
  step.context.ordinal += 1;
  step.context.seenSignalIds.push(signalId);
  keepNewest(step.context.seenSignalIds, CONTEXT_LIMITS.seenSignalIds);
  noteSignalFaults(step, kase);
  HANDLERS[kase](step);
  refreshCallHealth(step);

  const before = draftOf(state, interactionId);
  const score = scoreAt(step);
  if (state !== null && !meaningful(before, step.draft, score.undecayed, rules)) {
    return { state, context: step.context, change: null };
  }
  return { ...written(step, before, score), context: step.context };
}

const HANDLERS: Record<PerceptionCase, (step: QualificationStep) => void> = {
  callStarted: applyCallStarted,
  callAnswered: () => undefined,
  answeringMachineResult: noteAmdResult,
  transcriptSegment: applyTranscript,
  interruption: applyInterruption,
  silence: (step) => observeCadence(step, step.event.signal.perception?.silence?.durationMs ?? 0),
  callTimeout: noteCallEnded,
  hangUp: noteCallEnded,
  tokenLimitReached: () => undefined,
  promptDrift: () => undefined,
  structuredAssertion: applyAssertion,
};

function scoreAt(step: QualificationStep) {
  const components = readinessComponents(step.draft, step.context);
  const undecayed = readinessScore(components, step.rules.readiness);
  const since = step.draft.lastValidatingEvidenceAtMs;
  const factor =
    since === null
      ? 1
      : decayFactor(
          step.atMs - since,
          step.rules.halfLifeMs,
          components.resistance,
          step.rules.readiness.frictionDecay,
        );
  return { components, undecayed, score: round4(undecayed * factor) };
}

// Readiness counts when its combination moved, not when time alone wore it down: decay between
// signals is the governor's to compute (readinessAt), or the app's to publish (decayState).
function meaningful(
  before: IntentDraft,
  after: IntentDraft,
  undecayed: number,
  rules: QualificationRules,
): boolean {
  const previous = readinessScore(before.readiness.components, rules.readiness);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const identity = (d: IntentDraft) => [
    d.campaignId,
    d.buyerLanguage,
    d.buyerTimeZone,
    d.territory,
  ];
  const health = (d: IntentDraft) => ({ ...d.callHealth, signalCount: 0, faultedSignalCount: 0 });
  return (
    !same(identity(before), identity(after)) ||
    !same(before.markers, after.markers) ||
    !same(before.objections, after.objections) ||
    !same(before.consentWindow, after.consentWindow) ||
    !same(health(before), health(after)) ||
    Math.abs(undecayed - previous) >= rules.minReadinessChange
  );
}

function written(
  step: QualificationStep,
  before: IntentDraft,
  { components, score }: ReturnType<typeof scoreAt>,
): { state: IIntentState; change: IntentChange } {
  const { draft, atMs } = step;
  const peaked = draft.readiness.peakAtMs === null || score > draft.readiness.peakScore;
  draft.readiness = {
    score,
    peakScore: peaked ? score : draft.readiness.peakScore,
    peakAtMs: peaked ? atMs : draft.readiness.peakAtMs,
    components,
    decayedAtMs: atMs,
  };
  draft.version = before.version + 1;
  draft.updatedAtMs = Math.max(before.updatedAtMs ?? atMs, atMs);
  return {
    state: stateOf(draft),
    change: {
      previousVersion: before.version,
      version: draft.version,
      changedMarkers: MARKER_KIND_NAMES.filter((k) => step.changedMarkers.has(k)).map(markerKindOf),
      changedObjectionIds: [...step.changedObjectionIds],
      causeSignalId: step.event.signal.signalId as string,
    },
  };
}
