// Enum values as the short lower-case words operators read ("validated", "closer_declined").
import { v1 } from '@warmline/contracts';

type EnumObject = Readonly<Record<string, number>>;

function nameOf(values: EnumObject, prefix: string, value: number | null | undefined): string {
  const entry = Object.entries(values).find(([, v]) => v === (value ?? 0));
  return entry ? entry[0].replace(prefix, '').toLowerCase() : `unknown(${value})`;
}

export const markerName = (kind?: number | null) =>
  nameOf(v1.MarkerKind as unknown as EnumObject, 'MARKER_KIND_', kind);
export const markerStatusName = (status?: number | null) =>
  nameOf(v1.MarkerStatus as unknown as EnumObject, 'MARKER_STATUS_', status);
export const outcomeName = (outcome?: number | null) =>
  nameOf(
    v1.EscalationOutcome as unknown as EnumObject,
    'ESCALATION_OUTCOME_',
    outcome,
  ).toUpperCase();
export const reasonName = (code?: number | null) =>
  nameOf(v1.DecisionReasonCode as unknown as EnumObject, 'DECISION_REASON_CODE_', code);
export const handoffStateName = (state?: number | null) =>
  nameOf(v1.HandoffState as unknown as EnumObject, 'HANDOFF_STATE_', state).toUpperCase();
export const failureReasonName = (reason?: number | null) =>
  nameOf(v1.HandoffFailureReason as unknown as EnumObject, 'HANDOFF_FAILURE_REASON_', reason);
export const transferModeName = (mode?: number | null) =>
  nameOf(v1.TransferMode as unknown as EnumObject, 'TRANSFER_MODE_', mode);
export const unavailableName = (reason?: number | null) =>
  nameOf(
    v1.AppointmentUnavailableReason as unknown as EnumObject,
    'APPOINTMENT_UNAVAILABLE_REASON_',
    reason,
  );
export const faultName = (fault?: number | null) =>
  nameOf(v1.SignalFault as unknown as EnumObject, 'SIGNAL_FAULT_', fault);
