// What a published envelope says about the handoff, as span attributes: the decision and its grant,
// the transfer state with its typed failure reason, the closer, the telephony command, the booking.
// Set on the publish span and on the span of the message being handled, so every agent's trace
// shows them without each agent repeating it.
import type { Attributes } from '@opentelemetry/api';
import { SPAN_ATTRIBUTES as A, v1, type warmline } from '@warmline/contracts';

/** The attributes of one envelope (empty values are left out). */
export function envelopeAttributes(envelope: warmline.v1.IEnvelope): Attributes {
  const attributes: Attributes = {
    [A.interactionId]: envelope.interactionId ?? '',
    [A.eventId]: envelope.eventId ?? '',
  };
  if (envelope.intentVersion) attributes[A.intentVersion] = envelope.intentVersion;
  const decision = envelope.escalationDecision;
  if (decision) {
    attributes[A.decision] = name(v1.EscalationOutcome, decision.outcome, 'ESCALATION_OUTCOME_');
    attributes[A.decisionReasons] = (decision.reasons ?? [])
      .map((r) => name(v1.DecisionReasonCode, r.code, 'DECISION_REASON_CODE_'))
      .join(',');
    const grantId = grantIdOf(envelope.authority?.grant ?? decision.grant);
    if (grantId) attributes[A.grantId] = grantId;
  }
  if (envelope.grantRevoked?.grantId) attributes[A.grantId] = envelope.grantRevoked.grantId;
  const handoff = envelope.handoffEvent;
  if (handoff) {
    attributes[A.handoffId] = handoff.handoffId ?? '';
    attributes[A.transferState] = name(v1.HandoffState, handoff.state, 'HANDOFF_STATE_');
    if (handoff.grantId) attributes[A.grantId] = handoff.grantId;
    if (handoff.closerId) attributes[A.closerId] = handoff.closerId;
    if (handoff.failureReason) {
      attributes[A.failureReason] = name(
        v1.HandoffFailureReason,
        handoff.failureReason,
        'HANDOFF_FAILURE_REASON_',
      );
    }
  }
  const reservation = envelope.reservationEvent;
  if (reservation?.closerId) attributes[A.closerId] = reservation.closerId;
  const command = envelope.telephonyCommand;
  if (command) {
    attributes[A.telephonyCommand] = commandCase(command);
    if (command.grantId) attributes[A.grantId] = command.grantId;
    if (command.handoffId) attributes[A.handoffId] = command.handoffId;
    const closer = command.dialCloser?.closerId ?? command.whisperBrief?.closerId;
    if (closer) attributes[A.closerId] = closer;
  }
  const booked = envelope.appointmentEvent?.booked;
  if (booked) {
    attributes[A.appointmentId] = booked.appointmentId ?? '';
    if (booked.grantId) attributes[A.grantId] = booked.grantId;
    if (booked.closerId) attributes[A.closerId] = booked.closerId;
  }
  return attributes;
}

function name(values: object, value: number | null | undefined, prefix: string): string {
  const entry = Object.entries(values).find(([, v]) => v === (value ?? 0));
  return entry ? entry[0].replace(prefix, '') : String(value ?? 0);
}

function grantIdOf(grant: warmline.v1.IAuthorityGrant | null | undefined): string | null {
  if (!grant?.claims || grant.claims.length === 0) return null;
  try {
    return v1.GrantClaims.decode(grant.claims).grantId || null;
  } catch {
    return null;
  }
}

function commandCase(command: warmline.v1.ITelephonyCommand): string {
  const cases = [
    'dialCloser',
    'whisperBrief',
    'bridge',
    'hold',
    'cancel',
    'returnToAgent',
  ] as const;
  return cases.find((c) => command[c] != null) ?? '';
}
