// Perception's own settings, read once at start-up: the sequencer limits and the signal-quality
// thresholds, each overridable by an environment variable whose name is in the error on a bad value.
import { AgentConfigError, optionalMs } from '@warmline/agent-runtime';
import {
  resolvePerceptionThresholds,
  resolveSequencerLimits,
  type PerceptionThresholds,
  type SequencerLimits,
} from '@warmline/signals';

export interface PerceptionSettings {
  readonly limits: SequencerLimits;
  readonly thresholds: PerceptionThresholds;
}

/**
 * `WARMLINE_MAX_GAP_WAIT_MS` (how long a missing sequence is waited for), `WARMLINE_MAX_ASR_LATENCY_MS`
 * and `WARMLINE_MIN_ASR_CONFIDENCE` override the defaults of @warmline/signals.
 */
export function readPerceptionSettings(env: NodeJS.ProcessEnv): PerceptionSettings {
  const maxGapWaitMs = optionalMs(env, 'WARMLINE_MAX_GAP_WAIT_MS');
  const maxAsrLatencyMs = optionalMs(env, 'WARMLINE_MAX_ASR_LATENCY_MS');
  const minAsrConfidence = optionalFraction(env, 'WARMLINE_MIN_ASR_CONFIDENCE');
  return {
    limits: resolveSequencerLimits(maxGapWaitMs === undefined ? {} : { maxGapWaitMs }),
    thresholds: resolvePerceptionThresholds({
      ...(maxAsrLatencyMs === undefined ? {} : { maxAsrLatencyMs }),
      ...(minAsrConfidence === undefined ? {} : { minAsrConfidence }),
    }),
  };
}

function optionalFraction(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new AgentConfigError(variable, `must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}
