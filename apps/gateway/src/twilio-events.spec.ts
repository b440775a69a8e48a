import fc from 'fast-check';
import { fromTimestamp, v1 } from '@warmline/contracts';
import {
  TWILIO_CALL_STATUSES,
  TwilioCallbackSchema,
  type TwilioCallbackQuery,
} from './twilio-callback.schema.js';
import { eventTimeMs, twilioEnvelopes } from './twilio-events.js';
import { readTwilioSettings, TWILIO_ANSWERED_BY } from './twilio-settings.js';

const SID = 'CA0123456789abcdef0123456789abcdef';
const RECEIVED = Date.UTC(2026, 10, 24, 15, 0, 9);
const settings = readTwilioSettings({ WARMLINE_TWILIO_TIME_ZONE: 'America/Chicago' });

function envelopes(form: Record<string, string>, query: TwilioCallbackQuery = {}, s = settings) {
  return twilioEnvelopes(
    {
      interactionId: 'call-1',
      form: TwilioCallbackSchema.parse({ CallSid: SID, ...form }),
      query,
      source: 'twilio',
      receivedAtMs: RECEIVED,
    },
    s,
  );
}

const cases = (list: ReturnType<typeof envelopes>) =>
  list.map((e) => [e.eventId, Object.keys(e.perceptionEvent ?? {})[0]]);

