// Marker kinds by name. Claims, phrase sets and configuration use the lower_snake names (as objection
// topics do); intent state uses the warmline.v1.MarkerKind enum. These two maps are the only bridge.
import { v1, type warmline } from '@warmline/contracts';

/** The four decision-weighted facts, named as in marker.proto without the MARKER_KIND_ prefix. */
export type MarkerKindName =
  | 'scope_confirmed'
  | 'timing_consent'
  | 'next_step_accepted'
  | 'escalation_permission';

/** Every marker kind name, in enum order (the order markers appear in IntentState). */
export const MARKER_KIND_NAMES: readonly MarkerKindName[] = [
  'scope_confirmed',
  'timing_consent',
  'next_step_accepted',
  'escalation_permission',
];

const ENUM_OF: Record<MarkerKindName, warmline.v1.MarkerKind> = {
  scope_confirmed: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
  timing_consent: v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
  next_step_accepted: v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  escalation_permission: v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
};

/** The enum value of a marker kind name. */
export function markerKindOf(name: MarkerKindName): warmline.v1.MarkerKind {
  return ENUM_OF[name];
}

/** The name of a marker kind enum value; `null` for UNSPECIFIED or an unknown number. */
export function markerKindName(kind: warmline.v1.MarkerKind): MarkerKindName | null {
  return MARKER_KIND_NAMES.find((name) => ENUM_OF[name] === kind) ?? null;
}

/** Accepts either spelling, as the state helpers do. */
export function toMarkerKind(
  kind: warmline.v1.MarkerKind | MarkerKindName,
): warmline.v1.MarkerKind {
  return typeof kind === 'string' ? ENUM_OF[kind] : kind;
}
