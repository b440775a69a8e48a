import {
  AmdResult,
  SignalFault,
  THRESHOLDS,
  amd,
  lastSignalOf,
  segment,
  signalsOf,
} from './__fixtures__/events.js';

const { SIGNAL_FAULT_AMD_LOW_CONFIDENCE: LOW, SIGNAL_FAULT_ANSWERING_MACHINE: MACHINE } =
  SignalFault;

describe('answering-machine detection', () => {
  it.each([
    AmdResult.AMD_RESULT_MACHINE_START,
    AmdResult.AMD_RESULT_MACHINE_END_BEEP,
    AmdResult.AMD_RESULT_MACHINE_END_SILENCE,
    AmdResult.AMD_RESULT_MACHINE_END_OTHER,
    AmdResult.AMD_RESULT_FAX,
  ])('result %i is an answering machine, and every later signal is from voicemail', (result) => {
    const { signals, context } = signalsOf([amd(result, 0.95), segment()]);
    const [detection, speech] = signals;
    expect(detection?.faults).toEqual([MACHINE]);
    expect(detection?.quality).toMatchObject({ fromVoicemail: true, score: 0 });
    expect(speech?.faults).toEqual([MACHINE]);
    expect(speech?.quality).toMatchObject({ fromVoicemail: true, score: 0 });
    expect(context.amd?.verdict).toBe('machine');
  });

  it('treats a low-confidence machine as a machine, flagged low confidence', () => {
    const signal = lastSignalOf([amd(AmdResult.AMD_RESULT_MACHINE_START, 0.5)]);
    expect(signal.faults).toEqual([MACHINE, LOW]);
    expect(signal.quality?.fromVoicemail).toBe(true);
  });

  it('reads a confident human as human, with its confidence as the score', () => {
    const { signals, context } = signalsOf([amd(AmdResult.AMD_RESULT_HUMAN, 0.9), segment()]);
    expect(signals[0]?.faults).toEqual([]);
    expect(signals[0]?.quality?.score).toBe(0.9);
    expect(signals[1]?.quality?.fromVoicemail).toBe(false);
    expect(context.amd).toEqual({
      result: AmdResult.AMD_RESULT_HUMAN,
      confidence: 0.9,
      verdict: 'human',
    });
  });

  it('keeps a low-confidence human uncertain, not human', () => {
    const { signals, context } = signalsOf([amd(AmdResult.AMD_RESULT_HUMAN, 0.6)]);
    expect(signals[0]?.faults).toEqual([LOW]);
    expect(signals[0]?.quality?.score).toBe(0.3);
    expect(context.amd?.verdict).toBe('uncertain');
    expect(context.voicemail).toBe(false);
  });

  it('flags UNKNOWN as low confidence whatever the detector says', () => {
    const { signals, context } = signalsOf([amd(AmdResult.AMD_RESULT_UNKNOWN, 0.99)]);
    expect(signals[0]?.faults).toEqual([LOW]);
    expect(context.amd?.verdict).toBe('uncertain');
  });

  it('never lets a later human result clear a detected voicemail', () => {
    const { signals, context } = signalsOf([
      amd(AmdResult.AMD_RESULT_MACHINE_START, 0.9),
      amd(AmdResult.AMD_RESULT_HUMAN, 0.99),
      segment(),
    ]);
    expect(signals.map((s) => s.quality?.fromVoicemail)).toEqual([true, true, true]);
    expect(context.amd?.verdict).toBe('human');
    expect(context.voicemail).toBe(true);
  });

  it('follows minAmdConfidence from the thresholds', () => {
    const strict = { ...THRESHOLDS, minAmdConfidence: 0.95 };
    expect(lastSignalOf([amd(AmdResult.AMD_RESULT_HUMAN, 0.9)], strict).faults).toEqual([LOW]);
  });
});
