// The router's Prometheus series, counted from what its committed steps published — how transfers
// ended and why, attempts that failed over to the grant's fallback rules, grants refused by code —
// and the closers' seat use, read from the roster and the reservation ledger on every scrape.
import type { Effect, StepObserver } from '@warmline/agent-runtime';
import { v1, type warmline } from '@warmline/contracts';
import {
  ATTEMPT_FAILURE_PHASES,
  TERMINAL_PHASES,
  phaseOfHandoffState,
  type HandoffPhase,
} from '@warmline/handoff';
import { enumLabel, type AgentMetrics, type Counter } from '@warmline/telemetry';
import { utilisationOf, type CloserSeats } from './closer-seats.js';

/**
 * Counts each HandoffEvent and refusal once, when the step that committed it has published it (a
 * redelivered message that changes nothing counts nothing); refreshes the seat gauges on scrape.
 */
export class RouterMetrics implements StepObserver {
  private readonly outcomes: Counter<'mode' | 'state' | 'reason'>;
  private readonly attemptFailures: Counter<'mode' | 'state' | 'reason'>;
  private readonly refused: Counter<'code'>;

  constructor(metrics: AgentMetrics, seats: () => Promise<CloserSeats>) {
    this.outcomes = metrics.counter(
      'warmline_transfer_outcomes_total',
      'Live transfers ended, by mode, final state (BRIDGED, FALLBACK_APPOINTMENT, RETURNED_TO_AI, CALLER_ABANDONED, FAILED) and typed failure reason.',
      ['mode', 'state', 'reason'],
    );
    this.attemptFailures = metrics.counter(
      'warmline_transfer_attempt_failures_total',
      "Transfer attempts that failed (DECLINED, NO_ANSWER, VOICEMAIL_AT_CLOSER) and went to the grant's fallback rules, by mode and typed reason.",
      ['mode', 'state', 'reason'],
    );
    this.refused = metrics.counter(
      'warmline_grants_refused_total',
      'Live-transfer grants the router refused, by refusal code (GRANT_* from verification, or GRANT_REVOKED, GRANT_REPLAYED, TRANSFER_IN_FLIGHT, ALREADY_TRANSFERRED).',
      ['code'],
    );
    const held = metrics.gauge(
      'warmline_closer_seats_held',
      'Pending and accepted reservations of the closers on the roster.',
      [],
    );
    const capacity = metrics.gauge(
      'warmline_closer_capacity_seats',
      'Capacity of the closers whose presence is AVAILABLE.',
      [],
    );
    const utilisation = metrics.gauge(
      'warmline_closer_utilisation_ratio',
      'Seats held by AVAILABLE closers over their capacity (0 when none is available).',
      [],
    );
    metrics.collectOnScrape(async () => {
      const now = await seats();
      held.set(now.held);
      capacity.set(now.availableCapacity);
      utilisation.set(utilisationOf(now));
    });
  }

  onEffectsPerformed(_key: string, effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.kind === 'publish' && effect.envelope.handoffEvent) {
        this.countHandoffEvent(effect.envelope.handoffEvent);
      } else if (
        effect.kind === 'audit' &&
        effect.record.kind === 'grant' &&
        effect.record.summary?.['event'] === 'refused'
      ) {
        this.refused.inc({ code: String(effect.record.summary['reason'] ?? '') });
      }
    }
  }

  private countHandoffEvent(event: warmline.v1.IHandoffEvent): void {
    const phase = phaseOfHandoffState(event.state);
    const series = seriesOf(phase, this.outcomes, this.attemptFailures);
    series?.inc({
      mode: enumLabel(v1.TransferMode, event.mode, 'TRANSFER_MODE_'),
      state: enumLabel(v1.HandoffState, event.state, 'HANDOFF_STATE_'),
      reason: enumLabel(v1.HandoffFailureReason, event.failureReason, 'HANDOFF_FAILURE_REASON_'),
    });
  }
}

function seriesOf<S>(phase: HandoffPhase | null, outcomes: S, attemptFailures: S): S | null {
  if (phase === null) return null;
  if (TERMINAL_PHASES.includes(phase)) return outcomes;
  if (ATTEMPT_FAILURE_PHASES.includes(phase)) return attemptFailures;
  return null;
}
