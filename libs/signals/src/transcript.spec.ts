import { initialPerceptionContext } from './perception-context.js';
import { toSignals } from './to-signals.js';
import { VOICEMAIL_GREETING_PHRASES } from './voicemail-greeting.js';
import {
  AmdResult,
  INTERACTION,
  SignalFault,
  Speaker,
  THRESHOLDS,
  amd,
  lastSignalOf,
  ordered,
  segment,
  signalsOf,
} from './__fixtures__/events.js';

const {
  SIGNAL_FAULT_ANSWERING_MACHINE: MACHINE,
  SIGNAL_FAULT_ASR_LAG: LAG,
  SIGNAL_FAULT_ASR_LOW_CONFIDENCE: LOW_ASR,
  SIGNAL_FAULT_OVERLAPPING_SPEECH: OVERLAP,
  SIGNAL_FAULT_PARTIAL_TRANSCRIPT: PARTIAL,
} = SignalFault;

const agent = (fields: Parameters<typeof segment>[0]) =>
  segment({ speaker: Speaker.SPEAKER_AGENT, segmentId: 'agent-1', text: 'Great.', ...fields });

describe('transcript quality', () => {
  it('scores clean, final, confident buyer speech by its ASR confidence alone', () => {
    const signal = lastSignalOf([segment({ asrConfidence: 1 })]);
    expect(signal.faults).toEqual([]);
    expect(signal.quality).toEqual({
      score: 1,
      asrConfidence: 1,
      lagMs: 300,
      overlapped: false,
      incomplete: false,
      fromVoicemail: false,
    });
  });

  it('flags ASR confidence under the floor', () => {
    const signal = lastSignalOf([segment({ asrConfidence: 0.4 })]);
    expect(signal.faults).toEqual([LOW_ASR]);
    expect(signal.quality).toMatchObject({ asrConfidence: 0.4, score: 0.2 });
  });

  it('flags a partial transcript', () => {
    const signal = lastSignalOf([segment({ isFinal: false, asrConfidence: 0.8 })]);
    expect(signal.faults).toEqual([PARTIAL]);
    expect(signal.quality?.score).toBe(0.4);
  });

  it('flags ASR latency over the limit', () => {
    const signal = lastSignalOf([segment({ asrLatencyMs: 2_000 })]);
    expect(signal.faults).toEqual([LAG]);
    expect(signal.quality?.lagMs).toBe(2_000);
  });

  it('flags a segment that reached perception late even when ASR was quick', () => {
    const event = ordered(1, segment({ asrLatencyMs: 100 }), { lagMs: 3_000 });
    const { signals } = toSignals(initialPerceptionContext(INTERACTION), event, THRESHOLDS);
    expect(signals[0]?.faults).toEqual([LAG]);
    expect(signals[0]?.quality?.lagMs).toBe(3_000);
  });

  it('flags buyer speech overlapping agent speech, and agent speech overlapping buyer speech', () => {
    const { signals } = signalsOf([
      agent({ startOffsetMs: 9_000, endOffsetMs: 11_000 }),
      segment({ startOffsetMs: 10_000, endOffsetMs: 12_000 }),
      agent({ segmentId: 'agent-2', startOffsetMs: 11_800, endOffsetMs: 13_000 }),
    ]);
    expect(signals.map((s) => s.faults)).toEqual([[], [OVERLAP], [OVERLAP]]);
    expect(signals[1]?.quality).toMatchObject({ overlapped: true, score: 0.665 });
  });

  it('ignores overlaps shorter than minOverlapMs and speech of the same party', () => {
    const { signals } = signalsOf([
      agent({ startOffsetMs: 9_000, endOffsetMs: 10_100 }),
      segment({ segmentId: 'seg-0', startOffsetMs: 9_500, endOffsetMs: 11_000 }),
      segment({ startOffsetMs: 10_000, endOffsetMs: 12_000 }),
    ]);
    expect(signals[2]?.faults).toEqual([]);
    expect(
      lastSignalOf(
        [
          agent({ startOffsetMs: 9_000, endOffsetMs: 10_100 }),
          segment({ startOffsetMs: 10_000, endOffsetMs: 12_000 }),
        ],
        { ...THRESHOLDS, minOverlapMs: 50 },
      ).faults,
    ).toEqual([OVERLAP]);
  });
});

describe('voicemail greetings', () => {
  const greeting = segment({
    segmentId: 'greeting-1',
    text: 'Hi, you’ve reached Dana. Please leave a message after the tone.',
    startOffsetMs: 500,
    endOffsetMs: 4_000,
  });

  it('reads a buyer greeting as an answering machine even when AMD said human', () => {
    const { signals, context } = signalsOf([
      amd(AmdResult.AMD_RESULT_HUMAN, 0.97),
      greeting,
      segment(),
    ]);
    expect(signals[1]?.faults).toEqual([MACHINE]);
    expect(signals[1]?.quality).toMatchObject({ fromVoicemail: true, score: 0 });
    expect(signals[2]?.quality?.fromVoicemail).toBe(true);
    expect(context.voicemail).toBe(true);
  });

  it('recognises a partial greeting as soon as it is heard', () => {
    const partial = segment({
      isFinal: false,
      text: 'the person you are calling is',
      startOffsetMs: 0,
    });
    expect(lastSignalOf([partial]).quality?.fromVoicemail).toBe(true);
  });

  it('does not read the agent saying the words as a voicemail', () => {
    const signal = lastSignalOf([agent({ text: 'Feel free to leave a message later.' })]);
    expect(signal.quality?.fromVoicemail).toBe(false);
  });

  it('ignores buyer speech after the greeting window', () => {
    const late = segment({
      text: 'Send it to my mailbox.',
      startOffsetMs: 60_000,
      endOffsetMs: 61_000,
    });
    expect(lastSignalOf([late]).quality?.fromVoicemail).toBe(false);
  });

  it('takes extra phrases from the thresholds', () => {
    const french = segment({ text: 'Laissez un message après le bip.', startOffsetMs: 0 });
    expect(lastSignalOf([french]).quality?.fromVoicemail).toBe(false);
    const thresholds = {
      ...THRESHOLDS,
      voicemailPhrases: [...VOICEMAIL_GREETING_PHRASES, 'laissez un message'],
    };
    expect(lastSignalOf([french], thresholds).quality?.fromVoicemail).toBe(true);
  });
});

describe('segment revisions', () => {
  it('yields no signal for a revision older than one already signalled', () => {
    const { signals } = signalsOf([
      segment({ isFinal: false, revision: 2, text: 'yes that' }),
      segment({ isFinal: false, revision: 1, text: 'yes' }),
      segment({ revision: 3 }),
    ]);
    expect(signals.map((s) => s.sourceSequence)).toEqual([1, 3]);
  });

  it('yields no signal for a repeat of a final revision, but does for a repeated partial', () => {
    const { signals } = signalsOf([
      segment({ isFinal: false, revision: 0, text: 'yes' }),
      segment({ isFinal: false, revision: 0, text: 'yes' }),
      segment({ revision: 1 }),
      segment({ revision: 1 }),
    ]);
    expect(signals.map((s) => s.sourceSequence)).toEqual([1, 2, 3]);
  });

  it('keeps revisions of different segments apart', () => {
    const { signals } = signalsOf([
      segment({ segmentId: 'seg-1', revision: 5 }),
      segment({ segmentId: 'seg-2', revision: 0 }),
    ]);
    expect(signals).toHaveLength(2);
  });
});
