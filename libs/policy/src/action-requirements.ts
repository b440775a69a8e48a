// What one action (live transfer or appointment) requires of an intent version: its markers
// VALIDATED on trustworthy evidence, readiness at its threshold, and for appointments that need one,
// a consent window that has not ended. Every unmet requirement is a reason.
import { fromOptionalTimestamp, v1, type IIntentState, type warmline } from '@warmline/contracts';
import { consentWindowOf } from './consent-window.js';
import { compared, reason, type DecisionReason } from './decision-reason.js';
import type { CampaignPolicy, SignalQualityPolicy } from './policy-schema.js';
import { actionLabel, markerKindOf, type EscalationAction, type MarkerName } from './vocabulary.js';

const Code = v1.DecisionReasonCode;
const Status = v1.MarkerStatus;

/** The requirements of `action` that `state` does not meet (empty when all are met). */
export function unmetRequirements(
  action: EscalationAction,
  policy: CampaignPolicy,
  state: IIntentState,
  readinessNow: number,
  nowMs: number,
): DecisionReason[] {
  const rules = requirementsOf(action, policy);
  const reasons = rules.requiredMarkers.flatMap((name) =>
    markerReasons(name, state, policy.signalQuality),
  );
  if (readinessNow < rules.readinessThreshold) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_READINESS_BELOW_THRESHOLD,
        `readiness ${compared(readinessNow, '<', rules.readinessThreshold)} (${actionLabel(action)})`,
      ),
    );
  }
  if (action === 'appointment' && policy.actions.appointment.requireConsentWindow) {
    reasons.push(...consentWindowReasons(state, nowMs));
  }
  return reasons;
}

/** "scope_confirmed, timing_consent validated; readiness 0.82 ≥ 0.70" for POLICY_SATISFIED details. */
export function satisfiedDetail(
  action: EscalationAction,
  policy: CampaignPolicy,
  readinessNow: number,
): string {
  const rules = requirementsOf(action, policy);
  return `${actionLabel(action)}: ${rules.requiredMarkers.join(', ')} validated; readiness ${compared(readinessNow, '≥', rules.readinessThreshold)}`;
}

/** The required markers and readiness threshold of an action. */
export function requirementsOf(
  action: EscalationAction,
  policy: CampaignPolicy,
): { readonly requiredMarkers: readonly MarkerName[]; readonly readinessThreshold: number } {
  return action === 'live_transfer' ? policy.actions.liveTransfer : policy.actions.appointment;
}

function markerReasons(
  name: MarkerName,
  state: IIntentState,
  quality: SignalQualityPolicy,
): DecisionReason[] {
  const kind = markerKindOf(name);
  const marker = (state.markers ?? []).find((candidate) => candidate.kind === kind);
  const notValidated = (detail: string) =>
    reason(Code.DECISION_REASON_CODE_MARKER_NOT_VALIDATED, detail, kind);
  switch (marker?.status) {
    case Status.MARKER_STATUS_VALIDATED: {
      const problem = evidenceProblem(marker.evidence ?? [], quality);
      return problem === null ? [] : [notValidated(`${name} ${problem}`)];
    }
    case Status.MARKER_STATUS_EXPLORATORY:
      return [notValidated(`${name} is exploratory`)];
    case Status.MARKER_STATUS_REVOKED:
      return [
        reason(Code.DECISION_REASON_CODE_MARKER_REVOKED, `${name} was revoked by the buyer`, kind),
      ];
    default:
      return [notValidated(`${name} is absent`)];
  }
}

// Qualification validates on evidence above its floors; the governor checks again with the policy's
// floors so that a VALIDATED marker built on weak evidence never escalates.
function evidenceProblem(
  evidence: readonly warmline.v1.IEvidence[],
  quality: SignalQualityPolicy,
): string | null {
  if (evidence.length === 0) return 'is validated without evidence';
  const margins = evidence.map((item) => {
    const floor = floorFor(item.source ?? v1.EvidenceSource.EVIDENCE_SOURCE_UNSPECIFIED, quality);
    return { confidence: item.confidence ?? 0, floor };
  });
  if (margins.some(({ confidence, floor }) => confidence >= floor)) return null;
  const best = margins.reduce((a, b) => (b.confidence - b.floor > a.confidence - a.floor ? b : a));
  return `evidence confidence ${compared(best.confidence, '<', best.floor)} (floor)`;
}

function floorFor(source: warmline.v1.EvidenceSource, quality: SignalQualityPolicy): number {
  switch (source) {
    case v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT:
      return quality.minAsrConfidence;
    case v1.EvidenceSource.EVIDENCE_SOURCE_ASSERTION:
      return quality.minAssertionConfidence;
    default:
      return Math.max(quality.minAsrConfidence, quality.minAssertionConfidence);
  }
}

function consentWindowReasons(state: IIntentState, nowMs: number): DecisionReason[] {
  const window = consentWindowOf(state);
  const missing = (detail: string) =>
    reason(Code.DECISION_REASON_CODE_CONSENT_WINDOW_MISSING, detail);
  if (window === null) {
    const given = fromOptionalTimestamp(state.consentWindow?.startAt) !== undefined;
    return [
      missing(
        given
          ? 'the consent window does not end after it starts'
          : 'the buyer gave no timing window',
      ),
    ];
  }
  if (window.endAtMs <= nowMs) {
    return [missing(`the consent window ended at ${new Date(window.endAtMs).toISOString()}`)];
  }
  return [];
}
