import { v1 } from '@warmline/contracts';
import { AgentMetrics } from '@warmline/telemetry';
import { decideOn, marker, qualifiedState, T0, withObjection } from './__fixtures__/governor.js';
import { GovernorMetrics } from './governor-metrics.js';

const EXPLORATORY = v1.MarkerStatus.MARKER_STATUS_EXPLORATORY;

function metricsOf(): { registry: AgentMetrics; governor: GovernorMetrics } {
  const registry = new AgentMetrics('escalation-governor');
  return { registry, governor: new GovernorMetrics(registry) };
}

describe('GovernorMetrics', () => {
  it('counts published decisions by outcome and reason, grants issued and revocations by reason', async () => {
    const { registry, governor } = metricsOf();
    const authorised = decideOn(null, qualifiedState(1))!;
    governor.onEffectsPerformed('escalation-governor.interaction.ix-1', authorised.effects);
    const revoked = decideOn(authorised.state, withObjection(qualifiedState(2), 'price'), {
      decisionId: 'decision-2',
    })!;
    governor.onEffectsPerformed('escalation-governor.interaction.ix-1', revoked.effects);

    const text = await registry.scrape();
    expect(text).toContain(
      'warmline_decisions_total{outcome="AUTHORIZE_LIVE_TRANSFER",reason="POLICY_SATISFIED",agent="escalation-governor"} 1',
    );
    expect(text).toContain(
      'warmline_decisions_total{outcome="HOLD",reason="OBJECTION_UNRESOLVED",agent="escalation-governor"} 1',
    );
    expect(text).toContain(
      'warmline_grants_issued_total{action="live_transfer",agent="escalation-governor"} 1',
    );
    expect(text).toContain(
      'warmline_grant_revocations_total{reason="OBJECTION_RAISED",agent="escalation-governor"} 1',
    );
  });

  it('counts a decision once however many reasons it has, and every reason in the reasons series', async () => {
    const { registry, governor } = metricsOf();
    const hedging = qualifiedState(1, {
      markers: [
        marker(v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED, EXPLORATORY),
        marker(v1.MarkerKind.MARKER_KIND_TIMING_CONSENT, EXPLORATORY),
      ],
    });
    governor.onEffectsPerformed('k', decideOn(null, hedging)!.effects);
    const text = await registry.scrape();
    const decisions = series(text, 'warmline_decisions_total');
    expect(decisions).toEqual([
      expect.stringMatching(/^warmline_decisions_total\{outcome="HOLD",reason="[A-Z_]+",.*\} 1$/),
    ]);
    const reasons = series(text, 'warmline_decision_reasons_total');
    expect(reasons).toEqual(
      ['SCOPE_CONFIRMED', 'TIMING_CONSENT', 'NEXT_STEP_ACCEPTED', 'ESCALATION_PERMISSION'].map(
        (marker) =>
          `warmline_decision_reasons_total{outcome="HOLD",reason="MARKER_NOT_VALIDATED",marker="${marker}",agent="escalation-governor"} 1`,
      ),
    );
    expect(text).not.toContain('warmline_grants_issued_total{');
  });

  it('observes decision latency from the intent event to publication, never negative', async () => {
    const { registry, governor } = metricsOf();
    const live = v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER;
    governor.decisionPublished(live, T0, T0 + 1_500);
    governor.decisionPublished(live, T0 + 200, T0);
    const text = await registry.scrape();
    expect(text).toContain(
      'warmline_decision_latency_seconds_count{agent="escalation-governor",outcome="AUTHORIZE_LIVE_TRANSFER"} 2',
    );
    expect(text).toContain(
      'warmline_decision_latency_seconds_sum{agent="escalation-governor",outcome="AUTHORIZE_LIVE_TRANSFER"} 1.5',
    );
    expect(text).toContain(
      'warmline_decision_latency_seconds_bucket{le="0.05",agent="escalation-governor",outcome="AUTHORIZE_LIVE_TRANSFER"} 1',
    );
  });
});

function series(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`));
}
