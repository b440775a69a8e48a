// The span attribute names of Warmline's traces: the same in every agent, so one Jaeger search
// ("warmline.grant_id=…") finds every step a grant took. Part of the operators' contract.

/** Warmline's span attribute names. */
export const SPAN_ATTRIBUTES = {
  interactionId: 'warmline.interaction_id',
  eventId: 'warmline.event_id',
  intentVersion: 'warmline.intent_version',
  decision: 'warmline.decision',
  decisionReasons: 'warmline.decision.reasons',
  grantId: 'warmline.grant_id',
  closerId: 'warmline.closer_id',
  handoffId: 'warmline.handoff_id',
  transferState: 'warmline.transfer.state',
  failureReason: 'warmline.transfer.failure_reason',
  telephonyCommand: 'warmline.telephony.command',
  appointmentId: 'warmline.appointment_id',
} as const;
