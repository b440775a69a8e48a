import { conversation } from '@warmline/intent/testing';
import { DEFAULT_POLICY, PolicyBook } from '@warmline/policy';
import { AgentMetrics } from '@warmline/telemetry';
import { QualificationMetrics } from './qualification-metrics.js';
import { settingsFrom } from './qualification-settings.js';
import { qualifyStep, type QualificationCheckpoint } from './qualification-step.js';

const settings = settingsFrom(new PolicyBook([DEFAULT_POLICY]));

describe('QualificationMetrics', () => {
  it('counts each published intent version and the markers it changed, by new status', async () => {
    const registry = new AgentMetrics('qualification');
    const qualification = new QualificationMetrics(registry);
    let checkpoint: QualificationCheckpoint | null = null;
    let versions = 0;
    const events = conversation([
      { agent: 'Is the full roof replacement what you are looking for?' },
      { buyer: 'Yes, the full roof replacement is exactly what I need.', confidence: 0.95 },
    ]);
    events.forEach((event, i) => {
      const outcome = qualifyStep(checkpoint, event, `ev-${i}`, settings);
      checkpoint = outcome.state;
      if (outcome.result.version !== null) versions += 1;
      qualification.onEffectsPerformed('qualification.interaction.call-1', outcome.effects);
    });
    // A redelivered signal changes nothing: nothing more is counted.
    const again = qualifyStep(checkpoint, events.at(-1)!, 'ev-again', settings);
    qualification.onEffectsPerformed('qualification.interaction.call-1', again.effects);

    const text = await registry.scrape();
    expect(versions).toBeGreaterThan(0);
    expect(text).toContain(`warmline_intent_versions_total{agent="qualification"} ${versions}`);
    expect(text).toContain(
      'warmline_marker_changes_total{marker="SCOPE_CONFIRMED",status="VALIDATED",agent="qualification"} 1',
    );
  });
});
