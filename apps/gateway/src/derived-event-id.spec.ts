import fc from 'fast-check';
import { isValidId } from '@warmline/contracts';
import { derivedEventId } from './derived-event-id.js';

describe('derivedEventId', () => {
  it('joins the parts when that is a valid id', () => {
    expect(derivedEventId('twilio', 'CA0123', 'amd-human')).toBe('twilio-CA0123-amd-human');
  });

  it('is always a valid id, the same for the same parts and different for different ones', () => {
    const part = fc.string({ maxLength: 200 });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), part, (parts, extra) => {
        const id = derivedEventId('kind', ...parts);
        expect(isValidId(id)).toBe(true);
        expect(derivedEventId('kind', ...parts)).toBe(id);
        const other = [...parts.slice(0, -1), `${parts.at(-1)}${extra}x`];
        expect(derivedEventId('kind', ...other)).not.toBe(id);
      }),
    );
  });
});
