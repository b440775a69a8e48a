import protobuf from 'protobufjs/minimal.js';
import { BODIES_WITHOUT_INTERACTION, envelopeBodyCases } from './body.js';
import { ContractDecodeError, ContractValidationError } from './errors.js';
import { warmline } from './generated/warmline.js';
import { isValidId } from './ids.js';

const { Envelope } = warmline.v1;

/**
 * Validates and encodes an envelope. Throws ContractValidationError for an envelope a consumer would
 * reject, so a producer fails before publishing rather than feeding a dead-letter queue.
 */
export function encodeEnvelope(env: warmline.v1.IEnvelope): Uint8Array {
  const typeError = Envelope.verify(env);
  if (typeError)
    throw new ContractValidationError(fieldOfVerifyError(typeError), `Envelope: ${typeError}`);
  validateEnvelope(env);
  return Envelope.encode(env).finish();
}

/**
 * Decodes and validates an envelope. Throws ContractDecodeError (with the protobufjs error as `cause`)
 * for bytes that are not an Envelope, and ContractValidationError for one that breaks a contract rule.
 * Fields this code does not know (from a newer producer) are kept in protobufjs' non-enumerable
 * `$unknowns` and written back unchanged by encode, so storing or relaying an envelope loses nothing.
 */
export function decodeEnvelope(bytes: Uint8Array): warmline.v1.Envelope {
  let env: warmline.v1.Envelope;
  try {
    env = Envelope.decode(preservingReader(bytes));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ContractDecodeError(`bytes are not a warmline.v1.Envelope: ${reason}`, { cause });
  }
  validateEnvelope(env);
  return env;
}

/**
 * Contract rules beyond the wire format: event_id is a valid id, exactly one body is set, and
 * interaction_id is a valid id unless the body is not interaction-keyed (closer presence, dead letter).
 */
export function validateEnvelope(env: warmline.v1.IEnvelope): void {
  if (!env.eventId) throw missing('event_id');
  if (!isValidId(env.eventId)) throw invalidId('event_id', env.eventId);
  const bodies = envelopeBodyCases(env);
  if (bodies.length === 0) throw missing('body');
  if (bodies.length > 1) {
    throw new ContractValidationError(
      'body',
      `Envelope.body has ${bodies.length} cases set: ${bodies.join(', ')}`,
    );
  }
  const body = bodies[0];
  if (!env.interactionId) {
    if (body !== undefined && BODIES_WITHOUT_INTERACTION.includes(body)) return;
    throw missing('interaction_id');
  }
  if (!isValidId(env.interactionId)) throw invalidId('interaction_id', env.interactionId);
}

// protobufjs discards unknown fields by default (a global switch); opt in per reader instead.
function preservingReader(bytes: Uint8Array): protobuf.Reader {
  const reader = protobuf.Reader.create(bytes);
  reader.discardUnknown = false;
  return reader;
}

function missing(field: string): ContractValidationError {
  return new ContractValidationError(field, `Envelope.${field} is missing`);
}

function invalidId(field: string, value: string): ContractValidationError {
  return new ContractValidationError(
    field,
    `Envelope.${field} must match [A-Za-z0-9_-]{1,128}, got ${JSON.stringify(value.slice(0, 140))}`,
  );
}

// protobufjs verify messages read "<field path>: <expectation>", e.g. "signal.quality.score: number expected".
function fieldOfVerifyError(message: string): string {
  const colon = message.indexOf(':');
  return colon > 0 ? message.slice(0, colon) : 'envelope';
}
