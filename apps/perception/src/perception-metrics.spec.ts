import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { AgentMetrics } from '@warmline/telemetry';
import { PerceptionMetrics } from './perception-metrics.js';
import { readPerceptionSettings } from './perception-settings.js';
import { perceiveStep } from './perception-step.js';

const settings = readPerceptionSettings({});
const T0 = Date.UTC(2026, 10, 24, 15);

function segment(sequence: number, asrConfidence: number): warmline.v1.IEnvelope {
  return {
    eventId: `ev-${sequence}`,
    interactionId: 'call-1',
    sequence,
    occurredAt: toTimestamp(T0 + sequence * 1_000),
    perceptionEvent: {
      transcriptSegment: {
        segmentId: `s-${sequence}`,
        speaker: v1.Speaker.SPEAKER_BUYER,
        text: 'yes, the full roof',
        isFinal: true,
        asrConfidence,
        startOffsetMs: sequence * 1_000,
        endOffsetMs: sequence * 1_000 + 500,
      },
    },
  };
}

describe('PerceptionMetrics', () => {
  it('counts published signals and the faults they carry; a redelivered event counts nothing', async () => {
    const registry = new AgentMetrics('perception');
    const perception = new PerceptionMetrics(registry);
    const clean = perceiveStep(null, segment(1, 0.95), T0 + 1_200, settings);
    perception.onEffectsPerformed('perception.interaction.call-1', clean.effects);
    const mumbled = perceiveStep(clean.state, segment(2, 0.2), T0 + 2_200, settings);
    perception.onEffectsPerformed('perception.interaction.call-1', mumbled.effects);
    const again = perceiveStep(mumbled.state, segment(2, 0.2), T0 + 2_300, settings);
    perception.onEffectsPerformed('perception.interaction.call-1', again.effects);

    const text = await registry.scrape();
    expect(text).toContain('warmline_signals_total{agent="perception"} 2');
    expect(text).toContain(
      'warmline_signal_faults_total{fault="ASR_LOW_CONFIDENCE",agent="perception"} 1',
    );
    expect(text.split('\n').filter((l) => l.startsWith('warmline_signal_faults_total{'))).toEqual([
      'warmline_signal_faults_total{fault="ASR_LOW_CONFIDENCE",agent="perception"} 1',
    ]);
  });
});
