// Builders for the governor's specs: a fully qualified buyer on a clean call and small edits of it,
// the step context, and grants "signed" without a key (the steps never verify what they carry).
import type { StepOutcome } from '@warmline/agent-runtime';
import { toTimestamp, v1, type IIntentState, type warmline } from '@warmline/contracts';
import { DEFAULT_POLICY, type GrantPlan } from '@warmline/policy';
import type { GovernedInteraction } from '../governed-interaction.js';
import type { IntentChange } from '../intent-change.js';
import {
  intentStep,
  type IntentDecided,
  type IntentStepContext,
  type SignedGrant,
} from '../intent-step.js';

/** Monday 2 June 2025, 15:00 UTC. */
export const T0 = Date.UTC(2025, 5, 2, 15, 0, 0);
export const INTERACTION_ID = 'ix-1';
export const HOUR_MS = 3_600_000;

export const ALL_MARKERS = [
  v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
  v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
  v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
];

export function marker(
  kind: warmline.v1.MarkerKind,
  status: warmline.v1.MarkerStatus = v1.MarkerStatus.MARKER_STATUS_VALIDATED,
): warmline.v1.IIntentMarker {
  return {
    kind,
    status,
    confidence: 0.9,
    evidence: [
      {
        signalId: `sig-${kind}`,
        source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
        quote: 'yes, exactly',
        confidence: 0.92,
      },
    ],
    changedAt: toTimestamp(T0 - 1_000),
  };
}

/** Every marker VALIDATED, readiness 0.85 at `atMs`, a consent window the next day. */
export function qualifiedState(
  version: number,
  overrides: IIntentState = {},
  atMs = T0,
): IIntentState {
  return {
    interactionId: INTERACTION_ID,
    version,
    updatedAt: toTimestamp(atMs),
    campaignId: 'spring-promo',
    markers: ALL_MARKERS.map((kind) => marker(kind)),
    objections: [],
    readiness: { score: 0.85, peakScore: 0.85, decayedAt: toTimestamp(atMs) },
    lastValidatingEvidenceAt: toTimestamp(atMs),
    consentWindow: {
      startAt: toTimestamp(T0 + 24 * HOUR_MS),
      endAt: toTimestamp(T0 + 26 * HOUR_MS),
      timeZone: 'America/Chicago',
      sourceText: 'tomorrow between 10 and noon',
    },
    callHealth: { signalCount: 12, faultedSignalCount: 0, recentFaults: [] },
    ...overrides,
  };
}

export function withObjection(state: IIntentState, topic: string): IIntentState {
  const objection = {
    objectionId: `obj-${topic}`,
    topic,
    status: v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
    raisedAt: toTimestamp(T0),
  };
  return { ...state, objections: [...(state.objections ?? []), objection] };
}

export function change(state: IIntentState): IntentChange {
  return { eventId: `intent-v${state.version}`, state };
}

export function context(overrides: Partial<IntentStepContext> = {}): IntentStepContext {
  return {
    policy: DEFAULT_POLICY,
    controls: { escalationsInWindow: 0, availableClosers: 3, pendingTransfers: 0 },
    nowMs: T0 + 500,
    decisionId: 'decision-1',
    signed: null,
    grantCheckIntervalMs: 1_000,
    ...overrides,
  };
}

/** A grant for `plan` as the signer would stamp it, with fixed bytes instead of a signature. */
export function signedFor(plan: GrantPlan, n: number, nowMs = T0 + 500): SignedGrant {
  return {
    plan,
    decisionId: `decision-${n}`,
    grant: { claims: new Uint8Array([n]), signature: new Uint8Array(64), keyId: 'AKEY' },
    claims: { grantId: `grant-${n}`, issuedAtMs: nowMs, expiresAtMs: nowMs + plan.ttlMs },
    team: 'default',
  };
}

/**
 * Runs the intent step as the use case does: once, and again with a signed grant when it asks for
 * one. Returns the committed outcome (or null for a duplicate).
 */
export function decideOn(
  current: GovernedInteraction | null,
  state: IIntentState,
  overrides: Partial<IntentStepContext> = {},
  grantNumber = 1,
): (StepOutcome<GovernedInteraction> & { readonly result: IntentDecided }) | null {
  const base = context(overrides);
  const first = intentStep(current, change(state), base);
  if (first.kind === 'duplicate') return null;
  if (first.kind === 'decided') return first.outcome;
  const signed = signedFor(first.plan, grantNumber, base.nowMs);
  const second = intentStep(current, change(state), { ...base, signed });
  if (second.kind !== 'decided') throw new Error(`expected a decision, got ${second.kind}`);
  return second.outcome;
}
