// Whatever bytes arrive on the bus, decodeEnvelope either returns an envelope or throws one of the two
// contract errors: never a TypeError, RangeError or anything a consumer would not route to dead-letter.
import fc from 'fast-check';
import { ENVELOPES } from './__fixtures__/envelopes.js';
import { decodeEnvelope, encodeEnvelope } from './codec.js';
import { ContractDecodeError, ContractValidationError } from './errors.js';

const valid = ENVELOPES.map(([, env]) => encodeEnvelope(env));

function decodesOrFailsCleanly(bytes: Uint8Array): boolean {
  try {
    decodeEnvelope(bytes);
    return true;
  } catch (err) {
    if (err instanceof ContractDecodeError || err instanceof ContractValidationError) return true;
    throw err;
  }
}

const validBytes = fc.constantFrom(...valid);

describe('decodeEnvelope on hostile input', () => {
  it('random bytes: returns or throws a contract error', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), decodesOrFailsCleanly), {
      numRuns: 2_000,
    });
  });

  it('truncated valid envelopes: returns or throws a contract error', () => {
    const truncated = validBytes.chain((bytes) =>
      fc.nat({ max: bytes.length - 1 }).map((cut) => bytes.subarray(0, cut)),
    );
    fc.assert(fc.property(truncated, decodesOrFailsCleanly), { numRuns: 2_000 });
  });

  it('valid envelopes with corrupted bytes: returns or throws a contract error', () => {
    const corrupted = validBytes.chain((bytes) =>
      fc
        .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((edits) => {
          const copy = Uint8Array.from(bytes);
          for (const [at, value] of edits) copy[at] = value;
          return copy;
        }),
    );
    fc.assert(fc.property(corrupted, decodesOrFailsCleanly), { numRuns: 2_000 });
  });

  it('valid envelopes always decode', () => {
    for (const bytes of valid) expect(() => decodeEnvelope(bytes)).not.toThrow();
  });
});
