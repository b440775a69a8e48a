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
