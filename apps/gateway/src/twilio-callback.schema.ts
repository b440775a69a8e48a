// The Twilio callbacks the gateway reads: call status callbacks (StatusCallback, form fields
// CallSid, CallStatus, Direction, Timestamp, …) and answering-machine detection results (sync in the
// status callback, or AsyncAmdStatusCallback with CallSid, AnsweredBy, MachineDetectionDuration).
// Twilio adds fields without notice, so unknown form fields are accepted and ignored.
import { z } from 'zod';
import { idField } from './json-fields.js';
import { TWILIO_ANSWERED_BY } from './twilio-settings.js';

/** Twilio's documented CallStatus values. */
export const TWILIO_CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;
export type TwilioCallStatus = (typeof TWILIO_CALL_STATUSES)[number];

/** Statuses that end a call. */
export const TWILIO_FINAL_STATUSES: readonly TwilioCallStatus[] = [
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
];

const formText = (description: string) => z.string().max(1_024).meta({ description }).optional();

/** The form fields of a Twilio status or AMD callback. */
export const TwilioCallbackSchema = z
  .looseObject({
    CallSid: z
      .string()
      .regex(/^[A-Za-z0-9]{1,64}$/, 'must be a Twilio call SID such as CA…')
      .meta({ description: 'The call (34 characters, starting CA)' }),
    CallStatus: z
      .enum(TWILIO_CALL_STATUSES)
      .meta({ description: 'Status callbacks: the status the call moved to' })
      .optional(),
    AnsweredBy: z
      .enum(TWILIO_ANSWERED_BY)
      .meta({ description: 'Answering-machine detection result (sync or async AMD)' })
      .optional(),
    MachineDetectionDuration: z
      .string()
      .regex(/^\d{1,9}$/, 'must be a whole number of milliseconds')
      .meta({ description: 'How long detection took, ms' })
      .optional(),
    Timestamp: formText('When the event fired, RFC 2822 UTC (receipt time when absent)'),
    Direction: formText('inbound, outbound-api or outbound-dial'),
    From: formText('Caller number'),
    To: formText('Called number'),
    CallDuration: formText('Seconds, on completed calls'),
    SipResponseCode: formText('SIP response code of a failed or ended call'),
    HangupSource: formText('Who hung up (caller, callee, system), where the platform reports it'),
    AccountSid: formText('The Twilio account'),
    CallbackSource: formText('"call-progress-events" on status callbacks'),
    SequenceNumber: formText("Twilio's order of status callbacks (not used: see the README)"),
  })
  .superRefine((form, ctx) => {
    if (form.CallStatus === undefined && form.AnsweredBy === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['CallStatus'],
        message: 'a callback needs CallStatus (status callback) or AnsweredBy (AMD callback)',
      });
    }
  })
  .meta({
    id: 'TwilioCallback',
    description: 'Twilio call status / answering-machine detection callback form fields.',
  });

export type TwilioCallbackForm = z.infer<typeof TwilioCallbackSchema>;

/**
 * What the callback URL's query tells about the buyer, for the CallStarted it opens. (No component
 * id: the OpenAPI document lists an inline query schema as one parameter per key.)
 */
export const TwilioCallbackQuerySchema = z.strictObject({
  campaignId: idField(
    'When given, opening status callbacks (queued, initiated, ringing, in-progress) also open the interaction with a CallStarted; repeats are duplicates',
  ).optional(),
  buyerLanguage: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 tag such as en-US')
    .meta({ description: 'Default: WARMLINE_TWILIO_BUYER_LANGUAGE (en-US)' })
    .optional(),
  timeZone: z
    .string()
    .max(64)
    .meta({ description: 'IANA zone of the buyer; default: WARMLINE_TWILIO_TIME_ZONE' })
    .optional(),
  territory: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be a territory code such as US-TX')
    .optional(),
  leadId: z.string().max(256).optional(),
});

export type TwilioCallbackQuery = z.infer<typeof TwilioCallbackQuerySchema>;
