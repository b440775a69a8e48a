// Builders of perception envelopes for the specs: valid by default, overridable field by field.
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { perceptionArrival, type PerceptionArrival } from '../arrival.js';
import { initialPerceptionContext, type PerceptionContext } from '../perception-context.js';
import type { OrderedEvent } from '../sequencer.js';
import { DEFAULT_SEQUENCER_LIMITS } from '../sequencer-limits.js';
import { DEFAULT_PERCEPTION_THRESHOLDS } from '../thresholds.js';
import { toSignals } from '../to-signals.js';

export const INTERACTION = 'call-7f3a';
export const T0 = Date.UTC(2025, 0, 6, 15, 0, 0);
export const THRESHOLDS = DEFAULT_PERCEPTION_THRESHOLDS;
export const LIMITS = DEFAULT_SEQUENCER_LIMITS;

export const { AmdResult, SignalFault, Speaker } = v1;

type Event = warmline.v1.IPerceptionEvent;

/** An envelope carrying `event` as sequence `sequence`; event id `ev-<sequence>` unless given. */
export function envelope(
  sequence: number,
  event: Event,
  options: { eventId?: string; occurredAtMs?: number; interactionId?: string } = {},
): warmline.v1.IEnvelope {
  return {
    eventId: options.eventId ?? `ev-${sequence}`,
    interactionId: options.interactionId ?? INTERACTION,
    sequence,
    occurredAt: toTimestamp(options.occurredAtMs ?? T0 + sequence * 100),
    producer: { agent: 'gateway', instance: 'gw-1' },
    perceptionEvent: event,
  };
}

export function callStarted(fields: warmline.v1.ICallStarted = {}): Event {
  return {
    callStarted: {
      campaignId: 'spring-solar',
      buyerLanguage: 'en-US',
      timeZone: 'America/Chicago',
      territory: 'US-TX',
      direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
      leadId: 'lead-42',
      platform: 'livekit',
      ...fields,
    },
  };
}

export function amd(
  result: warmline.v1.AmdResult,
  confidence: number,
  fields: warmline.v1.IAnsweringMachineResult = {},
): Event {
  return { answeringMachineResult: { result, confidence, detectionMs: 1_800, ...fields } };
}

/** A final, confident, prompt buyer segment unless overridden. */
export function segment(fields: warmline.v1.ITranscriptSegment = {}): Event {
  return {
    transcriptSegment: {
      segmentId: 'seg-1',
      speaker: v1.Speaker.SPEAKER_BUYER,
      text: 'Yes, that sounds right for our roof.',
      isFinal: true,
      asrConfidence: 0.95,
      asrLatencyMs: 300,
      startOffsetMs: 10_000,
      endOffsetMs: 12_000,
      language: 'en-US',
      revision: 0,
      ...fields,
    },
  };
}

export function interruption(fields: warmline.v1.IInterruption = {}): Event {
  return {
    interruption: {
      by: v1.Speaker.SPEAKER_AGENT,
      interruptedSegmentId: 'seg-1',
      offsetMs: 11_000,
      overlapMs: 400,
      ...fields,
    },
  };
}

export function assertion(fields: warmline.v1.IStructuredAssertion = {}): Event {
  return {
    structuredAssertion: {
      toolCallId: 'call_abc',
      model: 'gpt-4o',
      markerKind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
      markerStatus: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
      buyerQuote: 'that sounds right',
      confidence: 0.9,
      segmentIds: ['seg-1'],
      ...fields,
    },
  };
}

/** A released, in-order event as toSignals receives it, received `lagMs` after it occurred. */
export function ordered(
  sequence: number,
  event: Event,
  options: {
    eventId?: string;
    lagMs?: number;
    orderingFault?: OrderedEvent<PerceptionArrival>['orderingFault'];
  } = {},
): OrderedEvent<PerceptionArrival> {
  const env = envelope(sequence, event, { eventId: options.eventId });
  const occurred = T0 + sequence * 100;
  const arrival = perceptionArrival(env, occurred + (options.lagMs ?? 50));
  return { ...arrival, orderingFault: options.orderingFault ?? null };
}

/** Feeds events through toSignals in order (sequence = position + 1) and returns every signal. */
export function signalsOf(
  events: readonly Event[],
  thresholds = THRESHOLDS,
  context: PerceptionContext = initialPerceptionContext(INTERACTION),
): { context: PerceptionContext; signals: warmline.v1.ISignal[] } {
  const signals: warmline.v1.ISignal[] = [];
  let current = context;
  events.forEach((event, i) => {
    const outcome = toSignals(current, ordered(i + 1, event), thresholds);
    current = outcome.context;
    signals.push(...outcome.signals);
  });
  return { context: current, signals };
}

/** The last signal of feeding `events` in order. */
export function lastSignalOf(
  events: readonly Event[],
  thresholds = THRESHOLDS,
): warmline.v1.ISignal {
  const { signals } = signalsOf(events, thresholds);
  const last = signals.at(-1);
  if (last === undefined) throw new Error('no signal produced');
  return last;
}
