// One populated body per Envelope oneof case (and per case of the nested oneofs), so that together
// the fixtures set every field of every warmline.v1 message at least once (checked by the spec).
import { warmline } from '../generated/warmline.js';
import { at, brief, consentWindow, grant, intentState } from './intent.js';

const v1 = warmline.v1;

type Body = Omit<warmline.v1.IEnvelope, 'eventId' | 'interactionId' | 'sequence'>;

const perception = (event: warmline.v1.IPerceptionEvent): Body => ({ perceptionEvent: event });
const telephony = (command: Partial<warmline.v1.ITelephonyCommand>): Body => ({
  telephonyCommand: {
    commandId: 'cmd-1',
    idempotencyKey: 'h-1:1:dial',
    grantId: 'g-001',
    handoffId: 'h-1',
    ...command,
  },
});
const appointment = (event: warmline.v1.IAppointmentEvent): Body => ({ appointmentEvent: event });

const transcriptSegment: warmline.v1.ITranscriptSegment = {
  segmentId: 'seg-12',
  speaker: v1.Speaker.SPEAKER_BUYER,
  text: 'yes, the whole roof, that is what I need',
  isFinal: true,
  asrConfidence: 0.93,
  asrLatencyMs: 420,
  startOffsetMs: 58_000,
  endOffsetMs: 60_600,
  language: 'en-US',
  revision: 2,
};

