import { DEFAULT_PERCEPTION_THRESHOLDS, DEFAULT_SEQUENCER_LIMITS } from '@warmline/signals';
import { readPerceptionSettings } from './perception-settings.js';

describe('readPerceptionSettings', () => {
  it('uses the documented defaults', () => {
    expect(readPerceptionSettings({})).toEqual({
      limits: DEFAULT_SEQUENCER_LIMITS,
      thresholds: DEFAULT_PERCEPTION_THRESHOLDS,
    });
  });

  it('takes overrides from the environment', () => {
    const settings = readPerceptionSettings({
      WARMLINE_MAX_GAP_WAIT_MS: '500',
      WARMLINE_MAX_ASR_LATENCY_MS: '900',
      WARMLINE_MIN_ASR_CONFIDENCE: '0.75',
    });
    expect(settings.limits.maxGapWaitMs).toBe(500);
    expect(settings.thresholds).toMatchObject({ maxAsrLatencyMs: 900, minAsrConfidence: 0.75 });
  });

  it.each([
    [{ WARMLINE_MAX_GAP_WAIT_MS: '0' }, /WARMLINE_MAX_GAP_WAIT_MS: must be a positive/],
    [
      { WARMLINE_MIN_ASR_CONFIDENCE: '1.5' },
      /WARMLINE_MIN_ASR_CONFIDENCE: must be a number from 0 to 1/,
    ],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => readPerceptionSettings(env)).toThrow(message);
  });
});
