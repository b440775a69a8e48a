import { isValidId } from '@warmline/contracts';
import fc from 'fast-check';
import { derivedId } from './derived-id.js';

describe('derivedId', () => {
  it('prefixes short sources as they are', () => {
    expect(derivedId('apt-booked', 'appt-g1')).toBe('apt-booked-appt-g1');
  });

  it('replaces a source too long to prefix by its digest', () => {
    const long = 'g'.repeat(128);
    const id = derivedId('apt-booked', long);
    expect(id).toMatch(/^apt-booked-[A-Za-z0-9_-]{43}$/);
    expect(derivedId('apt-booked', `${long.slice(1)}h`)).not.toBe(id);
  });

  it('always yields a valid id, the same for the same input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('apt-booked', 'apt-crm-booked', 'scheduler-grant-refused'),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/),
        (prefix, source) => {
          const id = derivedId(prefix, source);
          expect(isValidId(id)).toBe(true);
          expect(derivedId(prefix, source)).toBe(id);
        },
      ),
    );
  });
});
