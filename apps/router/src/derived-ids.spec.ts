import fc from 'fast-check';
import { isValidId } from '@warmline/contracts';
import { boundedId, reservationIdOf, telephonyEventId } from './derived-ids.js';

describe('derived ids', () => {
  it('are always valid ids, the same for the same text, and distinct for distinct texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const x = boundedId(`x${a}`);
        expect(isValidId(x)).toBe(true);
        expect(boundedId(`x${a}`)).toBe(x);
        const y = boundedId(`x${b}`);
        if (a !== b && /^[A-Za-z0-9_-]*$/.test(a + b)) expect(x).not.toBe(y);
      }),
    );
  });

  it('turns a command key into an event id and keys reservations by handoff and attempt', () => {
    expect(telephonyEventId('ho-g1:2:dial')).toBe('tel-ho-g1_2_dial');
    expect(reservationIdOf('ho-g1', 2)).toBe('ho-g1-r2');
  });
});
