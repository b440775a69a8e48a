import { fromTimestamp, v1, type warmline } from '@warmline/contracts';
import { validatePerceptionEvent } from './event-validation.js';
import type { SequencedEvent } from './sequencer.js';

/** A validated perception event as perception keeps it: plain data, times in epoch milliseconds. */
export interface PerceptionArrival extends SequencedEvent {
  readonly eventId: string;
  readonly interactionId: string;
  readonly sequence: number;
  /** Envelope.occurred_at: when the fact happened. */
  readonly occurredAtMs: number;
  /** When perception received the envelope (injected clock). */
  readonly receivedAtMs: number;
  /**
   * The event as a plain object: every field of its one case present (defaults filled in), enums as
   * numbers, unknown fields dropped. The same for a decoded message and for a plain object.
   */
  readonly perception: warmline.v1.IPerceptionEvent;
}

/**
 * Validates an envelope (see validatePerceptionEvent) and turns it into a PerceptionArrival stamped
 * with `receivedAtMs`. Throws PerceptionEventInvalidError for an invalid envelope.
 */
export function perceptionArrival(
  envelope: warmline.v1.IEnvelope,
  receivedAtMs: number,
): PerceptionArrival {
  if (!Number.isFinite(receivedAtMs)) {
    throw new RangeError(
      `receivedAtMs must be a finite number of milliseconds, got ${receivedAtMs}`,
    );
  }
  validatePerceptionEvent(envelope);
  return {
    eventId: envelope.eventId as string,
    interactionId: envelope.interactionId as string,
    sequence: envelope.sequence as number,
    occurredAtMs: fromTimestamp(envelope.occurredAt ?? {}),
    receivedAtMs,
    perception: plainPerception(envelope.perceptionEvent as warmline.v1.IPerceptionEvent),
  };
}

// The state is JSON-stringified by the app: decoded messages would serialise enums as names
// (toJSON), so keep one canonical plain form instead.
function plainPerception(event: warmline.v1.IPerceptionEvent): warmline.v1.IPerceptionEvent {
  const message = v1.PerceptionEvent.fromObject(event);
  return v1.PerceptionEvent.toObject(message, { defaults: true, arrays: true });
}
