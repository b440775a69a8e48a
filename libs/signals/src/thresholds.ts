import { PerceptionConfigError } from './errors.js';
import { VOICEMAIL_GREETING_PHRASES } from './voicemail-greeting.js';

/** The campaign policy's perception thresholds: when a signal counts as degraded. */
export interface PerceptionThresholds {
  /** ASR confidence below this is SIGNAL_FAULT_ASR_LOW_CONFIDENCE (0..1). */
  readonly minAsrConfidence: number;
  /** ASR latency, or arrival lag, above this is SIGNAL_FAULT_ASR_LAG (ms). */
  readonly maxAsrLatencyMs: number;
  /** A HUMAN answering-machine result below this confidence is SIGNAL_FAULT_AMD_LOW_CONFIDENCE (0..1). */
  readonly minAmdConfidence: number;
  /** A prompt-drift score above this is SIGNAL_FAULT_PROMPT_DRIFT (0..1). */
  readonly maxPromptDriftScore: number;
  /** A silence longer than this is SIGNAL_FAULT_LONG_SILENCE (ms). */
  readonly longSilenceMs: number;
  /** Two parties speaking at once for at least this long is SIGNAL_FAULT_OVERLAPPING_SPEECH (ms, > 0 always). */
  readonly minOverlapMs: number;
  /** Buyer speech starting later than this (ms since answer) is never read as a voicemail greeting. */
  readonly voicemailGreetingWindowMs: number;
  /** Phrases that mark buyer speech as a voicemail greeting; matched as whole words, case-insensitively. */
  readonly voicemailPhrases: readonly string[];
}

/**
 * Defaults for a campaign whose policy sets no perception thresholds. ASR vendors report
 * well-recognised speech at 0.8+; 1.5 s of ASR latency is where a voice agent's turn-taking visibly
 * breaks; 150 ms of overlap is longer than word-boundary jitter between two ASR streams; greetings
 * play in the first 45 s after answer.
 */
export const DEFAULT_PERCEPTION_THRESHOLDS: PerceptionThresholds = Object.freeze({
  minAsrConfidence: 0.6,
  maxAsrLatencyMs: 1_500,
  minAmdConfidence: 0.8,
  maxPromptDriftScore: 0.5,
  longSilenceMs: 8_000,
  minOverlapMs: 150,
  voicemailGreetingWindowMs: 45_000,
  voicemailPhrases: VOICEMAIL_GREETING_PHRASES,
});

/**
 * Merges a policy's overrides onto the defaults and validates the result once, at start-up or when
 * a policy version is loaded. Throws PerceptionConfigError naming the bad option.
 */
export function resolvePerceptionThresholds(
  overrides: Partial<PerceptionThresholds> = {},
): PerceptionThresholds {
  const thresholds = { ...DEFAULT_PERCEPTION_THRESHOLDS, ...withoutUndefined(overrides) };
  requireUnit(thresholds, 'minAsrConfidence');
  requireUnit(thresholds, 'minAmdConfidence');
  requireUnit(thresholds, 'maxPromptDriftScore');
  requireDuration(thresholds, 'maxAsrLatencyMs');
  requireDuration(thresholds, 'longSilenceMs');
  requireDuration(thresholds, 'minOverlapMs');
  requireDuration(thresholds, 'voicemailGreetingWindowMs');
  requirePhrases(thresholds.voicemailPhrases);
  return Object.freeze({
    ...thresholds,
    voicemailPhrases: Object.freeze([...thresholds.voicemailPhrases]),
  });
}

type NumericThreshold = {
  [K in keyof PerceptionThresholds]: PerceptionThresholds[K] extends number ? K : never;
}[keyof PerceptionThresholds];

function requireUnit(thresholds: PerceptionThresholds, name: NumericThreshold): void {
  const value = thresholds[name];
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new PerceptionConfigError(name, `${name} must be within 0..1, got ${value}`);
  }
}

function requireDuration(thresholds: PerceptionThresholds, name: NumericThreshold): void {
  const value = thresholds[name];
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PerceptionConfigError(
      name,
      `${name} must be a whole number of milliseconds >= 0, got ${value}`,
    );
  }
}

function requirePhrases(phrases: unknown): void {
  if (!Array.isArray(phrases)) {
    throw new PerceptionConfigError('voicemailPhrases', 'voicemailPhrases must be an array');
  }
  phrases.forEach((phrase, i) => {
    if (typeof phrase !== 'string' || !/[\p{L}\p{N}]/u.test(phrase)) {
      throw new PerceptionConfigError(
        `voicemailPhrases[${i}]`,
        `voicemailPhrases[${i}] must contain a letter or digit, got ${JSON.stringify(phrase)}`,
      );
    }
  });
}

// A policy loaded from YAML may spell an unset option as null/undefined; it means "default".
function withoutUndefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null),
  ) as Partial<T>;
}
