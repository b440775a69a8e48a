// Conditions that hold every escalation, whatever the action: nothing said to a voicemail is buyer
// intent, degraded signals cannot be trusted, and a withdrawn marker or an open objection means the
// buyer is not ready. Each yields a reason; none can ever lead to a grant.
import { v1, type IIntentState, type warmline } from '@warmline/contracts';
import { compared, reason, type DecisionReason } from './decision-reason.js';
import type { CampaignPolicy } from './policy-schema.js';
import { markerNameOf, signalFaultNameOf, signalFaultOf } from './vocabulary.js';

const Code = v1.DecisionReasonCode;
const Fault = v1.SignalFault;

/** Every hold condition present in `state` under `policy`, as reasons (empty when none). */
export function holdReasons(state: IIntentState, policy: CampaignPolicy): DecisionReason[] {
  return [
    ...voicemailReasons(state, policy),
    ...degradedSignalReasons(state, policy),
    ...revokedMarkerReasons(state),
    ...openObjectionReasons(state),
  ];
}

function voicemailReasons(state: IIntentState, policy: CampaignPolicy): DecisionReason[] {
  const health = state.callHealth ?? {};
  const faults = health.recentFaults ?? [];
  const details: string[] = [];
  if (health.answeringMachine || faults.includes(Fault.SIGNAL_FAULT_ANSWERING_MACHINE)) {
    details.push('an answering machine answered the call');
  }
  if (health.amdUncertain || faults.includes(Fault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE)) {
    details.push('answering-machine detection is uncertain');
  }
  // amd_confidence 0 means no detection result arrived (not every platform runs one).
  const confidence = health.amdConfidence ?? 0;
  const floor = policy.signalQuality.minAmdConfidence;
  if (confidence > 0 && confidence < floor) {
    details.push(`answering-machine detection confidence ${compared(confidence, '<', floor)}`);
  }
  return details.map((detail) => reason(Code.DECISION_REASON_CODE_VOICEMAIL, detail));
}

function degradedSignalReasons(state: IIntentState, policy: CampaignPolicy): DecisionReason[] {
  const health = state.callHealth ?? {};
  const quality = policy.signalQuality;
  const holding = new Set(quality.holdOnFaults.map(signalFaultOf));
  const faults = [...new Set(health.recentFaults ?? [])].filter((fault) => holding.has(fault));
  const reasons: DecisionReason[] = [];
  if (faults.length > 0) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_SIGNAL_DEGRADED,
        `recent signal faults: ${faults.map(faultName).join(', ')}`,
      ),
    );
  }
  const seen = health.signalCount ?? 0;
  const faulted = health.faultedSignalCount ?? 0;
  if (seen >= quality.minSignalsForFaultRatio && faulted / seen > quality.maxFaultRatio) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_SIGNAL_DEGRADED,
        `${faulted} of ${seen} signals faulted (${compared(faulted / seen, '>', quality.maxFaultRatio)})`,
      ),
    );
  }
  return reasons;
}

function revokedMarkerReasons(state: IIntentState): DecisionReason[] {
  return (state.markers ?? [])
    .filter((marker) => marker.status === v1.MarkerStatus.MARKER_STATUS_REVOKED)
    .map((marker) => {
      const kind = marker.kind ?? v1.MarkerKind.MARKER_KIND_UNSPECIFIED;
      return reason(
        Code.DECISION_REASON_CODE_MARKER_REVOKED,
        `${markerNameOf(kind) ?? `marker ${kind}`} was revoked by the buyer`,
        kind,
      );
    });
}

function openObjectionReasons(state: IIntentState): DecisionReason[] {
  return (state.objections ?? [])
    .filter((objection) => objection.status === v1.ObjectionStatus.OBJECTION_STATUS_RAISED)
    .map((objection) =>
      reason(
        Code.DECISION_REASON_CODE_OBJECTION_UNRESOLVED,
        `objection "${objection.topic || objection.objectionId || '?'}" is unresolved`,
      ),
    );
}

function faultName(fault: warmline.v1.SignalFault): string {
  return signalFaultNameOf(fault) ?? `fault ${fault}`;
}
