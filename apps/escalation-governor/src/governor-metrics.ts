// The governor's Prometheus series, counted from what its committed steps published: every
// EscalationDecision by outcome and reason, every grant it signed, every revocation by reason, and
// how long a decision took from the intent version it decided on.
import type { Effect, StepObserver } from '@warmline/agent-runtime';
import { v1, type warmline } from '@warmline/contracts';
import { enumLabel, type AgentMetrics, type Counter, type Histogram } from '@warmline/telemetry';

/** Seconds; a decision waits on perception and qualification before the governor sees it. */
const DECISION_LATENCY_BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60];

const GRANT_ACTION: ReadonlyMap<warmline.v1.EscalationOutcome, string> = new Map([
  [v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER, 'live_transfer'],
  [v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT, 'appointment'],
]);

/**
 * Counts decisions, grants and revocations once per committed step (a redelivered intent version
 * decides nothing and counts nothing); observes decision latency where the decision is published.
 */
export class GovernorMetrics implements StepObserver {
  private readonly decisions: Counter<'outcome' | 'reason'>;
  private readonly reasons: Counter<'outcome' | 'reason' | 'marker'>;
  private readonly latency: Histogram<'outcome'>;
  private readonly grantsIssued: Counter<'action'>;
  private readonly revocations: Counter<'reason'>;

  constructor(metrics: AgentMetrics) {
    this.decisions = metrics.counter(
      'warmline_decisions_total',
      'Escalation decisions published, by outcome and primary reason (POLICY_SATISFIED for authorisations, the first unmet requirement otherwise).',
      ['outcome', 'reason'],
    );
    this.reasons = metrics.counter(
      'warmline_decision_reasons_total',
      'Reasons given with published escalation decisions, one per reason (a HOLD counts every unmet requirement), with the marker a reason is about.',
      ['outcome', 'reason', 'marker'],
    );
    this.latency = metrics.histogram(
      'warmline_decision_latency_seconds',
      "From the intent version's occurred_at (the buyer evidence behind it) to its decision being published.",
      ['outcome'],
      DECISION_LATENCY_BUCKETS_S,
    );
    this.grantsIssued = metrics.counter(
      'warmline_grants_issued_total',
      'Authority grants signed and published with an authorisation, by action (live_transfer, appointment).',
      ['action'],
    );
    this.revocations = metrics.counter(
      'warmline_grant_revocations_total',
      'Grants revoked (GrantRevoked published), by reason.',
      ['reason'],
    );
  }

  onEffectsPerformed(_key: string, effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.kind !== 'publish') continue;
      const { escalationDecision, grantRevoked } = effect.envelope;
      if (escalationDecision) this.countDecision(escalationDecision);
      if (grantRevoked) {
        const reason = enumLabel(
          v1.GrantRevocationReason,
          grantRevoked.reason,
          'GRANT_REVOCATION_REASON_',
        );
        this.revocations.inc({ reason });
      }
    }
  }

  /**
   * A decision on an intent version that occurred at `intentOccurredAtMs` was published at
   * `publishedAtMs` (a negative span, from clock skew between hosts, counts as 0).
   */
  decisionPublished(
    outcome: warmline.v1.EscalationOutcome,
    intentOccurredAtMs: number,
    publishedAtMs: number,
  ): void {
    const seconds = Math.max(0, publishedAtMs - intentOccurredAtMs) / 1000;
    this.latency.observe({ outcome: outcomeLabel(outcome) }, seconds);
  }

  private countDecision(decision: warmline.v1.IEscalationDecision): void {
    const outcome = outcomeLabel(decision.outcome);
    const reasons = (decision.reasons ?? []).map((r) => ({
      outcome,
      reason: enumLabel(v1.DecisionReasonCode, r.code, 'DECISION_REASON_CODE_'),
      marker: enumLabel(v1.MarkerKind, r.markerKind, 'MARKER_KIND_'),
    }));
    this.decisions.inc({ outcome, reason: reasons[0]?.reason ?? '' });
    for (const labels of reasons) this.reasons.inc(labels);
    const action = GRANT_ACTION.get(decision.outcome ?? 0);
    if (action && decision.grant) this.grantsIssued.inc({ action });
  }
}

function outcomeLabel(outcome: warmline.v1.EscalationOutcome | null | undefined): string {
  return enumLabel(v1.EscalationOutcome, outcome, 'ESCALATION_OUTCOME_');
}
