import { decodeEnvelope, encodeEnvelope, v1, type warmline } from '@warmline/contracts';
import {
  amd,
  assertion,
  callStarted,
  envelope,
  interruption,
  segment,
  AmdResult,
  Speaker,
} from './__fixtures__/events.js';
import { PerceptionEventInvalidError, isPerceptionError } from './errors.js';
import { validatePerceptionEvent } from './event-validation.js';

type Envelope = warmline.v1.IEnvelope;

function refusal(env: Envelope): PerceptionEventInvalidError {
  try {
    validatePerceptionEvent(env);
  } catch (err) {
    if (err instanceof PerceptionEventInvalidError) return err;
    throw err;
  }
  throw new Error('expected the envelope to be refused');
}

const valid: [string, Envelope][] = [
  ['call started', envelope(1, callStarted())],
  ['call answered', envelope(1, { callAnswered: { ringDurationMs: 4_000 } })],
  ['AMD human', envelope(1, amd(AmdResult.AMD_RESULT_HUMAN, 0.9))],
  ['final buyer segment', envelope(1, segment())],
  ['empty partial agent segment', envelope(1, segment({ isFinal: false, text: '', speaker: 2 }))],
  ['interruption', envelope(1, interruption())],
  ['silence', envelope(1, { silence: { durationMs: 3_000, offsetMs: 20_000 } })],
  ['call timeout', envelope(1, { callTimeout: { elapsedMs: 600_000, limitMs: 600_000 } })],
  ['hang-up', envelope(1, { hangUp: { by: Speaker.SPEAKER_BUYER, reason: 'completed' } })],
  ['token limit', envelope(1, { tokenLimitReached: { tokensUsed: 128_000, limit: 128_000 } })],
  ['prompt drift', envelope(1, { promptDrift: { score: 0.3, description: 'off topic' } })],
  ['marker claim', envelope(1, assertion())],
  [
    'objection claim',
    envelope(
      1,
      assertion({
        markerKind: 0,
        markerStatus: 0,
        objectionTopic: 'price_too_high',
        objectionStatus: v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
        resolution: 'Financing covers it.',
      }),
    ),
  ],
];

describe('validatePerceptionEvent accepts', () => {
  it.each(valid)('a valid %s', (_name, env) => {
    expect(() => validatePerceptionEvent(env)).not.toThrow();
  });

  it.each(valid)('a decoded %s', (_name, env) => {
    expect(() => validatePerceptionEvent(decodeEnvelope(encodeEnvelope(env)))).not.toThrow();
  });
});

