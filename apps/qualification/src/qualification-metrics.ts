// Qualification's Prometheus series, counted from the intent versions its committed steps
// published: how many, and which markers changed to which status.
import type { Effect, StepObserver } from '@warmline/agent-runtime';
import { v1, type warmline } from '@warmline/contracts';
import { enumLabel, type AgentMetrics, type Counter } from '@warmline/telemetry';

/** Counts each intent version once (a redelivered signal changes nothing and publishes none). */
export class QualificationMetrics implements StepObserver {
  private readonly versions: Counter;
  private readonly markerChanges: Counter<'marker' | 'status'>;

  constructor(metrics: AgentMetrics) {
    this.versions = metrics.counter(
      'warmline_intent_versions_total',
      'Intent state versions written and published (IntentStateChanged).',
      [],
    );
    this.markerChanges = metrics.counter(
      'warmline_marker_changes_total',
      'Intent markers whose status changed, by marker and the status it changed to.',
      ['marker', 'status'],
    );
  }

  onEffectsPerformed(_key: string, effects: readonly Effect[]): void {
    for (const effect of effects) {
      const changed = effect.kind === 'publish' ? effect.envelope.intentStateChanged : null;
      if (!changed) continue;
      this.versions.inc();
      for (const kind of changed.changedMarkers ?? []) {
        this.markerChanges.inc({
          marker: enumLabel(v1.MarkerKind, kind, 'MARKER_KIND_'),
          status: enumLabel(v1.MarkerStatus, statusOf(changed.state, kind), 'MARKER_STATUS_'),
        });
      }
    }
  }
}

function statusOf(
  state: warmline.v1.IIntentState | null | undefined,
  kind: warmline.v1.MarkerKind,
): warmline.v1.MarkerStatus | undefined {
  return state?.markers?.find((m) => m.kind === kind)?.status ?? undefined;
}
