import { CorruptStoredValueError } from '../port/errors.js';
import { decodeClaim, encodeClaim } from './claim-codec.js';

describe('claim codec', () => {
  it('round-trips owner and time', () => {
    expect(decodeClaim(encodeClaim({ owner: 'router-1', claimedAt: 42 }), 'here')).toEqual({
      owner: 'router-1',
      claimedAt: 42,
    });
  });

  it.each(['nope', '{}', '{"owner":1,"claimedAt":2}', 'null'])('reports %s as corrupt', (text) => {
    expect(() => decodeClaim(new TextEncoder().encode(text), 'WL_IDEMPOTENCY/k')).toThrow(
      CorruptStoredValueError,
    );
  });
});
