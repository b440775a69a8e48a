// The reducer's working copy of an IntentState: times in ms, every field present, markers in enum
// order. A state is read into a draft, changed, and written back in one canonical shape, so states
// decoded from protobuf (Long seconds, prototype defaults) and plain objects give identical output.
import {
  fromOptionalTimestamp,
  toTimestamp,
  v1,
  type IIntentState,
  type ITimestamp,
  type warmline,
} from '@warmline/contracts';
import type { ConsentWindow } from './consent-window.js';
import {
  MARKER_KIND_NAMES,
  markerKindName,
  markerKindOf,
  type MarkerKindName,
} from './marker-kind.js';

export interface EvidenceDraft {
  signalId: string;
  source: warmline.v1.EvidenceSource;
  quote: string;
  observedAtMs: number;
  segmentId: string;
  confidence: number;
}

export interface MarkerDraft {
  kind: MarkerKindName;
  status: warmline.v1.MarkerStatus;
  confidence: number;
  evidence: EvidenceDraft[];
  changedAtMs: number;
}

export interface ObjectionDraft {
  objectionId: string;
  topic: string;
  status: warmline.v1.ObjectionStatus;
  raisedEvidence: EvidenceDraft | null;
  resolutionEvidence: EvidenceDraft | null;
  resolution: string;
  raisedAtMs: number;
  resolvedAtMs: number | null;
}

export interface ReadinessComponents {
  scope: number;
  acceptance: number;
  cadence: number;
  resistance: number;
}

export interface ReadinessDraft {
  score: number;
  peakScore: number;
  peakAtMs: number | null;
  components: ReadinessComponents;
  decayedAtMs: number | null;
}

export interface CallHealthDraft {
  answeringMachine: boolean;
  amdUncertain: boolean;
  amdConfidence: number;
  recentFaults: warmline.v1.SignalFault[];
  callEnded: boolean;
  callEndedAtMs: number | null;
  signalCount: number;
  faultedSignalCount: number;
}

export interface IntentDraft {
  interactionId: string;
  version: number;
  updatedAtMs: number | null;
  campaignId: string;
  markers: MarkerDraft[];
  objections: ObjectionDraft[];
  readiness: ReadinessDraft;
  consentWindow: ConsentWindow | null;
  lastValidatingEvidenceAtMs: number | null;
  buyerLanguage: string;
  buyerTimeZone: string;
  territory: string;
  callHealth: CallHealthDraft;
}

/** The draft of `state`, or of an empty version-0 state of `interactionId` when there is none. */
export function draftOf(state: IIntentState | null, interactionId: string): IntentDraft {
  const readiness = state?.readiness;
  const health = state?.callHealth;
  const components = readiness?.components;
  return {
    interactionId: state?.interactionId || interactionId,
    version: state?.version ?? 0,
    updatedAtMs: fromOptionalTimestamp(state?.updatedAt) ?? null,
    campaignId: state?.campaignId ?? '',
    markers: markersOf(state),
    objections: (state?.objections ?? []).map((o) => ({
      objectionId: o.objectionId ?? '',
      topic: o.topic ?? '',
      status: o.status ?? v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
      raisedEvidence: o.raisedEvidence == null ? null : evidenceOf(o.raisedEvidence),
      resolutionEvidence: o.resolutionEvidence == null ? null : evidenceOf(o.resolutionEvidence),
      resolution: o.resolution ?? '',
      raisedAtMs: fromOptionalTimestamp(o.raisedAt) ?? 0,
      resolvedAtMs: fromOptionalTimestamp(o.resolvedAt) ?? null,
    })),
    readiness: {
      score: readiness?.score ?? 0,
      peakScore: readiness?.peakScore ?? 0,
      peakAtMs: fromOptionalTimestamp(readiness?.peakAt) ?? null,
      components: {
        scope: components?.scope ?? 0,
        acceptance: components?.acceptance ?? 0,
        cadence: components?.cadence ?? 0,
        resistance: components?.resistance ?? 0,
      },
      decayedAtMs: fromOptionalTimestamp(readiness?.decayedAt) ?? null,
    },
    consentWindow: windowOf(state?.consentWindow),
    lastValidatingEvidenceAtMs: fromOptionalTimestamp(state?.lastValidatingEvidenceAt) ?? null,
    buyerLanguage: state?.buyerLanguage ?? '',
    buyerTimeZone: state?.buyerTimeZone ?? '',
    territory: state?.territory ?? '',
    callHealth: {
      answeringMachine: health?.answeringMachine ?? false,
      amdUncertain: health?.amdUncertain ?? false,
      amdConfidence: health?.amdConfidence ?? 0,
      recentFaults: [...(health?.recentFaults ?? [])],
      callEnded: health?.callEnded ?? false,
      callEndedAtMs: fromOptionalTimestamp(health?.callEndedAt) ?? null,
      signalCount: health?.signalCount ?? 0,
      faultedSignalCount: health?.faultedSignalCount ?? 0,
    },
  };
}

