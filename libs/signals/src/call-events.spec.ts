import {
  SignalFault,
  Speaker,
  THRESHOLDS,
  callStarted,
  lastSignalOf,
  signalsOf,
} from './__fixtures__/events.js';

const {
  SIGNAL_FAULT_CALL_TIMEOUT: TIMEOUT,
  SIGNAL_FAULT_LONG_SILENCE: SILENCE,
  SIGNAL_FAULT_PROMPT_DRIFT: DRIFT,
  SIGNAL_FAULT_TOKEN_LIMIT: TOKENS,
} = SignalFault;

describe('call and agent events', () => {
  it('a call timeout ends the call and is CALL_TIMEOUT', () => {
    const { signals, context } = signalsOf([
      { callTimeout: { elapsedMs: 600_000, limitMs: 600_000 } },
    ]);
    expect(signals[0]?.faults).toEqual([TIMEOUT]);
    expect(signals[0]?.quality?.score).toBe(0.5);
    expect(context.callEnded).toBe(true);
  });

  it('a hang-up ends the call and is a clean fact', () => {
    const { signals, context } = signalsOf([{ hangUp: { by: Speaker.SPEAKER_BUYER } }]);
    expect(signals[0]?.faults).toEqual([]);
    expect(signals[0]?.quality).toEqual({
      score: 1,
      asrConfidence: 0,
      lagMs: 50,
      overlapped: false,
      incomplete: false,
      fromVoicemail: false,
    });
    expect(context.callEnded).toBe(true);
  });

  it('the token limit is TOKEN_LIMIT', () => {
    expect(
      lastSignalOf([{ tokenLimitReached: { tokensUsed: 8_192, limit: 8_192 } }]).faults,
    ).toEqual([TOKENS]);
  });

  it('prompt drift above maxPromptDriftScore is PROMPT_DRIFT', () => {
    expect(lastSignalOf([{ promptDrift: { score: 0.7 } }]).faults).toEqual([DRIFT]);
    expect(lastSignalOf([{ promptDrift: { score: 0.5 } }]).faults).toEqual([]);
    const lenient = { ...THRESHOLDS, maxPromptDriftScore: 0.8 };
    expect(lastSignalOf([{ promptDrift: { score: 0.7 } }], lenient).faults).toEqual([]);
  });

  it('a silence longer than longSilenceMs is LONG_SILENCE', () => {
    expect(lastSignalOf([{ silence: { durationMs: 8_001 } }]).faults).toEqual([SILENCE]);
    expect(lastSignalOf([{ silence: { durationMs: 8_000 } }]).faults).toEqual([]);
  });

  it('remembers the campaign of the first CallStarted', () => {
    const { context, signals } = signalsOf([
      callStarted({ campaignId: 'spring-solar' }),
      callStarted({ campaignId: 'other' }),
    ]);
    expect(context.campaignId).toBe('spring-solar');
    expect(signals.map((s) => s.faults)).toEqual([[], []]);
  });
});