// [what is wrong, the envelope, the field named, the message]
const invalid: [string, Envelope, string, string | RegExp][] = [
  [
    'an event id that is not an id',
    envelope(1, segment(), { eventId: 'ev 1' }),
    'event_id',
    /^event_id must match/,
  ],
  [
    'a missing interaction id',
    envelope(1, segment(), { interactionId: '' }),
    'interaction_id',
    'interaction_id is missing',
  ],
  [
    'another body',
    { ...envelope(1, segment()), perceptionEvent: null, signal: { signalId: 's' } },
    'body',
    'body must be exactly perception_event, got signal',
  ],
  [
    'a negative sequence',
    envelope(-1, segment()),
    'sequence',
    'sequence must be a uint32 (0 for a source that cannot number its events), got -1',
  ],
  [
    'no occurred_at',
    { ...envelope(1, segment()), occurredAt: null },
    'occurred_at',
    'occurred_at is missing',
  ],
  [
    'occurred_at nanos out of range',
    { ...envelope(1, segment()), occurredAt: { seconds: 1_700_000_000, nanos: -1 } },
    'occurred_at',
    /nanos must be within 0\.\.999999999/,
  ],
  [
    'no event case',
    envelope(1, {}),
    'perception_event.event',
    'event must have exactly one case set (11 known), got none',
  ],
  [
    'two event cases',
    envelope(1, { ...segment(), silence: { durationMs: 5 } }),
    'perception_event.event',
    'event must have exactly one case set (11 known), got transcript_segment, silence',
  ],
  [
    'a wire type error',
    envelope(1, segment({ asrConfidence: '0.9' as unknown as number })),
    'perception_event.transcript_segment.asr_confidence',
    'perception_event.transcript_segment.asr_confidence: number expected',
  ],
  [
    'ASR confidence above 1',
    envelope(1, segment({ asrConfidence: 1.7 })),
    'perception_event.transcript_segment.asr_confidence',
    'asr_confidence must be within 0..1, got 1.7',
  ],
  [
    'ASR confidence NaN',
    envelope(1, segment({ asrConfidence: Number.NaN })),
    'perception_event.transcript_segment.asr_confidence',
    'asr_confidence must be within 0..1, got NaN',
  ],
  [
    'a system speaker on a transcript',
    envelope(1, segment({ speaker: Speaker.SPEAKER_SYSTEM })),
    'perception_event.transcript_segment.speaker',
    'speaker must be SPEAKER_BUYER or SPEAKER_AGENT, got SPEAKER_SYSTEM',
  ],
  [
    'an unspecified speaker',
    envelope(1, segment({ speaker: Speaker.SPEAKER_UNSPECIFIED })),
    'perception_event.transcript_segment.speaker',
    'speaker must be SPEAKER_BUYER or SPEAKER_AGENT, got SPEAKER_UNSPECIFIED',
  ],
  [
    'a segment id with a dot',
    envelope(1, segment({ segmentId: 'seg.1' })),
    'perception_event.transcript_segment.segment_id',
    'segment_id must match [A-Za-z0-9_-]{1,128}, got "seg.1"',
  ],
  [
    'a segment ending before it starts',
    envelope(1, segment({ startOffsetMs: 1_500, endOffsetMs: 1_200 })),
    'perception_event.transcript_segment.end_offset_ms',
    'end_offset_ms (1200) must be >= start_offset_ms (1500)',
  ],
  [
    'a negative offset in a plain object',
    envelope(1, segment({ startOffsetMs: -5, endOffsetMs: 10 })),
    'perception_event.transcript_segment.start_offset_ms',
    /start_offset_ms must be an integer within 0\.\.4294967295, got -5/,
  ],
  [
    'blank text on a final segment',
    envelope(1, segment({ text: '   ' })),
    'perception_event.transcript_segment.text',
    'text must not be empty on a final segment',
  ],
  [
    'a malformed segment language',
    envelope(1, segment({ language: 'en_US' })),
    'perception_event.transcript_segment.language',
    /language must be a BCP 47 language tag/,
  ],
  [
    'an unspecified AMD result',
    envelope(1, amd(AmdResult.AMD_RESULT_UNSPECIFIED, 0.9)),
    'perception_event.answering_machine_result.result',
    /^result must be AMD_RESULT_HUMAN or .* got AMD_RESULT_UNSPECIFIED$/,
  ],
  [
    'an AMD result this version does not know',
    envelope(1, amd(42 as warmline.v1.AmdResult, 0.9)),
    'perception_event.answering_machine_result.result',
    /got 42$/,
  ],
  [
    'AMD confidence below 0',
    envelope(1, amd(AmdResult.AMD_RESULT_HUMAN, -0.1)),
    'perception_event.answering_machine_result.confidence',
    'confidence must be within 0..1, got -0.1',
  ],
  [
    'an interruption without the cut segment',
    envelope(1, interruption({ interruptedSegmentId: '' })),
    'perception_event.interruption.interrupted_segment_id',
    'interrupted_segment_id is missing',
  ],
  [
    'an interruption by nobody',
    envelope(1, interruption({ by: Speaker.SPEAKER_UNSPECIFIED })),
    'perception_event.interruption.by',
    'by must be SPEAKER_BUYER or SPEAKER_AGENT or SPEAKER_SYSTEM, got SPEAKER_UNSPECIFIED',
  ],
  [
    'a silence of no length',
    envelope(1, { silence: { durationMs: 0 } }),
    'perception_event.silence.duration_ms',
    'duration_ms must be greater than 0, got 0',
  ],
  [
    'a call timeout without a limit',
    envelope(1, { callTimeout: { elapsedMs: 1_000, limitMs: 0 } }),
    'perception_event.call_timeout.limit_ms',
    'limit_ms must be greater than 0, got 0',
  ],
  [
    'a hang-up by nobody',
    envelope(1, { hangUp: { reason: 'completed' } }),
    'perception_event.hang_up.by',
    /^by must be .* got SPEAKER_UNSPECIFIED$/,
  ],
  [
    'a token limit of 0',
    envelope(1, { tokenLimitReached: { tokensUsed: 10, limit: 0 } }),
    'perception_event.token_limit_reached.limit',
    'limit must be greater than 0, got 0',
  ],
  [
    'a drift score above 1',
    envelope(1, { promptDrift: { score: 1.2 } }),
    'perception_event.prompt_drift.score',
    'score must be within 0..1, got 1.2',
  ],
  [
    'an assertion claiming nothing',
    envelope(1, assertion({ markerKind: 0, markerStatus: 0 })),
    'perception_event.structured_assertion',
    /^structured_assertion must claim a marker .* or an objection/,
  ],
  [
    'an assertion claiming a marker and an objection',
    envelope(1, assertion({ objectionTopic: 'price' })),
    'perception_event.structured_assertion',
    /not both$/,
  ],
  [
    'a marker claim without a status',
    envelope(1, assertion({ markerStatus: 0 })),
    'perception_event.structured_assertion.marker_status',
    /^marker_status must be MARKER_STATUS_ABSENT or .* got MARKER_STATUS_UNSPECIFIED$/,
  ],
  [
    'an objection topic in Title Case',
    envelope(
      1,
      assertion({
        markerKind: 0,
        markerStatus: 0,
        objectionTopic: 'Price Too High',
        objectionStatus: 1,
      }),
    ),
    'perception_event.structured_assertion.objection_topic',
    /^objection_topic must be lower_snake_case .* got "Price Too High"$/,
  ],
  [
    'an objection claim without a status',
    envelope(1, assertion({ markerKind: 0, markerStatus: 0, objectionTopic: 'price' })),
    'perception_event.structured_assertion.objection_status',
    /got OBJECTION_STATUS_UNSPECIFIED$/,
  ],
  [
    'an assertion confidence above 1',
    envelope(1, assertion({ confidence: 2 })),
    'perception_event.structured_assertion.confidence',
    'confidence must be within 0..1, got 2',
  ],
  [
    'an assertion citing a bad segment id',
    envelope(1, assertion({ segmentIds: ['seg-1', 'seg 2'] })),
    'perception_event.structured_assertion.segment_ids[1]',
    /^segment_ids\[1\] must match/,
  ],
  [
    'a call started in no time zone',
    envelope(1, callStarted({ timeZone: 'Mars/Olympus_Mons' })),
    'perception_event.call_started.time_zone',
    'time_zone must be an IANA time zone such as "America/Chicago", got "Mars/Olympus_Mons"',
  ],
];

describe('validatePerceptionEvent refuses', () => {
  it.each(invalid)('%s', (_what, env, field, message) => {
    const err = refusal(env);
    expect(err.code).toBe('PERCEPTION_EVENT_INVALID');
    expect(err.field).toBe(field);
    if (typeof message === 'string') expect(err.message).toBe(message);
    else expect(err.message).toMatch(message);
    expect(isPerceptionError(err)).toBe(true);
  });

  it('a decoded envelope whose wire bytes carry a second event case', () => {
    // Two oneof members on the wire decode as two own properties: still refused, not guessed.
    const decoded = decodeEnvelope(encodeEnvelope(envelope(1, segment())));
    (decoded.perceptionEvent as warmline.v1.IPerceptionEvent).silence = { durationMs: 5 };
    expect(refusal(decoded).field).toBe('perception_event.event');
  });

  it('something that is not an envelope', () => {
    expect(refusal(null as unknown as Envelope).field).toBe('envelope');
  });
});
