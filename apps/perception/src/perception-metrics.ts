// Perception's Prometheus series, counted from the signals its committed steps published: how many,
// and the perception faults they carried (ASR lag, low confidence, gaps, voicemail…).
import type { Effect, StepObserver } from '@warmline/agent-runtime';
import { v1 } from '@warmline/contracts';
import { enumLabel, type AgentMetrics, type Counter } from '@warmline/telemetry';

/** Counts each published signal once (a redelivered perception event is a duplicate and publishes none). */
export class PerceptionMetrics implements StepObserver {
  private readonly signals: Counter;
  private readonly faults: Counter<'fault'>;

  constructor(metrics: AgentMetrics) {
    this.signals = metrics.counter(
      'warmline_signals_total',
      'Signals published (normalised, ordered, quality-scored perception events).',
      [],
    );
    this.faults = metrics.counter(
      'warmline_signal_faults_total',
      'Perception faults carried by published signals, one per fault per signal.',
      ['fault'],
    );
  }

  onEffectsPerformed(_key: string, effects: readonly Effect[]): void {
    for (const effect of effects) {
      const signal = effect.kind === 'publish' ? effect.envelope.signal : null;
      if (!signal) continue;
      this.signals.inc();
      for (const fault of signal.faults ?? []) {
        this.faults.inc({ fault: enumLabel(v1.SignalFault, fault, 'SIGNAL_FAULT_') });
      }
    }
  }
}
