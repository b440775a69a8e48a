// How one piece of evidence moves a marker. The table (rows: current status):
//
//                 affirm, validating   affirm, weak     hedge           negate
//   ABSENT        VALIDATED            EXPLORATORY      EXPLORATORY     ABSENT (recorded)
//   EXPLORATORY   VALIDATED            EXPLORATORY      EXPLORATORY     ABSENT
//   VALIDATED     VALIDATED            VALIDATED        EXPLORATORY     REVOKED
//   REVOKED       VALIDATED            EXPLORATORY      EXPLORATORY     REVOKED
//
// A hedge about a validated marker is second thoughts about that very fact (the extractor only
// attributes a hedge to a marker it is about), so it drops the marker to EXPLORATORY rather than
// leaving a stale VALIDATED behind. A refusal of a tentative marker leaves nothing established:
// ABSENT, with the refusal kept as evidence. `evidence` lists what supports the current status: it
// restarts with the evidence that changed the status and grows while the status holds.
import { v1 } from '@warmline/contracts';
import type { Polarity } from './claims.js';
import type { ConsentWindow } from './consent-window.js';
import { CONTEXT_LIMITS } from './qualification-context.js';
import {
  addDraftMarker,
  draftMarker,
  type EvidenceDraft,
  type MarkerDraft,
} from './intent-draft.js';
import type { MarkerKindName } from './marker-kind.js';
import { keepNewest, type QualificationStep } from './qualification-step.js';

const { MarkerStatus } = v1;

/** Evidence kept per marker; the oldest is dropped first. */
export const EVIDENCE_PER_MARKER = 12;

/** One piece of evidence about one marker. */
export interface MarkerEvidence {
  readonly kind: MarkerKindName;
  readonly polarity: Polarity;
  readonly evidence: EvidenceDraft;
  /** Passed the quality gate (see evidence-gate.ts). */
  readonly validating: boolean;
  /** Segments the evidence rests on: an interruption cutting one of them retracts it. */
  readonly segmentIds: readonly string[];
  /** For timing consent: the window the buyer consented to, when they named one. */
  readonly window?: ConsentWindow | null;
}

/** Applies `input` to its marker, recording what changed on `step`. */
export function applyMarkerEvidence(step: QualificationStep, input: MarkerEvidence): void {
  const { draft, atMs } = step;
  let marker = draftMarker(draft, input.kind);
  if (marker === null) {
    marker = {
      kind: input.kind,
      status: MarkerStatus.MARKER_STATUS_ABSENT,
      confidence: 0,
      evidence: [],
      changedAtMs: atMs,
    };
    addDraftMarker(draft, marker);
  }
  // One signal makes at most one claim per marker: seeing its id again means it was applied before
  // (a state stored without its context, then the signal redelivered).
  if (marker.evidence.some((e) => e.signalId === input.evidence.signalId)) return;
  const before = marker.status;
  const after = nextStatus(before, input.polarity, input.validating);
  if (after !== before) {
    marker.status = after;
    marker.evidence = [input.evidence];
    marker.confidence = input.evidence.confidence;
    marker.changedAtMs = atMs;
    step.changedMarkers.add(input.kind);
  } else {
    marker.evidence.push(input.evidence);
    keepNewest(marker.evidence, EVIDENCE_PER_MARKER);
    marker.confidence = Math.max(...marker.evidence.map((e) => e.confidence));
  }
  recordValidation(step, marker, before, input);
}

/** The status after evidence of `polarity` (see the table above). */
export function nextStatus(status: number, polarity: Polarity, validating: boolean): number {
  const validated = status === MarkerStatus.MARKER_STATUS_VALIDATED;
  if (polarity === 'affirm') {
    if (validating || validated) return MarkerStatus.MARKER_STATUS_VALIDATED;
    return MarkerStatus.MARKER_STATUS_EXPLORATORY;
  }
  if (polarity === 'hedge') return MarkerStatus.MARKER_STATUS_EXPLORATORY;
  if (validated) return MarkerStatus.MARKER_STATUS_REVOKED;
  if (status === MarkerStatus.MARKER_STATUS_REVOKED) return MarkerStatus.MARKER_STATUS_REVOKED;
  return MarkerStatus.MARKER_STATUS_ABSENT;
}

/** Moves a VALIDATED marker back to EXPLORATORY because what validated it was cut off. */
export function retractMarker(step: QualificationStep, kind: MarkerKindName): void {
  const marker = draftMarker(step.draft, kind);
  if (marker === null || marker.status !== MarkerStatus.MARKER_STATUS_VALIDATED) return;
  marker.status = MarkerStatus.MARKER_STATUS_EXPLORATORY;
  marker.changedAtMs = step.atMs;
  step.changedMarkers.add(kind);
  leftValidated(step, kind);
}

// Keeps the context's list of validating evidence and the consent window in step with the marker.
function recordValidation(
  step: QualificationStep,
  marker: MarkerDraft,
  before: number,
  input: MarkerEvidence,
): void {
  const { context, draft } = step;
  const isValidated = marker.status === MarkerStatus.MARKER_STATUS_VALIDATED;
  if (!isValidated) {
    if (before === MarkerStatus.MARKER_STATUS_VALIDATED) leftValidated(step, marker.kind);
    return;
  }
  if (before !== MarkerStatus.MARKER_STATUS_VALIDATED) {
    context.validations = context.validations.filter((v) => v.kind !== marker.kind);
    draft.lastValidatingEvidenceAtMs = step.atMs;
  }
  if (!input.validating) return;
  context.validations.push({
    kind: marker.kind,
    signalId: input.evidence.signalId,
    segmentIds: [...input.segmentIds],
  });
  const mine = context.validations.filter((v) => v.kind === marker.kind);
  if (mine.length > CONTEXT_LIMITS.validationsPerMarker) {
    const drop = mine[0];
    context.validations = context.validations.filter((v) => v !== drop);
  }
  if (marker.kind === 'timing_consent' && input.window) draft.consentWindow = input.window;
}

function leftValidated(step: QualificationStep, kind: MarkerKindName): void {
  step.context.validations = step.context.validations.filter((v) => v.kind !== kind);
  // Consent given with a window is withdrawn with it.
  if (kind === 'timing_consent') step.draft.consentWindow = null;
}
