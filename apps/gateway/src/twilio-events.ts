// Maps one Twilio callback onto perception events. Twilio cannot number its callbacks per
// interaction the way perception needs, so every event goes out unsequenced (sequence 0: released on
// arrival, de-duplicated by event id), with an id derived from the CallSid and what it reports, so a
// retried callback repeats ids and is dropped.
//
//   callback                                  events (in this order)
//   CallStatus queued|initiated|ringing|in-progress, query has campaignId
//                                              CallStarted        twilio-<CallSid>-started
//   CallStatus in-progress                     CallAnswered       twilio-<CallSid>-answered
//   AnsweredBy set                             AnsweringMachineResult twilio-<CallSid>-amd-<AnsweredBy>
//   CallStatus completed|busy|no-answer|failed|canceled  HangUp   twilio-<CallSid>-hangup-<CallStatus>
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { RequestInvalidError } from './api-errors.js';
import { derivedEventId } from './derived-event-id.js';
import { assertPerceptionRules, type PerceptionEnvelope } from './perception-envelope.js';
import {
  TWILIO_FINAL_STATUSES,
  type TwilioCallbackForm,
  type TwilioCallbackQuery,
  type TwilioCallStatus,
} from './twilio-callback.schema.js';
import type { TwilioAnsweredBy, TwilioSettings } from './twilio-settings.js';

/** One received callback. */
export interface TwilioCallback {
  readonly interactionId: string;
  readonly form: TwilioCallbackForm;
  readonly query: TwilioCallbackQuery;
  /** API-key source (or "twilio" for a signed request), recorded as the correlation id. */
  readonly source: string;
  /** When the gateway received it; the event time when the form has no usable Timestamp. */
  readonly receivedAtMs: number;
}

const AMD_RESULTS: Readonly<Record<TwilioAnsweredBy, warmline.v1.AmdResult>> = {
  human: v1.AmdResult.AMD_RESULT_HUMAN,
  machine_start: v1.AmdResult.AMD_RESULT_MACHINE_START,
  machine_end_beep: v1.AmdResult.AMD_RESULT_MACHINE_END_BEEP,
  machine_end_silence: v1.AmdResult.AMD_RESULT_MACHINE_END_SILENCE,
  machine_end_other: v1.AmdResult.AMD_RESULT_MACHINE_END_OTHER,
  fax: v1.AmdResult.AMD_RESULT_FAX,
  unknown: v1.AmdResult.AMD_RESULT_UNKNOWN,
};

/** The perception envelopes of a callback, validated by perception's rules; may be empty. */
export function twilioEnvelopes(
  callback: TwilioCallback,
  settings: TwilioSettings,
): PerceptionEnvelope[] {
  const { form, query } = callback;
  const events: [string, warmline.v1.IPerceptionEvent][] = [];
  if (form.CallStatus !== undefined && opens(form.CallStatus) && query.campaignId !== undefined) {
    events.push(['started', { callStarted: callStartedOf(form, query, settings) }]);
  }
  if (form.CallStatus === 'in-progress') events.push(['answered', { callAnswered: {} }]);
  if (form.AnsweredBy !== undefined) {
    events.push([
      `amd-${form.AnsweredBy}`,
      {
        answeringMachineResult: {
          result: AMD_RESULTS[form.AnsweredBy],
          confidence: settings.amdConfidence[form.AnsweredBy],
          detectionMs: Number(form.MachineDetectionDuration ?? 0),
        },
      },
    ]);
  }
  if (form.CallStatus !== undefined && TWILIO_FINAL_STATUSES.includes(form.CallStatus)) {
    events.push([`hangup-${form.CallStatus}`, { hangUp: hangUpOf(form) }]);
  }
  const occurredAt = toTimestamp(eventTimeMs(form.Timestamp, callback.receivedAtMs));
  return events.map(([what, perceptionEvent]) => {
    const envelope: PerceptionEnvelope = {
      eventId: derivedEventId('twilio', form.CallSid, what),
      interactionId: callback.interactionId,
      sequence: 0,
      occurredAt,
      correlationId: callback.source,
      perceptionEvent,
    };
    assertPerceptionRules(envelope);
    return envelope;
  });
}

// Every opening callback repeats the CallStarted id, so the first one to arrive opens the interaction
// and JetStream's duplicate window drops the others; a final status, which may come long after,
// never opens one.
function opens(status: TwilioCallStatus): boolean {
  return !TWILIO_FINAL_STATUSES.includes(status);
}

/** Twilio's Timestamp (RFC 2822, e.g. "Mon, 16 Aug 2010 03:45:01 +0000"), else the receipt time. */
export function eventTimeMs(timestamp: string | undefined, receivedAtMs: number): number {
  const parsed = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : receivedAtMs;
}

function callStartedOf(
  form: TwilioCallbackForm,
  query: TwilioCallbackQuery,
  settings: TwilioSettings,
): warmline.v1.ICallStarted {
  const timeZone = query.timeZone ?? settings.timeZone;
  if (timeZone === null) {
    throw new RequestInvalidError(
      'timeZone is required to open the interaction: add ?timeZone=<IANA zone> to the callback URL or set WARMLINE_TWILIO_TIME_ZONE',
      'timeZone',
    );
  }
  return {
    campaignId: query.campaignId ?? '',
    buyerLanguage: query.buyerLanguage ?? settings.buyerLanguage,
    timeZone,
    direction: directionOf(form.Direction),
    platform: 'twilio',
    ...(query.territory === undefined ? {} : { territory: query.territory }),
    ...(query.leadId === undefined ? {} : { leadId: query.leadId }),
  };
}

// Twilio reports "inbound", "outbound-api" or "outbound-dial"; absent means a call Warmline placed.
function directionOf(direction: string | undefined): warmline.v1.CallDirection {
  if (direction === undefined || direction.startsWith('outbound')) {
    return v1.CallDirection.CALL_DIRECTION_OUTBOUND;
  }
  if (direction.startsWith('inbound')) return v1.CallDirection.CALL_DIRECTION_INBOUND;
  throw new RequestInvalidError(
    `Direction must be inbound, outbound-api or outbound-dial, got "${direction}"`,
    'Direction',
  );
}

// Twilio's status callback does not say who hung up, so the platform (SYSTEM) is named, unless a
// compatible platform sends HangupSource (caller / callee): the buyer is the callee of an outbound
// call and the caller of an inbound one.
function hangUpOf(form: TwilioCallbackForm): warmline.v1.IHangUp {
  const reason = form.SipResponseCode
    ? `${form.CallStatus} (SIP ${form.SipResponseCode})`
    : String(form.CallStatus);
  const inbound = form.Direction?.startsWith('inbound') ?? false;
  const buyerSide = inbound ? 'caller' : 'callee';
  const agentSide = inbound ? 'callee' : 'caller';
  const source = form.HangupSource?.toLowerCase();
  const by =
    source === buyerSide
      ? v1.Speaker.SPEAKER_BUYER
      : source === agentSide
        ? v1.Speaker.SPEAKER_AGENT
        : v1.Speaker.SPEAKER_SYSTEM;
  return { by, reason };
}
