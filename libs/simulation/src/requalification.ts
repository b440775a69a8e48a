// What a transfer costs the buyer after the bridge. A closer who was not told what the buyer already
// confirmed asks again: each of the four markers missing from the brief costs a quarter of a full
// re-qualification (90-240 s), and every second of it risks losing the buyer.
import { v1, type warmline } from '@warmline/contracts';
import type { Rng } from './rng.js';

/** A full re-qualification (all four markers re-asked) lasts this long, ms [min, max). */
export const FULL_REQUALIFICATION_MS = [90_000, 240_000] as const;

/**
 * The re-qualification length at which the buyer's chance of dropping off reaches 1 − 1/e (63 %);
 * the drop-off probability of r ms is 1 − exp(−r / REQUALIFICATION_TOLERANCE_MS).
 */
export const REQUALIFICATION_TOLERANCE_MS = 900_000;

const MARKER_KINDS = [
  v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
  v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
  v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
];

/** What re-qualification cost one bridged call. */
export interface RequalificationCost {
  /** Markers the closer had to ask about again (0..4). */
  readonly markersReasked: number;
  /** Extra closer-and-buyer time, ms (0 when nothing was re-asked). */
  readonly requalificationMs: number;
  /** The chance the buyer drops off during it, 0..1. */
  readonly dropOffProbability: number;
  /** Whether this buyer did drop off (drawn with dropOffProbability). */
  readonly dropsOff: boolean;
}

/**
 * The cost of connecting a buyer to a closer who got `brief` (null: no brief, as in a cold
 * transfer). Markers validated in the brief are not re-asked; for the m missing ones,
 * requalificationMs = m/4 × U(90 s, 240 s) and dropOffProbability = 1 − exp(−requalificationMs /
 * 900 s). A warm transfer whose brief lists all four costs nothing (and draws nothing).
 */
export function requalificationCost(
  brief: warmline.v1.IHandoffBrief | null,
  rng: Rng,
): RequalificationCost {
  const briefed = new Set((brief?.validatedMarkers ?? []).map((marker) => marker.kind ?? 0));
  const missing = MARKER_KINDS.filter((kind) => !briefed.has(kind)).length;
  if (missing === 0) {
    return { markersReasked: 0, requalificationMs: 0, dropOffProbability: 0, dropsOff: false };
  }
  const full = rng.between(FULL_REQUALIFICATION_MS[0], FULL_REQUALIFICATION_MS[1]);
  const requalificationMs = Math.round((full * missing) / MARKER_KINDS.length);
  const dropOffProbability = 1 - Math.exp(-requalificationMs / REQUALIFICATION_TOLERANCE_MS);
  return {
    markersReasked: missing,
    requalificationMs,
    dropOffProbability,
    dropsOff: rng.chance(dropOffProbability),
  };
}

/** The cost of a cold transfer: the closer re-asks everything (requalificationCost with no brief). */
export function coldTransferCost(rng: Rng): RequalificationCost {
  return requalificationCost(null, rng);
}
