import { decodeEnvelope, encodeEnvelope } from '@warmline/contracts';
import { PerceptionEventInvalidError, PerceptionInteractionMismatchError } from './errors.js';
import { initialPerceptionState, nextTickAtMs, perceive, tick } from './perceive.js';
import {
  INTERACTION,
  LIMITS,
  SignalFault,
  T0,
  THRESHOLDS,
  callStarted,
  envelope,
  segment,
} from './__fixtures__/events.js';

const { SIGNAL_FAULT_OUT_OF_ORDER: OUT_OF_ORDER, SIGNAL_FAULT_SEQUENCE_GAP: GAP } = SignalFault;
const start = () => initialPerceptionState(INTERACTION);
const seg = (sequence: number) => envelope(sequence, segment({ segmentId: `seg-${sequence}` }));

describe('perceive', () => {
  it('reports when each released signal happened, held events included', () => {
    const first = perceive(start(), seg(2), T0, THRESHOLDS, LIMITS);
    expect(first.signals).toEqual([]);
    const both = perceive(first.state, seg(1), T0 + 10, THRESHOLDS, LIMITS);
    expect(both.signals).toHaveLength(2);
    expect(both.occurredAtMs).toHaveLength(2);
    expect(both.occurredAtMs[0]).toBeLessThan(both.occurredAtMs[1]!);
  });

  it('signals an in-order event at once', () => {
    const perceived = perceive(start(), envelope(1, callStarted()), T0 + 200, THRESHOLDS, LIMITS);
    expect(perceived.duplicate).toBe(false);
    expect(perceived.signals.map((s) => s.signalId)).toEqual(['sig-ev-1']);
    expect(perceived.state.context.campaignId).toBe('spring-solar');
    expect(perceived.signals[0]?.quality?.lagMs).toBe(100);
  });

  it('holds an early event and signals both, in order, when the missing one arrives', () => {
    const early = perceive(start(), seg(2), T0 + 300, THRESHOLDS, LIMITS);
    expect(early.signals).toEqual([]);
    expect(nextTickAtMs(early.state, LIMITS)).toBe(T0 + 300 + LIMITS.maxGapWaitMs);
    const filled = perceive(early.state, seg(1), T0 + 400, THRESHOLDS, LIMITS);
    expect(filled.signals.map((s) => [s.sourceSequence, s.faults])).toEqual([
      [1, []],
      [2, []],
    ]);
    expect(nextTickAtMs(filled.state, LIMITS)).toBeNull();
  });

  it('drops a re-delivered envelope and reports it', () => {
    const once = perceive(start(), seg(1), T0, THRESHOLDS, LIMITS);
    const again = perceive(once.state, seg(1), T0 + 5, THRESHOLDS, LIMITS);
    expect(again).toEqual({
      state: once.state,
      signals: [],
      occurredAtMs: [],
      firstSignalSequence: 2,
      duplicate: true,
    });
  });

  it('gives up on a missing event at the tick, then signals it late when it arrives', () => {
    const early = perceive(start(), seg(2), T0, THRESHOLDS, LIMITS);
    const due = nextTickAtMs(early.state, LIMITS) as number;
    expect(tick(early.state, due - 1, THRESHOLDS, LIMITS).signals).toEqual([]);
    const ticked = tick(early.state, due, THRESHOLDS, LIMITS);
    expect(ticked.signals.map((s) => [s.sourceSequence, s.faults])).toEqual([[2, [GAP]]]);
    const late = perceive(ticked.state, seg(1), due + 10, THRESHOLDS, LIMITS);
    // Arriving over 2 s after it was spoken, the late segment is also ASR_LAG.
    expect(late.signals.map((s) => [s.sourceSequence, s.faults])).toEqual([
      [1, [SignalFault.SIGNAL_FAULT_ASR_LAG, OUT_OF_ORDER]],
    ]);
  });

  it('numbers the signal envelopes 1, 2, 3… across perceive and tick', () => {
    const one = perceive(start(), seg(1), T0, THRESHOLDS, LIMITS);
    const held = perceive(one.state, seg(3), T0, THRESHOLDS, LIMITS);
    const ticked = tick(held.state, T0 + LIMITS.maxGapWaitMs, THRESHOLDS, LIMITS);
    const four = perceive(ticked.state, seg(4), T0 + 3_000, THRESHOLDS, LIMITS);
    expect([one, held, ticked, four].map((r) => [r.firstSignalSequence, r.signals.length])).toEqual(
      [
        [1, 1],
        [2, 0],
        [2, 1],
        [3, 1],
      ],
    );
  });

  it('signals a decoded envelope exactly like the plain object it was encoded from', () => {
    const plain = envelope(1, segment({ revision: 0, asrLatencyMs: 0 }));
    const decoded = decodeEnvelope(encodeEnvelope(plain));
    expect(perceive(start(), decoded, T0, THRESHOLDS, LIMITS)).toEqual(
      perceive(start(), plain, T0, THRESHOLDS, LIMITS),
    );
  });

  it('refuses an invalid envelope with a named error', () => {
    const bad = envelope(1, segment({ asrConfidence: 1.7 }));
    expect(() => perceive(start(), bad, T0, THRESHOLDS, LIMITS)).toThrow(
      new PerceptionEventInvalidError(
        'perception_event.transcript_segment.asr_confidence',
        'asr_confidence must be within 0..1, got 1.7',
      ),
    );
  });

  it('refuses an envelope of another interaction', () => {
    const foreign = envelope(1, segment(), { interactionId: 'call-other' });
    expect(() => perceive(start(), foreign, T0, THRESHOLDS, LIMITS)).toThrow(
      PerceptionInteractionMismatchError,
    );
  });

  it('refuses a clock reading that is not a number', () => {
    expect(() => perceive(start(), seg(1), Number.NaN, THRESHOLDS, LIMITS)).toThrow(RangeError);
  });
});

describe('initialPerceptionState', () => {
  it('starts expecting sequence 1 with an empty memory', () => {
    expect(start()).toEqual({
      sequencer: { nextSequence: 1, held: [], skipped: [], recentEventIds: [] },
      context: {
        interactionId: INTERACTION,
        campaignId: null,
        amd: null,
        voicemail: false,
        callEnded: false,
        segments: [],
        interruptions: [],
        gapPending: false,
        signalsEmitted: 0,
      },
    });
  });

  it('refuses an interaction id that is not an id', () => {
    expect(() => initialPerceptionState('call 1')).toThrow(RangeError);
  });
});