/** The IntentState of a draft, in canonical form (unset optional messages omitted). */
export function stateOf(draft: IntentDraft): IIntentState {
  const r = draft.readiness;
  const h = draft.callHealth;
  return {
    interactionId: draft.interactionId,
    version: draft.version,
    ...optional('updatedAt', draft.updatedAtMs),
    campaignId: draft.campaignId,
    markers: draft.markers.map((m) => ({
      kind: markerKindOf(m.kind),
      status: m.status,
      confidence: m.confidence,
      evidence: m.evidence.map(evidenceMessage),
      changedAt: toTimestamp(m.changedAtMs),
    })),
    objections: draft.objections.map((o) => ({
      objectionId: o.objectionId,
      topic: o.topic,
      status: o.status,
      ...(o.raisedEvidence === null ? {} : { raisedEvidence: evidenceMessage(o.raisedEvidence) }),
      ...(o.resolutionEvidence === null
        ? {}
        : { resolutionEvidence: evidenceMessage(o.resolutionEvidence) }),
      resolution: o.resolution,
      raisedAt: toTimestamp(o.raisedAtMs),
      ...optional('resolvedAt', o.resolvedAtMs),
    })),
    readiness: {
      score: r.score,
      peakScore: r.peakScore,
      ...optional('peakAt', r.peakAtMs),
      components: { ...r.components },
      ...optional('decayedAt', r.decayedAtMs),
    },
    ...(draft.consentWindow === null
      ? {}
      : {
          consentWindow: {
            startAt: toTimestamp(draft.consentWindow.startAtMs),
            endAt: toTimestamp(draft.consentWindow.endAtMs),
            timeZone: draft.consentWindow.timeZone,
            sourceText: draft.consentWindow.sourceText,
          },
        }),
    ...optional('lastValidatingEvidenceAt', draft.lastValidatingEvidenceAtMs),
    buyerLanguage: draft.buyerLanguage,
    buyerTimeZone: draft.buyerTimeZone,
    territory: draft.territory,
    callHealth: {
      answeringMachine: h.answeringMachine,
      amdUncertain: h.amdUncertain,
      amdConfidence: h.amdConfidence,
      recentFaults: [...h.recentFaults],
      callEnded: h.callEnded,
      ...optional('callEndedAt', h.callEndedAtMs),
      signalCount: h.signalCount,
      faultedSignalCount: h.faultedSignalCount,
    },
  };
}

/** A deep copy (drafts are plain data). */
export function cloneDraft(draft: IntentDraft): IntentDraft {
  return structuredClone(draft);
}

/** The draft marker of `kind`, or `null` when the kind was never observed (ABSENT). */
export function draftMarker(draft: IntentDraft, kind: MarkerKindName): MarkerDraft | null {
  return draft.markers.find((m) => m.kind === kind) ?? null;
}

/** Adds a marker entry, keeping markers in enum order. */
export function addDraftMarker(draft: IntentDraft, marker: MarkerDraft): void {
  draft.markers.push(marker);
  draft.markers.sort(
    (a, b) => MARKER_KIND_NAMES.indexOf(a.kind) - MARKER_KIND_NAMES.indexOf(b.kind),
  );
}

function markersOf(state: IIntentState | null): MarkerDraft[] {
  const out: MarkerDraft[] = [];
  for (const m of state?.markers ?? []) {
    const kind = markerKindName(m.kind ?? 0);
    if (kind === null || out.some((known) => known.kind === kind)) continue;
    out.push({
      kind,
      status: m.status ?? v1.MarkerStatus.MARKER_STATUS_ABSENT,
      confidence: m.confidence ?? 0,
      evidence: (m.evidence ?? []).map(evidenceOf),
      changedAtMs: fromOptionalTimestamp(m.changedAt) ?? 0,
    });
  }
  return out.sort((a, b) => MARKER_KIND_NAMES.indexOf(a.kind) - MARKER_KIND_NAMES.indexOf(b.kind));
}

function evidenceOf(e: warmline.v1.IEvidence): EvidenceDraft {
  return {
    signalId: e.signalId ?? '',
    source: e.source ?? v1.EvidenceSource.EVIDENCE_SOURCE_UNSPECIFIED,
    quote: e.quote ?? '',
    observedAtMs: fromOptionalTimestamp(e.observedAt) ?? 0,
    segmentId: e.segmentId ?? '',
    confidence: e.confidence ?? 0,
  };
}

function evidenceMessage(e: EvidenceDraft): warmline.v1.IEvidence {
  return {
    signalId: e.signalId,
    source: e.source,
    quote: e.quote,
    observedAt: toTimestamp(e.observedAtMs),
    segmentId: e.segmentId,
    confidence: e.confidence,
  };
}

function windowOf(window: warmline.v1.IConsentWindow | null | undefined): ConsentWindow | null {
  const start = fromOptionalTimestamp(window?.startAt);
  const end = fromOptionalTimestamp(window?.endAt);
  if (window == null || start === undefined || end === undefined) return null;
  return {
    startAtMs: start,
    endAtMs: end,
    timeZone: window.timeZone ?? '',
    sourceText: window.sourceText ?? '',
  };
}

function optional<K extends string>(key: K, ms: number | null): { [P in K]?: ITimestamp } {
  return (ms === null ? {} : { [key]: toTimestamp(ms) }) as { [P in K]?: ITimestamp };
}
