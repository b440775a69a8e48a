// A structured assertion from the voice agent's LLM (a tool call such as "buyer confirmed timing").
// It is evidence, weighed by the same gate as transcripts (see evidence-gate.ts): asserted
// VALIDATED is an affirmation, EXPLORATORY a hedge, REVOKED a withdrawal; ABSENT asserts nothing.
// A "resolved" objection the interaction never raised is ignored.
import { v1 } from '@warmline/contracts';
import type { Polarity } from './claims.js';
import { parseConsentWindow } from './consent-window.js';
import { assertionQuality } from './evidence-gate.js';
import type { EvidenceDraft } from './intent-draft.js';
import { markerKindName } from './marker-kind.js';
import { applyMarkerEvidence } from './marker-transition.js';
import { raiseObjection, resolveObjection } from './objection-ledger.js';
import { CONTEXT_LIMITS } from './qualification-context.js';
import { keepNewest, type QualificationStep } from './qualification-step.js';
import { normalisedTopic } from './signal-event.js';

const { MarkerStatus, ObjectionStatus } = v1;

const POLARITY_OF: Readonly<Record<number, Polarity>> = {
  [MarkerStatus.MARKER_STATUS_VALIDATED]: 'affirm',
  [MarkerStatus.MARKER_STATUS_EXPLORATORY]: 'hedge',
  [MarkerStatus.MARKER_STATUS_REVOKED]: 'negate',
};

/** Applies a StructuredAssertion signal (already checked by checkedCase). */
export function applyAssertion(step: QualificationStep): void {
  const assertion = step.event.signal.perception?.structuredAssertion ?? {};
  const quality = assertionQuality(step, assertion);
  if (!quality.usable) return;
  const segmentIds = [...(assertion.segmentIds ?? [])];
  const quote = (assertion.buyerQuote ?? '').trim();
  const evidence: EvidenceDraft = {
    signalId: step.event.signal.signalId ?? '',
    source: v1.EvidenceSource.EVIDENCE_SOURCE_ASSERTION,
    quote,
    observedAtMs: step.atMs,
    segmentId: segmentIds[0] ?? '',
    confidence: assertion.confidence ?? 0,
  };
  const kind = markerKindName(assertion.markerKind ?? 0);
  if (kind !== null) {
    const polarity = POLARITY_OF[assertion.markerStatus ?? 0];
    if (polarity === undefined) return;
    const zone = step.draft.buyerTimeZone || step.rules.defaultTimeZone;
    applyMarkerEvidence(step, {
      kind,
      polarity,
      evidence,
      validating: quality.validating,
      segmentIds,
      window:
        kind === 'timing_consent' && polarity === 'affirm'
          ? parseConsentWindow(quote, step.atMs, zone)
          : null,
    });
    if (polarity === 'negate') {
      step.context.resistance.push('negation');
      keepNewest(step.context.resistance, CONTEXT_LIMITS.resistanceTurns);
    }
    return;
  }
  const topic = normalisedTopic(assertion.objectionTopic ?? '') as string;
  if (assertion.objectionStatus === ObjectionStatus.OBJECTION_STATUS_RAISED) {
    raiseObjection(step, topic, evidence);
  } else if (
    assertion.objectionStatus === ObjectionStatus.OBJECTION_STATUS_RESOLVED &&
    quality.validating
  ) {
    const resolution = (assertion.resolution ?? '').trim() || `accepted: ${quote}`;
    resolveObjection(step, topic, evidence, resolution);
  }
}
