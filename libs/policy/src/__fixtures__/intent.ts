// Builders for specs: a fully qualified buyer on a clean call, and small edits of it.
import { toTimestamp, v1, type IIntentState, type warmline } from '@warmline/contracts';
import { DEFAULT_POLICY } from '../default-policy.js';
import type { EscalationInput } from '../evaluate-escalation.js';
import { newInteractionRecord, type InteractionRecord } from '../interaction-record.js';
import type { ControlsSnapshot } from '../live-transfer-controls.js';
import { MARKER_NAMES, markerKindOf, type MarkerName } from '../vocabulary.js';

/** Monday 2 June 2025, 15:00 UTC. */
export const T0 = Date.UTC(2025, 5, 2, 15, 0, 0);
export const INTERACTION_ID = 'ix-1';
export const CAMPAIGN_ID = 'spring-promo';
export const HOUR_MS = 3_600_000;

const Status = v1.MarkerStatus;

export function evidence(
  confidence = 0.92,
  source: warmline.v1.EvidenceSource = v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
): warmline.v1.IEvidence {
  return { signalId: `sig-${confidence}`, source, quote: 'yes, exactly', confidence };
}

export function marker(
  name: MarkerName,
  status: warmline.v1.MarkerStatus = Status.MARKER_STATUS_VALIDATED,
  items: warmline.v1.IEvidence[] = [evidence()],
): warmline.v1.IIntentMarker {
  return {
    kind: markerKindOf(name),
    status,
    confidence: 0.9,
    evidence: items,
    changedAt: toTimestamp(T0 - 1_000),
  };
}

/** Every marker VALIDATED on confident transcript evidence, readiness 0.85, a consent window tomorrow. */
export function qualifiedState(overrides: IIntentState = {}): IIntentState {
  return {
    interactionId: INTERACTION_ID,
    version: 3,
    updatedAt: toTimestamp(T0),
    campaignId: CAMPAIGN_ID,
    markers: MARKER_NAMES.map((name) => marker(name)),
    objections: [],
    readiness: { score: 0.85, peakScore: 0.85, decayedAt: toTimestamp(T0) },
    lastValidatingEvidenceAt: toTimestamp(T0),
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

/** `state` with marker `name` replaced (or added). */
export function withMarker(
  state: IIntentState,
  name: MarkerName,
  status: warmline.v1.MarkerStatus,
  items?: warmline.v1.IEvidence[],
): IIntentState {
  const others = (state.markers ?? []).filter((item) => item.kind !== markerKindOf(name));
  return { ...state, markers: [...others, marker(name, status, items)] };
}

/** `state` without marker `name` (it is then ABSENT). */
export function withoutMarker(state: IIntentState, name: MarkerName): IIntentState {
  return {
    ...state,
    markers: (state.markers ?? []).filter((item) => item.kind !== markerKindOf(name)),
  };
}

export function withObjection(
  state: IIntentState,
  topic: string,
  status: warmline.v1.ObjectionStatus = v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
): IIntentState {
  const objection = { objectionId: `obj-${topic}`, topic, status, raisedAt: toTimestamp(T0) };
  return { ...state, objections: [...(state.objections ?? []), objection] };
}

export function withHealth(state: IIntentState, health: warmline.v1.ICallHealth): IIntentState {
  return { ...state, callHealth: { ...state.callHealth, ...health } };
}

export function record(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return { ...newInteractionRecord(INTERACTION_ID, CAMPAIGN_ID), ...overrides };
}

export function controls(overrides: Partial<ControlsSnapshot> = {}): ControlsSnapshot {
  return { escalationsInWindow: 0, availableClosers: 3, pendingTransfers: 0, ...overrides };
}

/** An evaluation of a qualified buyer half a second after the state was written. */
export function escalationInput(overrides: Partial<EscalationInput> = {}): EscalationInput {
  return {
    policy: DEFAULT_POLICY,
    state: qualifiedState(),
    readinessNow: 0.85,
    record: record({ phase: 'qualifying', latestIntentVersion: 2 }),
    controls: controls(),
    nowMs: T0 + 500,
    ...overrides,
  };
}
