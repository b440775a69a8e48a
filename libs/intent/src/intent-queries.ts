// Reading an intent state the way the governor and the router's handoff brief need it.
import { v1, type IIntentMarker, type IIntentState, type warmline } from '@warmline/contracts';
import { toMarkerKind, type MarkerKindName } from './marker-kind.js';

/**
 * The marker of `kind` in `state`; a kind never observed is returned as an ABSENT marker with no
 * evidence (as intent.proto defines it), so callers need no null check.
 */
export function markerOf(
  state: IIntentState,
  kind: warmline.v1.MarkerKind | MarkerKindName,
): IIntentMarker {
  const wanted = toMarkerKind(kind);
  return (
    (state.markers ?? []).find((m) => m.kind === wanted) ?? {
      kind: wanted,
      status: v1.MarkerStatus.MARKER_STATUS_ABSENT,
      confidence: 0,
      evidence: [],
    }
  );
}

/** The VALIDATED markers of `state`, in enum order. */
export function validatedMarkers(state: IIntentState): IIntentMarker[] {
  return (state.markers ?? [])
    .filter((m) => m.status === v1.MarkerStatus.MARKER_STATUS_VALIDATED)
    .sort((a, b) => (a.kind ?? 0) - (b.kind ?? 0));
}

/** The objections of `state` still RAISED, oldest first. */
export function openObjections(state: IIntentState): warmline.v1.IObjection[] {
  return (state.objections ?? []).filter(
    (o) => o.status === v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
  );
}
