// Plays a call's outgoing events through the real pure halves of the stack — perception
// (@warmline/signals), qualification (@warmline/intent) and the governor's decision
// (@warmline/policy) — in send order, the way the agents would see them. Specs use it to prove the
// buyer model's words do what the README says to the system that will hear them.
import { toTimestamp, v1, type IIntentState } from '@warmline/contracts';
import { DEFAULT_QUALIFICATION_RULES, qualify, type QualificationContext } from '@warmline/intent';
import {
  DEFAULT_POLICY,
  evaluateEscalation,
  newInteractionRecord,
  readinessAt,
  type CampaignPolicy,
  type Verdict,
} from '@warmline/policy';
import {
  DEFAULT_PERCEPTION_THRESHOLDS,
  DEFAULT_SEQUENCER_LIMITS,
  initialPerceptionState,
  perceive,
  tick,
} from '@warmline/signals';
import type { CallPlan } from '../call-plan.js';
import type { OutgoingEvent } from '../outgoing-event.js';

/** Monday 6 January 2025, 15:00 UTC: simulated ms 0 of every replayed call. */
export const T0 = Date.UTC(2025, 0, 6, 15, 0, 0);

/** One decision the governor made on a new intent version. */
export interface TimedVerdict {
  /** Simulated ms since call start. */
  readonly atMs: number;
  readonly verdict: Verdict;
}

/** What the stack made of a call. */
export interface StackReplay {
  readonly state: IIntentState;
  readonly verdicts: readonly TimedVerdict[];
  /** Simulated ms of the first AUTHORIZE_LIVE_TRANSFER, or null. */
  readonly firstLiveTransferAtMs: number | null;
}

/** Replays `events` (default: the plan's timeline, unfaulted) sent at their sendAtMs. */
export function replayThroughStack(
  plan: CallPlan,
  events: readonly OutgoingEvent[],
  policy: CampaignPolicy = DEFAULT_POLICY,
): StackReplay {
  let perception = initialPerceptionState(plan.interactionId);
  let state: IIntentState | null = null;
  let context: QualificationContext | null = null;
  const verdicts: TimedVerdict[] = [];
  const signals: {
    signal: NonNullable<ReturnType<typeof perceive>['signals'][number]>;
    atMs: number;
  }[] = [];
  for (const outgoing of events) {
    const nowMs = T0 + outgoing.sendAtMs;
    const perceived = perceive(
      perception,
      {
        eventId: outgoing.eventId,
        interactionId: plan.interactionId,
        sequence: outgoing.sequence,
        occurredAt: toTimestamp(T0 + outgoing.occurredAtMs),
        producer: { agent: 'gateway', instance: 'sim' },
        perceptionEvent: outgoing.event,
      },
      nowMs,
      DEFAULT_PERCEPTION_THRESHOLDS,
      DEFAULT_SEQUENCER_LIMITS,
    );
    perception = perceived.state;
    perceived.signals.forEach((signal, i) =>
      signals.push({ signal, atMs: perceived.occurredAtMs[i] as number }),
    );
  }
  // Anything still held behind a gap is released when its wait runs out.
  const flushed = tick(
    perception,
    T0 + 10_000_000,
    DEFAULT_PERCEPTION_THRESHOLDS,
    DEFAULT_SEQUENCER_LIMITS,
  );
  flushed.signals.forEach((signal, i) =>
    signals.push({ signal, atMs: flushed.occurredAtMs[i] as number }),
  );

  let record = newInteractionRecord(plan.interactionId, plan.campaignId);
  for (const { signal, atMs } of signals) {
    const result = qualify(
      state,
      context,
      { interactionId: plan.interactionId, occurredAtMs: atMs, signal },
      DEFAULT_QUALIFICATION_RULES,
    );
    context = result.context;
    if (result.change === null) continue;
    state = result.state;
    const verdict = evaluateEscalation({
      policy: { ...policy, campaigns: ['*'] },
      state,
      readinessNow: readinessAt(state, policy, atMs),
      record,
      nowMs: atMs,
      controls: { escalationsInWindow: 0, availableClosers: 4, pendingTransfers: 0 },
    });
    verdicts.push({ atMs: atMs - T0, verdict });
    // Only note what the governor would remember; grants are not issued here.
    record = { ...record, latestIntentVersion: state.version ?? 0 };
  }
  if (state === null) throw new Error('replayThroughStack: no intent state was written');
  const first = verdicts.find(
    (v) => v.verdict.outcome === v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
  );
  return { state, verdicts, firstLiveTransferAtMs: first?.atMs ?? null };
}
