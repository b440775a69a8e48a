// When a context was lost but the intent state survived, a context is rebuilt from the state so
// that call health, open objections and what validates each marker carry on. Conversation memory
// (the agent's last question, cadence, recent segments) starts afresh.
import { fromOptionalTimestamp, v1, type IIntentState } from '@warmline/contracts';
import { markerKindName } from './marker-kind.js';
import { newQualificationContext, type QualificationContext } from './qualification-context.js';

/** A context consistent with `state`, for an interaction whose stored context is missing. */
export function contextFromState(state: IIntentState): QualificationContext {
  const fresh = newQualificationContext(state.interactionId ?? '');
  const health = state.callHealth ?? {};
  return {
    ...fresh,
    signalCount: health.signalCount ?? 0,
    faultedSignalCount: health.faultedSignalCount ?? 0,
    voicemail: health.answeringMachine ?? false,
    amdUncertain: health.amdUncertain ?? false,
    amd:
      (health.amdConfidence ?? 0) > 0 ? { result: 0, confidence: health.amdConfidence ?? 0 } : null,
    recentFaults: (health.recentFaults ?? []).length > 0 ? [[...(health.recentFaults ?? [])]] : [],
    recentFaultTimes:
      (health.recentFaults ?? []).length > 0 ? [fromOptionalTimestamp(state.updatedAt) ?? 0] : [],
    callEndedAtMs: health.callEnded ? (fromOptionalTimestamp(health.callEndedAt) ?? 0) : null,
    openObjections: (state.objections ?? [])
      .filter((o) => o.status === v1.ObjectionStatus.OBJECTION_STATUS_RAISED)
      .map((o) => ({ objectionId: o.objectionId ?? '', raisedOrdinal: 0 })),
    validations: (state.markers ?? []).flatMap((marker) => {
      const kind = markerKindName(marker.kind ?? 0);
      if (kind === null || marker.status !== v1.MarkerStatus.MARKER_STATUS_VALIDATED) return [];
      return (marker.evidence ?? []).map((e) => ({
        kind,
        signalId: e.signalId ?? '',
        segmentIds: e.segmentId ? [e.segmentId] : [],
      }));
    }),
  };
}
