import { envelopeWith, ENVELOPES } from './__fixtures__/envelopes.js';
import { BODY_CASES, envelopeBodyCase } from './body.js';
import { decodeEnvelope, encodeEnvelope } from './codec.js';
import { ContractDecodeError, ContractValidationError, isContractError } from './errors.js';
import { warmline } from './generated/warmline.js';

const signalBody = { signal: { signalId: 'sig-1' } };

function validationErrorOf(action: () => unknown): ContractValidationError {
  try {
    action();
  } catch (err) {
    if (err instanceof ContractValidationError) return err;
    throw err;
  }
  throw new Error('expected a ContractValidationError');
}

function rawEnvelope(env: warmline.v1.IEnvelope): Uint8Array {
  return warmline.v1.Envelope.encode(env).finish();
}

describe('encodeEnvelope / decodeEnvelope', () => {
  it.each(ENVELOPES)('round-trips the %s envelope and reports its body case', (_name, env) => {
    const decoded = decodeEnvelope(encodeEnvelope(env));
    const expected = warmline.v1.Envelope.fromObject(env);
    expect(warmline.v1.Envelope.toObject(decoded, { longs: Number })).toEqual(
      warmline.v1.Envelope.toObject(expected, { longs: Number }),
    );
    expect(envelopeBodyCase(decoded)).toBe(decoded.body);
    expect(envelopeBodyCase(env)).toBe(decoded.body);
  });

  it('covers every body case with a fixture', () => {
    const cases = new Set(ENVELOPES.map(([, env]) => envelopeBodyCase(env)));
    expect(BODY_CASES.filter((name) => !cases.has(name))).toEqual([]);
  });

  it('wraps undecodable bytes in a ContractDecodeError that keeps the cause', () => {
    const bytes = encodeEnvelope(envelopeWith('cut', signalBody));
    const error = (() => {
      try {
        decodeEnvelope(bytes.subarray(0, bytes.length - 3));
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ContractDecodeError);
    expect(error).toMatchObject({ code: 'DECODE_FAILED', name: 'ContractDecodeError' });
    expect((error as ContractDecodeError).cause).toBeInstanceOf(Error);
    expect(isContractError(error)).toBe(true);
  });

  it('rejects wire bytes with the wrong wire type for a known field', () => {
    // field 1 (event_id, a string) sent as a varint, then a truncated varint
    expect(() => decodeEnvelope(Uint8Array.from([0x08, 0xff]))).toThrow(ContractDecodeError);
  });

  it.each([
    ['event_id', { interactionId: 'call-1', ...signalBody }],
    ['interaction_id', { eventId: 'evt-1', ...signalBody }],
    ['body', { eventId: 'evt-1', interactionId: 'call-1' }],
  ])('rejects a decoded envelope without %s', (field, env) => {
    const error = validationErrorOf(() => decodeEnvelope(rawEnvelope(env)));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(error.message).toContain(field);
  });

  it('refuses to encode an envelope a consumer would reject', () => {
    expect(
      validationErrorOf(() => encodeEnvelope({ interactionId: 'call-1', ...signalBody })).field,
    ).toBe('event_id');
  });

  it.each([
    ['event_id', { eventId: 'evt.1', interactionId: 'call-1', ...signalBody }],
    ['interaction_id', { eventId: 'evt-1', interactionId: 'call 1', ...signalBody }],
    ['interaction_id', { eventId: 'evt-1', interactionId: 'x'.repeat(129), ...signalBody }],
  ])('rejects an invalid %s', (field, env) => {
    expect(validationErrorOf(() => decodeEnvelope(rawEnvelope(env))).field).toBe(field);
  });

  it('accepts closer presence and dead letters without an interaction id', () => {
    for (const body of [
      { closerPresence: { closerId: 'closer-7' } },
      { deadLetter: { agent: 'router' } },
    ]) {
      const decoded = decodeEnvelope(encodeEnvelope({ eventId: 'evt-1', ...body }));
      expect(decoded.interactionId).toBe('');
    }
  });

  it('refuses a plain object with two bodies, and a decoder keeps the last body on the wire', () => {
    const twoBodies = { eventId: 'evt-1', interactionId: 'call-1', ...signalBody, deadLetter: {} };
    expect(validationErrorOf(() => encodeEnvelope(twoBodies)).field).toBe('body');
    // Proto3 oneof semantics: the last case on the wire wins; the earlier one is cleared.
    const decoded = decodeEnvelope(rawEnvelope(twoBodies));
    expect(decoded.body).toBe('deadLetter');
    expect(decoded.signal).toBeFalsy();
  });

  it('refuses a field of the wrong type instead of encoding garbage', () => {
    const env = { ...envelopeWith('typed', signalBody), sequence: 'seven' as unknown as number };
    expect(validationErrorOf(() => encodeEnvelope(env)).field).toBe('sequence');
  });
});

describe('envelopeBodyCase', () => {
  it('is undefined when no body is set', () => {
    expect(envelopeBodyCase({ eventId: 'evt-1' })).toBeUndefined();
  });
});