describe('twilioEnvelopes', () => {
  it('opens the interaction on an opening status when the query names the campaign', () => {
    const list = envelopes(
      { CallStatus: 'initiated', Direction: 'outbound-api' },
      { campaignId: 'solar', leadId: 'L-9' },
    );
    expect(cases(list)).toEqual([[`twilio-${SID}-started`, 'callStarted']]);
    expect(list[0]!.perceptionEvent?.callStarted).toEqual({
      campaignId: 'solar',
      buyerLanguage: 'en-US',
      timeZone: 'America/Chicago',
      direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
      platform: 'twilio',
      leadId: 'L-9',
    });
  });

  it('publishes nothing for an opening status without a campaign', () => {
    expect(envelopes({ CallStatus: 'ringing' })).toEqual([]);
  });

  it('turns an answered call with sync AMD into CallStarted, CallAnswered and AnsweringMachineResult', () => {
    const list = envelopes(
      {
        CallStatus: 'in-progress',
        AnsweredBy: 'machine_end_beep',
        MachineDetectionDuration: '4100',
        Direction: 'inbound',
      },
      { campaignId: 'solar', timeZone: 'Europe/Berlin', buyerLanguage: 'de-DE' },
    );
    expect(cases(list)).toEqual([
      [`twilio-${SID}-started`, 'callStarted'],
      [`twilio-${SID}-answered`, 'callAnswered'],
      [`twilio-${SID}-amd-machine_end_beep`, 'answeringMachineResult'],
    ]);
    expect(list[0]!.perceptionEvent?.callStarted).toMatchObject({
      timeZone: 'Europe/Berlin',
      buyerLanguage: 'de-DE',
      direction: v1.CallDirection.CALL_DIRECTION_INBOUND,
    });
    expect(list[2]!.perceptionEvent?.answeringMachineResult).toEqual({
      result: v1.AmdResult.AMD_RESULT_MACHINE_END_BEEP,
      confidence: 0.9,
      detectionMs: 4100,
    });
    expect(list.every((e) => e.sequence === 0 && e.correlationId === 'twilio')).toBe(true);
  });

  it.each([
    ['human', v1.AmdResult.AMD_RESULT_HUMAN, 0.9],
    ['fax', v1.AmdResult.AMD_RESULT_FAX, 0.9],
    ['unknown', v1.AmdResult.AMD_RESULT_UNKNOWN, 0.5],
  ])(
    'gives an async AMD callback %s its result and configured confidence',
    (answeredBy, result, confidence) => {
      const [amd, ...rest] = envelopes({ AnsweredBy: answeredBy });
      expect(rest).toEqual([]);
      expect(amd!.perceptionEvent?.answeringMachineResult).toMatchObject({ result, confidence });
    },
  );

  it('uses the configured confidence per AnsweredBy value', () => {
    const tuned = readTwilioSettings({ WARMLINE_TWILIO_AMD_CONFIDENCE: 'human:0.75' });
    const [amd] = envelopes({ AnsweredBy: 'human' }, {}, tuned);
    expect(amd!.perceptionEvent?.answeringMachineResult?.confidence).toBe(0.75);
  });

  it.each([
    [{ CallStatus: 'completed' }, v1.Speaker.SPEAKER_SYSTEM, 'completed'],
    [{ CallStatus: 'busy', SipResponseCode: '486' }, v1.Speaker.SPEAKER_SYSTEM, 'busy (SIP 486)'],
    [
      { CallStatus: 'completed', HangupSource: 'callee', Direction: 'outbound-api' },
      v1.Speaker.SPEAKER_BUYER,
      'completed',
    ],
    [
      { CallStatus: 'completed', HangupSource: 'caller', Direction: 'outbound-api' },
      v1.Speaker.SPEAKER_AGENT,
      'completed',
    ],
    [
      { CallStatus: 'completed', HangupSource: 'caller', Direction: 'inbound' },
      v1.Speaker.SPEAKER_BUYER,
      'completed',
    ],
  ])('ends the call on %j', (form, by, reason) => {
    const list = envelopes(form, { campaignId: 'solar' });
    expect(cases(list)).toEqual([[`twilio-${SID}-hangup-${form.CallStatus}`, 'hangUp']]);
    expect(list[0]!.perceptionEvent?.hangUp).toEqual({ by, reason });
  });

  it('needs a time zone to open an interaction, naming the query field', () => {
    const noZone = readTwilioSettings({});
    expect(() => envelopes({ CallStatus: 'queued' }, { campaignId: 'solar' }, noZone)).toThrow(
      expect.objectContaining({ status: 400, field: 'timeZone' }),
    );
  });

  it('refuses an unknown Direction and a bad query value through perception rules', () => {
    expect(() =>
      envelopes({ CallStatus: 'ringing', Direction: 'sideways' }, { campaignId: 'solar' }),
    ).toThrow(expect.objectContaining({ field: 'Direction' }));
    expect(() =>
      envelopes({ CallStatus: 'ringing' }, { campaignId: 'solar', timeZone: 'Nowhere/City' }),
    ).toThrow(
      expect.objectContaining({ code: 'PERCEPTION_EVENT_INVALID', field: 'callStarted.timeZone' }),
    );
  });

  it('dates events by Twilio Timestamp, or by receipt when it has none', () => {
    const [dated] = envelopes({
      AnsweredBy: 'human',
      Timestamp: 'Tue, 24 Nov 2026 15:00:05 +0000',
    });
    expect(fromTimestamp(dated!.occurredAt!)).toBe(Date.UTC(2026, 10, 24, 15, 0, 5));
    const [undated] = envelopes({ AnsweredBy: 'human' });
    expect(fromTimestamp(undated!.occurredAt!)).toBe(RECEIVED);
    expect(eventTimeMs('not a date', RECEIVED)).toBe(RECEIVED);
  });

  it('gives a retried callback exactly the same event ids, and valid events for every field combination', () => {
    const status = fc.option(fc.constantFrom(...TWILIO_CALL_STATUSES), { nil: undefined });
    const answeredBy = fc.option(fc.constantFrom(...TWILIO_ANSWERED_BY), { nil: undefined });
    fc.assert(
      fc.property(status, answeredBy, fc.boolean(), (CallStatus, AnsweredBy, withCampaign) => {
        fc.pre(CallStatus !== undefined || AnsweredBy !== undefined);
        const form = {
          ...(CallStatus ? { CallStatus } : {}),
          ...(AnsweredBy ? { AnsweredBy } : {}),
        };
        const query = withCampaign ? { campaignId: 'solar' } : {};
        const first = envelopes(form, query).map((e) => e.eventId);
        expect(envelopes(form, query).map((e) => e.eventId)).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
        expect(first.every((id) => id.startsWith(`twilio-${SID}-`))).toBe(true);
      }),
    );
  });
});
