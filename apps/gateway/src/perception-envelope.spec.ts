import { fromTimestamp, v1 } from '@warmline/contracts';
import { RequestInvalidError } from './api-errors.js';
import { jsonPathOf, perceptionEnvelope } from './perception-envelope.js';
import { PerceptionEventSchema, type PerceptionEventJson } from './perception-event.schema.js';

const AT = '2026-11-24T15:04:05.250Z';

function event(fields: object): PerceptionEventJson {
  return PerceptionEventSchema.parse({ eventId: 'ev-1', sequence: 4, occurredAt: AT, ...fields });
}

function refusal(run: () => unknown): RequestInvalidError {
  try {
    run();
  } catch (err) {
    if (err instanceof RequestInvalidError) return err;
    throw err;
  }
  throw new Error('expected a RequestInvalidError');
}

describe('perceptionEnvelope', () => {
  it('maps the JSON onto the envelope: ids, sequence, time, the source as correlation id, enum numbers', () => {
    const json = event({
      transcriptSegment: {
        segmentId: 's-1',
        speaker: 'BUYER',
        text: 'yes',
        isFinal: true,
        asrConfidence: 0.9,
      },
    });
    const envelope = perceptionEnvelope(json, 'call-1', 'livekit');
    expect(envelope).toMatchObject({
      eventId: 'ev-1',
      interactionId: 'call-1',
      sequence: 4,
      correlationId: 'livekit',
      perceptionEvent: {
        transcriptSegment: { segmentId: 's-1', speaker: v1.Speaker.SPEAKER_BUYER, isFinal: true },
      },
    });
    expect(fromTimestamp(envelope.occurredAt!)).toBe(Date.parse(AT));
  });

  it('takes full enum names as well as short forms, and an absent sequence as 0 (unsequenced)', () => {
    const { sequence: _sequence, ...unsequenced } = event({
      structuredAssertion: {
        markerKind: 'MARKER_KIND_TIMING_CONSENT',
        markerStatus: 'VALIDATED',
        confidence: 0.8,
      },
    });
    const envelope = perceptionEnvelope(unsequenced, 'call-1', 'vapi');
    expect(envelope.sequence).toBe(0);
    expect(envelope.perceptionEvent?.structuredAssertion).toMatchObject({
      markerKind: v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
      markerStatus: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
    });
  });

  it.each([
    [
      { transcriptSegment: { segmentId: 's-1', speaker: 'BUYER', text: ' ', isFinal: true } },
      'transcriptSegment.text',
      /^text must not be empty on a final segment/,
    ],
    [
      {
        callStarted: {
          campaignId: 'solar',
          buyerLanguage: 'en-US',
          timeZone: 'Mars/Base',
          direction: 'INBOUND',
        },
      },
      'callStarted.timeZone',
      /^timeZone must be an IANA time zone/,
    ],
    [
      { hangUp: { by: 'SYSTEM' }, interactionId: 'call-2' },
      'interactionId',
      /differs from the path/,
    ],
    [
      {
        transcriptSegment: {
          segmentId: 's-1',
          speaker: 'AGENT',
          text: 'hello',
          startOffsetMs: 2_000,
          endOffsetMs: 1_000,
        },
      },
      'transcriptSegment.endOffsetMs',
      /^endOffsetMs \(1000\) must be >= start_offset_ms \(2000\)/,
    ],
  ])('refuses %j naming %s', (fields, field, message) => {
    const error = refusal(() => perceptionEnvelope(event(fields), 'call-1', 'src'));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('prefixes the field with the position in a batch', () => {
    const json = event({ silence: { durationMs: 0 } });
    const error = refusal(() => perceptionEnvelope(json, 'call-1', 'src', 'events[7].'));
    expect(error).toMatchObject({
      status: 400,
      code: 'PERCEPTION_EVENT_INVALID',
      field: 'events[7].silence.durationMs',
    });
  });
});

describe('jsonPathOf', () => {
  it.each([
    ['perception_event.transcript_segment.asr_confidence', 'transcriptSegment.asrConfidence'],
    ['perception_event.structured_assertion.segment_ids[0]', 'structuredAssertion.segmentIds[0]'],
    ['event_id', 'eventId'],
    ['occurred_at', 'occurredAt'],
    ['perception_event.event', 'event'],
    ['body', 'event'],
  ])('%s -> %s', (wire, json) => {
    expect(jsonPathOf(wire)).toBe(json);
  });
});
