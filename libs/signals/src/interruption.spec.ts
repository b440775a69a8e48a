import type { warmline } from '@warmline/contracts';
import { interruptionCuts } from './cut-utterances.js';
import {
  SignalFault,
  Speaker,
  assertion,
  interruption,
  lastSignalOf,
  segment,
  signalsOf,
} from './__fixtures__/events.js';

const { SIGNAL_FAULT_INTERRUPTED_UTTERANCE: CUT, SIGNAL_FAULT_OVERLAPPING_SPEECH: OVERLAP } =
  SignalFault;

describe('mid-sentence interruptions', () => {
  it('marks the named segment incomplete when its final arrives after the interruption', () => {
    const { signals } = signalsOf([interruption({ overlapMs: 0 }), segment()]);
    const [barge, final] = signals;
    expect(barge?.faults).toEqual([]);
    expect(final?.faults).toEqual([CUT]);
    expect(final?.quality).toMatchObject({ incomplete: true, overlapped: false, score: 0.475 });
  });

  it('carries the interruption overlap onto the segment it cut', () => {
    const { signals } = signalsOf([interruption({ overlapMs: 400 }), segment()]);
    expect(signals[0]?.faults).toEqual([OVERLAP]);
    expect(signals[0]?.quality?.overlapped).toBe(true);
    expect(signals[1]?.faults).toEqual([OVERLAP, CUT]);
  });

  it('puts the fault on the Interruption signal when the cut final was already signalled', () => {
    const { signals } = signalsOf([segment(), interruption({ overlapMs: 0 })]);
    const [final, barge] = signals;
    expect(final?.faults).toEqual([]);
    expect(barge?.faults).toEqual([CUT]);
    expect(barge?.quality?.incomplete).toBe(true);
    expect(barge?.perception?.interruption?.interruptedSegmentId).toBe('seg-1');
  });

  it('does not flag the Interruption signal when only a partial of the segment was seen', () => {
    const { signals } = signalsOf([
      segment({ isFinal: false }),
      interruption({ overlapMs: 0 }),
      segment({ revision: 1 }),
    ]);
    expect(signals.map((s) => s.faults?.includes(CUT))).toEqual([false, false, true]);
  });

  it('marks a segment cut by offset when the interruption names another id', () => {
    const cutting = interruption({
      interruptedSegmentId: 'platform-turn-9',
      offsetMs: 11_000,
      overlapMs: 0,
    });
    expect(lastSignalOf([cutting, segment()]).faults).toEqual([CUT]);
    const { signals } = signalsOf([segment(), cutting]);
    expect(signals[1]?.faults).toEqual([CUT]);
  });

  it("never counts a party's own barge-in as cutting its own utterance", () => {
    const bargeIn = interruption({
      by: Speaker.SPEAKER_BUYER,
      interruptedSegmentId: 'agent-1',
      offsetMs: 10_000,
      overlapMs: 0,
    });
    expect(lastSignalOf([bargeIn, segment({ startOffsetMs: 10_000 })]).faults).toEqual([]);
    expect(lastSignalOf([bargeIn, segment({ startOffsetMs: 9_000 })]).faults).toEqual([]);
  });

  it('marks a structured assertion that rests on a cut segment', () => {
    const { signals } = signalsOf([segment(), interruption({ overlapMs: 0 }), assertion()]);
    expect(signals[2]?.faults).toEqual([CUT]);
    expect(signals[2]?.quality).toMatchObject({ incomplete: true, score: 0.45 });
    expect(lastSignalOf([segment(), assertion()]).faults).toEqual([]);
  });
});

describe('interruptionCuts', () => {
  const buyerSegment: warmline.v1.ITranscriptSegment = {
    segmentId: 'seg-1',
    speaker: Speaker.SPEAKER_BUYER,
    startOffsetMs: 10_000,
    endOffsetMs: 12_000,
  };

  it.each([
    ['names it', { interruptedSegmentId: 'seg-1', by: Speaker.SPEAKER_AGENT, offsetMs: 0 }, true],
    [
      'began inside it',
      { interruptedSegmentId: 'x', by: Speaker.SPEAKER_AGENT, offsetMs: 11_000 },
      true,
    ],
    [
      'began at its start',
      { interruptedSegmentId: 'x', by: Speaker.SPEAKER_AGENT, offsetMs: 10_000 },
      false,
    ],
    [
      'began at its end',
      { interruptedSegmentId: 'x', by: Speaker.SPEAKER_AGENT, offsetMs: 12_000 },
      false,
    ],
    [
      'is by the same party',
      { interruptedSegmentId: 'x', by: Speaker.SPEAKER_BUYER, offsetMs: 11_000 },
      false,
    ],
  ])('says an interruption that %s cut the segment: %p', (_what, cut, expected) => {
    expect(interruptionCuts(cut, buyerSegment)).toBe(expected);
  });
});
