// fast-check generators of valid perception event streams for one interaction.
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import fc from 'fast-check';
import { INTERACTION, T0, callStarted } from './events.js';

const SEGMENT_IDS = ['s1', 's2', 's3', 's4', 's5'];
const segmentId = fc.constantFrom(...SEGMENT_IDS);
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const talker = fc.constantFrom(v1.Speaker.SPEAKER_BUYER, v1.Speaker.SPEAKER_AGENT);
const party = fc.constantFrom(
  v1.Speaker.SPEAKER_BUYER,
  v1.Speaker.SPEAKER_AGENT,
  v1.Speaker.SPEAKER_SYSTEM,
);
const text = fc.constantFrom(
  'Yes, that works for us.',
  'Maybe, I need to think.',
  "You've reached Sam, leave a message after the beep.",
  'What does it cost?',
  'Sure, put me through to someone.',
);

const transcriptSegment = fc
  .record({
    segmentId,
    speaker: talker,
    text,
    isFinal: fc.boolean(),
    asrConfidence: unit,
    asrLatencyMs: fc.integer({ min: 0, max: 3_000 }),
    startOffsetMs: fc.integer({ min: 0, max: 60_000 }),
    lengthMs: fc.integer({ min: 0, max: 5_000 }),
    revision: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ lengthMs, ...segment }) => ({
    transcriptSegment: { ...segment, endOffsetMs: segment.startOffsetMs + lengthMs },
  }));

const interruption = fc.record({
  interruption: fc.record({
    by: party,
    interruptedSegmentId: segmentId,
    offsetMs: fc.integer({ min: 0, max: 65_000 }),
    overlapMs: fc.integer({ min: 0, max: 1_000 }),
  }),
});

const answeringMachineResult = fc.record({
  answeringMachineResult: fc.record({
    result: fc.integer({ min: 1, max: 7 }),
    confidence: unit,
    detectionMs: fc.integer({ min: 0, max: 5_000 }),
  }),
});

const assertion = fc.record({
  structuredAssertion: fc.record({
    toolCallId: fc.constant('call_1'),
    markerKind: fc.integer({ min: 1, max: 4 }),
    markerStatus: fc.integer({ min: 1, max: 4 }),
    confidence: unit,
    segmentIds: fc.subarray(SEGMENT_IDS),
  }),
});

/** Any valid PerceptionEvent, weighted towards transcripts and interruptions. */
export const perceptionEvent: fc.Arbitrary<warmline.v1.IPerceptionEvent> = fc.oneof(
  { weight: 6, arbitrary: transcriptSegment },
  { weight: 2, arbitrary: interruption },
  { weight: 1, arbitrary: answeringMachineResult },
  { weight: 1, arbitrary: assertion },
  { weight: 1, arbitrary: fc.constant(callStarted()) },
  { weight: 1, arbitrary: fc.constant({ callAnswered: { ringDurationMs: 3_000 } }) },
  {
    weight: 1,
    arbitrary: fc.record({
      silence: fc.record({ durationMs: fc.integer({ min: 1, max: 20_000 }) }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ promptDrift: fc.record({ score: unit }) }) },
  { weight: 1, arbitrary: fc.constant({ tokenLimitReached: { tokensUsed: 9, limit: 9 } }) },
  { weight: 1, arbitrary: fc.constant({ callTimeout: { elapsedMs: 9, limitMs: 9 } }) },
  { weight: 1, arbitrary: fc.constant({ hangUp: { by: v1.Speaker.SPEAKER_BUYER } }) },
);

/** A stream of valid envelopes with sequences 1..n; facts occur 0..2 s apart. */
export const envelopeStream = (maxLength: number): fc.Arbitrary<warmline.v1.IEnvelope[]> =>
  fc
    .array(fc.tuple(perceptionEvent, fc.integer({ min: 0, max: 2_000 })), {
      minLength: 1,
      maxLength,
    })
    .map((events) => {
      let occurred = T0;
      return events.map(([event, gapMs], i) => {
        occurred += gapMs;
        return {
          eventId: `ev-${i + 1}`,
          interactionId: INTERACTION,
          sequence: i + 1,
          occurredAt: toTimestamp(occurred),
          perceptionEvent: event,
        };
      });
    });

/**
 * How a stream is delivered: every envelope at least once, some again, in any order; each
 * delivery arrives `advanceMs` after the previous one.
 */
export interface Delivery {
  readonly index: number;
  readonly advanceMs: number;
}

/** Deliveries of a stream of `length` envelopes, each arrival less than `maxAdvanceMs` after the last. */
export const deliveries = (length: number, maxAdvanceMs: number): fc.Arbitrary<Delivery[]> =>
  fc
    .tuple(
      fc.array(fc.nat({ max: length - 1 }), { maxLength: length }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: 2 * length,
        maxLength: 2 * length,
      }),
      fc.array(fc.integer({ min: 0, max: maxAdvanceMs - 1 }), {
        minLength: 2 * length,
        maxLength: 2 * length,
      }),
    )
    .map(([extra, keys, advances]) => {
      const indices = [...Array.from({ length }, (_, i) => i), ...extra];
      return indices
        .map((index, i) => ({ index, key: keys[i] ?? 0, advanceMs: advances[i] ?? 0 }))
        .sort((a, b) => a.key - b.key)
        .map(({ index }, i) => ({ index, advanceMs: advances[i] ?? 0 }));
    });
