import { PerceptionConfigError } from './errors.js';
import { DEFAULT_SEQUENCER_LIMITS, resolveSequencerLimits } from './sequencer-limits.js';
import { DEFAULT_PERCEPTION_THRESHOLDS, resolvePerceptionThresholds } from './thresholds.js';

describe('resolvePerceptionThresholds', () => {
  it('is the defaults when the policy sets nothing', () => {
    expect(resolvePerceptionThresholds()).toEqual(DEFAULT_PERCEPTION_THRESHOLDS);
    expect(DEFAULT_PERCEPTION_THRESHOLDS).toMatchObject({
      minAsrConfidence: 0.6,
      maxAsrLatencyMs: 1_500,
      minAmdConfidence: 0.8,
      maxPromptDriftScore: 0.5,
      longSilenceMs: 8_000,
    });
  });

  it('takes the policy overrides and treats null as unset', () => {
    const resolved = resolvePerceptionThresholds({
      minAsrConfidence: 0.7,
      longSilenceMs: null as unknown as number,
    });
    expect(resolved.minAsrConfidence).toBe(0.7);
    expect(resolved.longSilenceMs).toBe(8_000);
  });

  it.each([
    [
      { minAsrConfidence: 1.2 },
      'minAsrConfidence',
      'minAsrConfidence must be within 0..1, got 1.2',
    ],
    [
      { minAmdConfidence: Number.NaN },
      'minAmdConfidence',
      'minAmdConfidence must be within 0..1, got NaN',
    ],
    [
      { maxPromptDriftScore: -0.1 },
      'maxPromptDriftScore',
      'maxPromptDriftScore must be within 0..1, got -0.1',
    ],
    [
      { maxAsrLatencyMs: -1 },
      'maxAsrLatencyMs',
      'maxAsrLatencyMs must be a whole number of milliseconds >= 0, got -1',
    ],
    [
      { longSilenceMs: 1.5 },
      'longSilenceMs',
      'longSilenceMs must be a whole number of milliseconds >= 0, got 1.5',
    ],
    [
      { voicemailPhrases: ['mailbox', ' ... '] },
      'voicemailPhrases[1]',
      'voicemailPhrases[1] must contain a letter or digit, got " ... "',
    ],
  ])('refuses %p', (overrides, field, message) => {
    expect(() => resolvePerceptionThresholds(overrides)).toThrow(
      new PerceptionConfigError(field, message),
    );
    expect(() => resolvePerceptionThresholds(overrides)).toThrow(
      expect.objectContaining({ code: 'PERCEPTION_CONFIG_INVALID', field }),
    );
  });
});

describe('resolveSequencerLimits', () => {
  it('is the defaults when nothing is overridden', () => {
    expect(resolveSequencerLimits()).toEqual(DEFAULT_SEQUENCER_LIMITS);
    expect(DEFAULT_SEQUENCER_LIMITS).toMatchObject({ maxHeld: 64, maxGapWaitMs: 2_000 });
  });

  it('takes overrides', () => {
    expect(resolveSequencerLimits({ maxHeld: 0 }).maxHeld).toBe(0);
  });

  it.each([
    [{ maxHeld: -1 }, 'maxHeld'],
    [{ maxGapWaitMs: 1.5 }, 'maxGapWaitMs'],
    [{ rememberedEventIds: 1e9 }, 'rememberedEventIds'],
  ])('refuses %p', (overrides, field) => {
    expect(() => resolveSequencerLimits(overrides)).toThrow(
      expect.objectContaining({ code: 'PERCEPTION_CONFIG_INVALID', field }),
    );
  });
});
