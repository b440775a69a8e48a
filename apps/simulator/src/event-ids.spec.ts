import { isValidId, v1 } from '@warmline/contracts';
import fc from 'fast-check';
import { boundedId, callProgressEventId } from './event-ids.js';

describe('event ids', () => {
  it('names a report by its command, leg and state', () => {
    expect(
      callProgressEventId('call-1', {
        commandId: 'ho-1:1:dial',
        legId: 'leg-ho-1-1',
        state: v1.CallProgressState.CALL_PROGRESS_STATE_RINGING,
      }),
    ).toBe('cp-ho-1_1_dial-leg-ho-1-1-RINGING');
    expect(
      callProgressEventId('call-1', {
        handoffId: 'ho-1',
        state: v1.CallProgressState.CALL_PROGRESS_STATE_CALLER_HUNG_UP,
      }),
    ).toBe('cp-call-1-ho-1--CALLER_HUNG_UP');
  });

  it('always makes a valid id, and distinct texts distinct ids (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 400 }),
        fc.string({ minLength: 1, maxLength: 400 }),
        (a, b) => {
          expect(isValidId(boundedId(a))).toBe(true);
          if (a !== b && boundedId(a) === boundedId(b)) {
            // Only texts that differ in characters outside the id alphabet may share an id.
            expect(a.replace(/[^A-Za-z0-9_-]/g, '_')).toBe(b.replace(/[^A-Za-z0-9_-]/g, '_'));
          }
        },
      ),
    );
  });
});
