import {
  PERCEPTION_CASES,
  envelopeBodyCases,
  fromTimestamp,
  perceptionCasesOf,
  v1,
  type PerceptionCase,
  type warmline,
} from '@warmline/contracts';
import { validateCallStarted } from './call-started.js';
import { wireName } from './event-cases.js';
import {
  validateAnsweringMachineResult,
  validateCallAnswered,
  validateCallTimeout,
  validateHangUp,
  validateInterruption,
  validatePromptDrift,
  validateSilence,
  validateStructuredAssertion,
  validateTokenLimitReached,
  validateTranscriptSegment,
} from './event-rules.js';
import { PerceptionEventInvalidError } from './errors.js';
import { invalid, requireId } from './field-rules.js';

const EVENT_AT = 'perception_event';

type CaseRule = (event: never, at: string) => void;

const CASE_RULES: Record<PerceptionCase, CaseRule> = {
  callStarted: validateCallStarted,
  callAnswered: validateCallAnswered,
  answeringMachineResult: validateAnsweringMachineResult,
  transcriptSegment: validateTranscriptSegment,
  interruption: validateInterruption,
  silence: validateSilence,
  callTimeout: validateCallTimeout,
  hangUp: validateHangUp,
  tokenLimitReached: validateTokenLimitReached,
  promptDrift: validatePromptDrift,
  structuredAssertion: validateStructuredAssertion,
};

/**
 * Checks an envelope carrying a PerceptionEvent before perception touches its state: envelope ids,
 * `sequence` (0 = unsequenced, released on arrival; else the producer's 1, 2, 3…), `occurred_at`, exactly one event case, the wire types, and
 * every rule of that case. Works on decoded messages and plain objects. Throws
 * PerceptionEventInvalidError (code PERCEPTION_EVENT_INVALID) naming the first bad field.
 */
export function validatePerceptionEvent(envelope: warmline.v1.IEnvelope): void {
  if (typeof envelope !== 'object' || envelope === null) {
    throw new PerceptionEventInvalidError('envelope', 'envelope must be an object');
  }
  requireId(envelope.eventId, 'event_id');
  requireId(envelope.interactionId, 'interaction_id');
  requirePerceptionBody(envelope);
  requireSequence(envelope.sequence);
  requireOccurredAt(envelope.occurredAt);
  const event = envelope.perceptionEvent as warmline.v1.IPerceptionEvent;
  const name = requireOneCase(event);
  const typeError = v1.PerceptionEvent.verify(event);
  if (typeError) throw typeErrorOf(typeError);
  const rule = CASE_RULES[name] as (event: unknown, at: string) => void;
  rule(event[name], `${EVENT_AT}.${wireName(name)}`);
}

function requirePerceptionBody(envelope: warmline.v1.IEnvelope): void {
  const bodies = envelopeBodyCases(envelope);
  if (bodies.length !== 1 || bodies[0] !== 'perceptionEvent') {
    const got = bodies.length === 0 ? 'none' : bodies.map(wireName).join(', ');
    throw new PerceptionEventInvalidError(
      'body',
      `body must be exactly perception_event, got ${got}`,
    );
  }
}

function requireSequence(sequence: number | null | undefined): void {
  const value = sequence ?? 0;
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw invalid(
      'sequence',
      `must be a uint32 (0 for a source that cannot number its events), got ${String(value)}`,
    );
  }
}

function requireOccurredAt(occurredAt: warmline.v1.IEnvelope['occurredAt']): void {
  if (occurredAt == null) throw invalid('occurred_at', 'is missing');
  const seconds: unknown = occurredAt.seconds ?? 0;
  if (typeof seconds !== 'number' && !isLong(seconds)) {
    throw invalid('occurred_at', `seconds must be an integer, got ${JSON.stringify(seconds)}`);
  }
  const nanos = occurredAt.nanos ?? 0;
  if (!Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999) {
    throw invalid('occurred_at', `nanos must be within 0..999999999, got ${String(nanos)}`);
  }
  const ms = fromTimestamp(occurredAt);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw invalid('occurred_at', `must be a time after 1970-01-01, got ${String(ms)} ms`);
  }
}

function isLong(value: unknown): boolean {
  return typeof (value as { toNumber?: unknown } | null)?.toNumber === 'function';
}

function requireOneCase(event: warmline.v1.IPerceptionEvent | null | undefined): PerceptionCase {
  if (typeof event !== 'object' || event === null) {
    throw invalid(EVENT_AT, 'is missing');
  }
  const cases = perceptionCasesOf(event);
  if (cases.length !== 1) {
    const got = cases.length === 0 ? 'none' : cases.map(wireName).join(', ');
    throw invalid(
      `${EVENT_AT}.event`,
      `must have exactly one case set (${PERCEPTION_CASES.length} known), got ${got}`,
    );
  }
  return cases[0] as PerceptionCase;
}

// protobufjs verify messages read "<camelCase path>: <expectation>", e.g. "silence.durationMs: integer expected".
function typeErrorOf(message: string): PerceptionEventInvalidError {
  const colon = message.indexOf(':');
  const path = colon > 0 ? message.slice(0, colon) : '';
  const field = path ? `${EVENT_AT}.${path.split('.').map(wireName).join('.')}` : EVENT_AT;
  const expectation = colon > 0 ? message.slice(colon + 1).trim() : message;
  return new PerceptionEventInvalidError(field, `${field}: ${expectation}`);
}
