import { v1 } from '@warmline/contracts';
import { DeadLetterTally, deadLetterLines } from './dead-letter-tally.js';

const R = v1.DeadLetterReason;

function deadLetter(agent: string, reason: number, errorCode: string, interactionId: string) {
  return {
    interactionId,
    deadLetter: { agent, reason, errorCode, errorMessage: `${errorCode}: something\nstack` },
  };
}

describe('DeadLetterTally', () => {
  it('counts dead letters by agent, reason and code, most frequent first, with a first example', () => {
    const tally = new DeadLetterTally();
    tally.note(
      deadLetter('router', R.DEAD_LETTER_REASON_VALIDATION_FAILED, 'HANDOFF_INPUT', 'c-1'),
    );
    tally.note(
      deadLetter('scheduler', R.DEAD_LETTER_REASON_GRANT_REFUSED, 'GRANT_STALE_INTENT', 'c-2'),
    );
    tally.note(
      deadLetter('scheduler', R.DEAD_LETTER_REASON_GRANT_REFUSED, 'GRANT_STALE_INTENT', 'c-3'),
    );
    tally.note({ interactionId: 'c-4' });
    expect(tally.list()).toEqual([
      {
        agent: 'scheduler',
        reason: 'GRANT_REFUSED',
        errorCode: 'GRANT_STALE_INTENT',
        count: 2,
        example: { interactionId: 'c-2', error: 'GRANT_STALE_INTENT: something\nstack' },
      },
      {
        agent: 'router',
        reason: 'VALIDATION_FAILED',
        errorCode: 'HANDOFF_INPUT',
        count: 1,
        example: { interactionId: 'c-1', error: 'HANDOFF_INPUT: something\nstack' },
      },
    ]);
    expect(deadLetterLines(tally.list())[1]).toBe(
      '      2  scheduler  GRANT_REFUSED GRANT_STALE_INTENT  (e.g. c-2: GRANT_STALE_INTENT: something)',
    );
  });

  it('says so when there were none', () => {
    expect(deadLetterLines([])).toEqual(['Stack dead letters about these calls: none']);
  });
});