export const BODIES: Record<string, Body> = {
  callStarted: perception({
    callStarted: {
      campaignId: 'solar-q4',
      buyerLanguage: 'en-US',
      timeZone: 'America/Chicago',
      territory: 'US-TX',
      direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
      leadId: 'lead-889',
      platform: 'livekit',
    },
  }),
  callAnswered: perception({ callAnswered: { ringDurationMs: 6_200 } }),
  answeringMachineResult: perception({
    answeringMachineResult: {
      result: v1.AmdResult.AMD_RESULT_MACHINE_END_BEEP,
      confidence: 0.88,
      detectionMs: 2_300,
    },
  }),
  transcriptSegment: perception({ transcriptSegment }),
  interruption: perception({
    interruption: {
      by: v1.Speaker.SPEAKER_BUYER,
      interruptedSegmentId: 'seg-11',
      offsetMs: 57_400,
      overlapMs: 650,
    },
  }),
  silence: perception({ silence: { durationMs: 4_500, offsetMs: 70_000 } }),
  callTimeout: perception({ callTimeout: { elapsedMs: 1_800_000, limitMs: 1_800_000 } }),
  hangUp: perception({
    hangUp: { by: v1.Speaker.SPEAKER_SYSTEM, reason: '487 Request Terminated' },
  }),
  tokenLimitReached: perception({
    tokenLimitReached: { tokensUsed: 128_000, limit: 128_000, model: 'gpt-4o' },
  }),
  promptDrift: perception({ promptDrift: { score: 0.62, description: 'quoted a price' } }),
  structuredAssertion: perception({
    structuredAssertion: {
      toolCallId: 'call_abc123',
      model: 'gpt-4o',
      markerKind: v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
      markerStatus: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
      objectionTopic: 'price',
      objectionStatus: v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
      buyerQuote: 'sure, let us talk to someone today',
      confidence: 0.77,
      segmentIds: ['seg-14', 'seg-15'],
      resolution: 'financing option covers the upfront cost',
    },
  }),
  signal: {
    signal: {
      signalId: 'sig-0007',
      sourceEventId: 'evt-0007',
      perception: { transcriptSegment },
      quality: {
        score: 0.71,
        asrConfidence: 0.93,
        lagMs: 420,
        overlapped: true,
        incomplete: true,
        fromVoicemail: true,
      },
      faults: [
        v1.SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH,
        v1.SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE,
      ],
      sourceSequence: 7,
    },
  },
  intentStateChanged: {
    intentStateChanged: {
      state: intentState,
      previousVersion: 6,
      changedMarkers: [v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED],
      changedObjectionIds: ['obj-1'],
      causeSignalId: 'sig-0007',
    },
  },
  escalationDecision: {
    escalationDecision: {
      decisionId: 'dec-001',
      interactionId: 'call-1',
      intentVersion: 7,
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      reasons: [
        {
          code: v1.DecisionReasonCode.DECISION_REASON_CODE_POLICY_SATISFIED,
          markerKind: v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
          detail: 'readiness 0.74 >= 0.70',
        },
      ],
      policyId: 'solar-default',
      policyVersion: 3,
      grant,
      state: v1.InteractionState.INTERACTION_STATE_AUTHORISED,
      decidedAt: at(96_100),
      previousState: v1.InteractionState.INTERACTION_STATE_READY,
      campaignId: 'solar-q4',
      readinessScore: 0.74,
    },
  },
  grantRevoked: {
    grantRevoked: {
      grantId: 'g-001',
      reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
      intentVersion: 8,
      detail: 'buyer withdrew escalation permission',
      revokedAt: at(99_000),
    },
  },
  handoffEvent: {
    handoffEvent: {
      handoffId: 'h-1',
      grantId: 'g-001',
      attempt: 2,
      mode: v1.TransferMode.TRANSFER_MODE_WARM,
      state: v1.HandoffState.HANDOFF_STATE_DECLINED,
      closerId: 'closer-7',
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_CLOSER_DECLINED,
      detail: 'closer pressed decline',
      brief,
      reservationId: 'res-2',
      legId: 'leg-2',
      fallbackAction: v1.FallbackAction.FALLBACK_ACTION_NEXT_CLOSER,
    },
  },
  reservationEvent: {
    reservationEvent: {
      reservationId: 'res-2',
      closerId: 'closer-7',
      state: v1.ReservationState.RESERVATION_STATE_PENDING,
      expiresAt: at(111_000),
      reason: 'awaiting desk',
      handoffId: 'h-1',
      attempt: 2,
      grantId: 'g-001',
      brief,
    },
  },
  reservationResponse: {
    reservationResponse: {
      reservationId: 'res-2',
      closerId: 'closer-7',
      accepted: true,
      reason: 'ready',
    },
  },
  dialCloser: telephony({
    dialCloser: { closerId: 'closer-7', address: '+15125550123', timeoutMs: 20_000 },
  }),
  whisperBrief: telephony({
    whisperBrief: { closerId: 'closer-7', text: 'Full roof, 12 months', brief, legId: 'leg-2' },
  }),
  bridge: telephony({ bridge: { legId: 'leg-2' } }),
  hold: telephony({ hold: {} }),
  cancel: telephony({ cancel: { legId: 'leg-2', reason: 'buyer hung up' } }),
  returnToAgent: telephony({
    returnToAgent: { message: 'Nobody is free right now; shall I book a time tomorrow?' },
  }),
  callProgress: {
    callProgress: {
      commandId: 'cmd-1',
      legId: 'leg-2',
      closerId: 'closer-7',
      state: v1.CallProgressState.CALL_PROGRESS_STATE_ANSWERED,
      detail: '200 OK',
      handoffId: 'h-1',
    },
  },
  closerPresence: {
    closerPresence: {
      closerId: 'closer-7',
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
      skills: ['solar', 'financing'],
      languages: ['en-US', 'es'],
      territories: ['US-TX', 'US-OK'],
      timeZone: 'America/Chicago',
      capacity: 1,
      workingHours: [{ weekday: 1, startMinute: 540, endMinute: 1020 }],
      reportedAt: at(1_000),
      displayName: 'Dana Closer',
      address: 'sip:dana@example.test',
    },
  },
  appointmentRequested: appointment({
    requested: {
      requestId: 'apr-1',
      grantId: 'g-002',
      window: consentWindow,
      durationMs: 1_800_000,
      skills: ['solar'],
      language: 'en-US',
      territory: 'US-TX',
      idempotencyKey: 'call-1:appointment',
      handoffId: 'h-1',
      fallbackReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      brief,
    },
  }),
  appointmentBooked: appointment({
    booked: {
      appointmentId: 'ap-1',
      closerId: 'closer-7',
      startAt: at(86_400_000),
      endAt: at(88_200_000),
      timeZone: 'America/Chicago',
      idempotencyKey: 'call-1:appointment',
      ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
      requestId: 'apr-1',
      grantId: 'g-002',
    },
  }),
  appointmentUnavailable: appointment({
    unavailable: {
      requestId: 'apr-1',
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
      detail: 'all closers booked tomorrow 9-11',
      nearestAlternatives: [
        { closerId: 'closer-7', startAt: at(93_600_000), endAt: at(95_400_000) },
      ],
      grantId: 'g-002',
    },
  }),
  appointmentRescheduled: appointment({
    rescheduled: {
      appointmentId: 'ap-1',
      closerId: 'closer-8',
      startAt: at(90_000_000),
      endAt: at(91_800_000),
      previousStartAt: at(86_400_000),
      ics: 'BEGIN:VCALENDAR\r\nSEQUENCE:1\r\nEND:VCALENDAR\r\n',
      reason: 'buyer asked for later',
    },
  }),
  appointmentCancelled: appointment({
    cancelled: {
      appointmentId: 'ap-1',
      reason: 'buyer cancelled',
      ics: 'BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n',
    },
  }),
  crmUpdate: appointment({
    crmUpdate: {
      outcome: v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_BOOKED,
      leadId: 'lead-889',
      appointmentId: 'ap-1',
      closerId: 'closer-7',
      startAt: at(86_400_000),
      brief,
      summary: 'Booked with Dana tomorrow 9:00 CT',
    },
  }),
  deadLetter: {
    deadLetter: {
      originalSubject: 'wl.signal.7.call-1',
      originalData: Uint8Array.from([0x0a, 0xff, 0x01]),
      originalHeaders: [
        { name: 'Nats-Msg-Id', value: 'evt-0007' },
        { name: 'traceparent', value: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      ],
      reason: v1.DeadLetterReason.DEAD_LETTER_REASON_DECODE_FAILED,
      errorMessage: 'bytes are not a warmline.v1.Envelope: index out of range',
      deliveryCount: 1,
      agent: 'qualification',
      consumer: 'qualification-signal-7',
      stream: 'WL_SIGNAL',
      streamSequence: 4_294_967_301,
      deadLetteredAt: at(62_000),
      errorCode: 'DECODE_FAILED',
    },
  },
  appointmentReschedule: {
    appointmentChangeRequest: {
      requestId: 'chg-1',
      appointmentId: 'apt-1',
      requestedBy: 'buyer',
      reschedule: { window: consentWindow, reason: 'buyer travels on Thursday' },
    },
  },
  appointmentCancel: {
    appointmentChangeRequest: {
      requestId: 'chg-2',
      appointmentId: 'apt-1',
      requestedBy: 'closer:c-17',
      cancel: { reason: 'buyer bought elsewhere' },
    },
  },
};
