import type { warmline } from './generated/warmline.js';

/** Name of the `Envelope.body` oneof case that is set, e.g. "signal" or "deadLetter". */
export type BodyCase = NonNullable<warmline.v1.Envelope['body']>;

/** Every body case, in field-number order (Envelope fields 20..33). */
export const BODY_CASES: readonly BodyCase[] = [
  'perceptionEvent',
  'signal',
  'intentStateChanged',
  'escalationDecision',
  'grantRevoked',
  'handoffEvent',
  'reservationEvent',
  'reservationResponse',
  'telephonyCommand',
  'callProgress',
  'closerPresence',
  'appointmentEvent',
  'deadLetter',
  'appointmentChangeRequest',
];

/** The `PerceptionEvent.event` oneof cases, in field-number order. */
export const PERCEPTION_CASES = [
  'callStarted',
  'callAnswered',
  'answeringMachineResult',
  'transcriptSegment',
  'interruption',
  'silence',
  'callTimeout',
  'hangUp',
  'tokenLimitReached',
  'promptDrift',
  'structuredAssertion',
] as const satisfies readonly (keyof warmline.v1.IPerceptionEvent)[];

/** Name of one `PerceptionEvent.event` case, e.g. "transcriptSegment". */
export type PerceptionCase = (typeof PERCEPTION_CASES)[number];

/** Every case set on a perception event (a valid event has exactly one). */
export function perceptionCasesOf(event: warmline.v1.IPerceptionEvent): PerceptionCase[] {
  return PERCEPTION_CASES.filter((name) => event[name] != null);
}

/** Body cases whose envelopes are not keyed by an interaction (interaction_id may be empty). */
export const BODIES_WITHOUT_INTERACTION: readonly BodyCase[] = ['closerPresence', 'deadLetter'];

/**
 * The oneof case set on an envelope, or `undefined` when none is. Works for decoded messages and for
 * plain objects, which have no `body` getter (encodeEnvelope refuses a plain object with two bodies).
 */
export function envelopeBodyCase(env: warmline.v1.IEnvelope): BodyCase | undefined {
  return BODY_CASES.find((name) => env[name] != null);
}

/** Every body case set on an envelope (more than one is a contract violation on plain objects). */
export function envelopeBodyCases(env: warmline.v1.IEnvelope): BodyCase[] {
  return BODY_CASES.filter((name) => env[name] != null);
}
