// A planned event as the simulator publishes it: numbered, with an id, a time it happened and a time
// it is sent. Faults change the sending (late, twice, out of order), not the fact.
import { toTimestamp, type warmline } from '@warmline/contracts';
import type { CallPlan, EventTag } from './call-plan.js';

/** What fault injection did to one sent copy of an event. */
export type InjectedFault =
  /** A TokenLimitReached or PromptDrift event the plan did not have. */
  | 'inserted'
  /** A transcript segment reported late: asr_latency_ms raised, sent later by as much. */
  | 'asr_lag'
  /** A second send of an event (same event id, sequence and content). */
  | 'duplicate'
  /** Sent after events with higher sequences. */
  | 'reordered';

/** One perception event to publish for a call. */
export interface OutgoingEvent {
  /** Envelope.sequence: 1..n per call in occurrence order, contiguous. */
  readonly sequence: number;
  /** Envelope.event_id; stable under fault injection (a duplicate repeats it). */
  readonly eventId: string;
  /** When the fact happened, simulated ms since call start (→ Envelope.occurred_at). */
  readonly occurredAtMs: number;
  /** When to publish it, simulated ms since call start (≥ occurredAtMs). */
  readonly sendAtMs: number;
  readonly event: warmline.v1.IPerceptionEvent;
  readonly tags: readonly EventTag[];
  readonly faults: readonly InjectedFault[];
}

/** The plan's timeline as events to send: sequence 1..n, id "<interactionId>-e<n>", sent when they happen. */
export function outgoingEvents(plan: CallPlan): OutgoingEvent[] {
  return plan.timeline.map((planned, i) => ({
    sequence: i + 1,
    eventId: `${plan.interactionId}-e${i + 1}`,
    occurredAtMs: planned.atMs,
    sendAtMs: planned.atMs,
    event: planned.event,
    tags: planned.tags,
    faults: [],
  }));
}

/**
 * The Envelope fields of one event (the bus fills producer and authority): `occurredAtMs` is the
 * epoch ms the simulator maps the event's simulated time to (callStartedAt + occurredAtMs / timeScale).
 */
export function perceptionEnvelopeFields(
  outgoing: OutgoingEvent,
  interactionId: string,
  occurredAtMs: number,
): Pick<
  warmline.v1.IEnvelope,
  'eventId' | 'interactionId' | 'sequence' | 'occurredAt' | 'perceptionEvent'
> {
  return {
    eventId: outgoing.eventId,
    interactionId,
    sequence: outgoing.sequence,
    occurredAt: toTimestamp(occurredAtMs),
    perceptionEvent: outgoing.event,
  };
}
