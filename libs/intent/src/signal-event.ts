// A signal as qualification receives it. warmline.v1.Signal carries neither the interaction nor the
// time: both travel in its Envelope. Time is the envelope's `occurred_at` (when the fact happened),
// never the clock at hand, so replaying the same signals writes byte-identical states.
import {
  fromOptionalTimestamp,
  isValidId,
  perceptionCasesOf,
  v1,
  type PerceptionCase,
  type IEnvelope,
  type ISignal,
  type warmline,
} from '@warmline/contracts';
import { SignalInvalidError } from './errors.js';

/** One signal with the envelope facts qualification needs. */
export interface SignalEvent {
  /** Envelope.interaction_id. */
  readonly interactionId: string;
  /** Envelope.occurred_at in ms since the epoch: used for every timestamp the signal writes. */
  readonly occurredAtMs: number;
  readonly signal: ISignal;
}

/** The SignalEvent of an envelope whose body is a Signal; throws SignalInvalidError otherwise. */
export function signalEventFromEnvelope(envelope: IEnvelope): SignalEvent {
  if (envelope.signal == null) {
    throw new SignalInvalidError('envelope.signal', 'envelope does not carry a Signal body');
  }
  const occurredAtMs = fromOptionalTimestamp(envelope.occurredAt);
  if (occurredAtMs === undefined) {
    throw new SignalInvalidError('envelope.occurred_at', 'signal envelope has no occurred_at');
  }
  return { interactionId: envelope.interactionId ?? '', occurredAtMs, signal: envelope.signal };
}

/** The one perception case set on `event`'s signal, after checking the fields qualification relies on. */
export function checkedCase(event: SignalEvent): PerceptionCase {
  if (!isValidId(event.interactionId)) {
    throw new SignalInvalidError(
      'interaction_id',
      `interaction id "${event.interactionId}" is not valid`,
    );
  }
  if (!Number.isFinite(event.occurredAtMs) || event.occurredAtMs < 0) {
    throw new SignalInvalidError(
      'occurred_at',
      `occurred_at ${event.occurredAtMs} is not an instant`,
    );
  }
  const { signal } = event;
  if (!isValidId(signal.signalId ?? '')) {
    throw new SignalInvalidError(
      'signal.signal_id',
      `signal id "${signal.signalId ?? ''}" is not valid`,
    );
  }
  const perception = signal.perception ?? {};
  const set = perceptionCasesOf(perception);
  if (set.length !== 1) {
    throw new SignalInvalidError(
      'signal.perception',
      `signal ${signal.signalId} must carry exactly one perception event, found ${set.length}`,
    );
  }
  const name = set[0] as PerceptionCase;
  if (name === 'transcriptSegment' && (perception.transcriptSegment?.segmentId ?? '') === '') {
    throw new SignalInvalidError(
      'signal.perception.transcript_segment.segment_id',
      `transcript signal ${signal.signalId} has no segment id`,
    );
  }
  if (name === 'structuredAssertion')
    checkAssertion(signal.signalId as string, perception.structuredAssertion ?? {});
  return name;
}

function checkAssertion(signalId: string, assertion: warmline.v1.IStructuredAssertion): void {
  const aboutMarker = (assertion.markerKind ?? 0) !== v1.MarkerKind.MARKER_KIND_UNSPECIFIED;
  const aboutObjection = (assertion.objectionTopic ?? '').trim() !== '';
  if (aboutMarker === aboutObjection) {
    throw new SignalInvalidError(
      'signal.perception.structured_assertion',
      `assertion ${signalId} must be about exactly one of marker_kind or objection_topic`,
    );
  }
  if (aboutObjection && normalisedTopic(assertion.objectionTopic ?? '') === null) {
    throw new SignalInvalidError(
      'signal.perception.structured_assertion.objection_topic',
      `assertion ${signalId}: objection topic "${assertion.objectionTopic}" is not a lower_snake_case word`,
    );
  }
}

/** "Contract length" / "contract-length" -> "contract_length"; `null` when nothing usable is left. */
export function normalisedTopic(topic: string): string | null {
  const snake = topic
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/gu, '_');
  return /^[a-z][a-z0-9_]{0,63}$/u.test(snake) ? snake : null;
}
