// Each intent version as a story step: which markers and objections stood, on what evidence.
import { fromOptionalTimestamp, type warmline } from '@warmline/contracts';
import { markerName, markerStatusName } from './names.js';
import type { StoryEntry } from './story-entry.js';

/** One entry per version, saying what changed since the version before. */
export function intentEntries(versions: readonly warmline.v1.IIntentState[]): StoryEntry[] {
  return versions.map((state, i) => {
    const previous = i > 0 ? versions[i - 1] : undefined;
    const changed = changedMarkers(previous, state);
    const readiness = (state.readiness?.score ?? 0).toFixed(2);
    const title =
      changed.length > 0
        ? `intent v${state.version}: ${changed.map((m) => `${markerName(m.kind)} ${markerStatusName(m.status)}`).join(', ')} (readiness ${readiness})`
        : `intent v${state.version} (readiness ${readiness})`;
    const details = [
      ...changed.flatMap((m) =>
        (m.evidence ?? []).map((e) => `${markerName(m.kind)}: "${e.quote ?? ''}" (${e.signalId})`),
      ),
      ...objectionLines(previous, state),
      ...(state.consentWindow && !previous?.consentWindow
        ? [
            `consent window: "${state.consentWindow.sourceText ?? ''}" (${state.consentWindow.timeZone})`,
          ]
        : []),
    ];
    return {
      at: fromOptionalTimestamp(state.updatedAt) ?? 0,
      kind: 'intent' as const,
      title,
      details,
      intentVersion: state.version ?? 0,
    };
  });
}

function changedMarkers(
  previous: warmline.v1.IIntentState | undefined,
  state: warmline.v1.IIntentState,
): warmline.v1.IIntentMarker[] {
  return (state.markers ?? []).filter((marker) => {
    const before = previous?.markers?.find((m) => m.kind === marker.kind);
    return before?.status !== marker.status;
  });
}

function objectionLines(
  previous: warmline.v1.IIntentState | undefined,
  state: warmline.v1.IIntentState,
): string[] {
  return (state.objections ?? []).flatMap((objection) => {
    const before = previous?.objections?.find((o) => o.objectionId === objection.objectionId);
    if (before?.status === objection.status) return [];
    return objection.resolution
      ? [`objection ${objection.topic} resolved: ${objection.resolution}`]
      : [`objection ${objection.topic} raised: "${objection.raisedEvidence?.quote ?? ''}"`];
  });
}
