import { v1 } from '@warmline/contracts';
import {
  DEFAULT_SCENARIO,
  Rng,
  closersOf,
  deskResponse,
  type DeskAnswer,
} from '@warmline/simulation';
import fc from 'fast-check';
import { CloserLoad } from './closer-load.js';
import { deskStream, dialOutcomeOf, reservationReply } from './desk-responder.js';

const S = v1.CallProgressState;
const pending = {
  reservationId: 'ho-1-r1',
  closerId: 'closer-01',
  state: v1.ReservationState.RESERVATION_STATE_PENDING,
  attempt: 1,
};

function answer(
  response: DeskAnswer['response'],
  reservation: DeskAnswer['reservation'],
): DeskAnswer {
  return { response, reservation, leg: { state: S.CALL_PROGRESS_STATE_ANSWERED, afterMs: 1_500 } };
}

describe('reservationReply', () => {
  it('accepts after the closer reaction time', () => {
    expect(reservationReply(pending, answer('accept', { accepted: true, afterMs: 4_000 }))).toEqual(
      {
        afterMs: 4_000,
        response: { reservationId: 'ho-1-r1', closerId: 'closer-01', accepted: true, reason: '' },
      },
    );
  });

  it('rejects with a reason when the closer declines', () => {
    expect(
      reservationReply(pending, answer('decline', { accepted: false, afterMs: 2_500 }))?.response,
    ).toEqual({
      reservationId: 'ho-1-r1',
      closerId: 'closer-01',
      accepted: false,
      reason: 'declined at the desk',
    });
  });

  it('gives no answer when the closer does not answer: the reservation times out', () => {
    expect(reservationReply(pending, answer('no_answer', null))).toBeNull();
  });

  it('answers as deskResponse drew for every closer and draw (property)', () => {
    const [closer] = closersOf(DEFAULT_SCENARIO);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const drawn = deskResponse(closer!, Rng.seeded(seed, 'desk'), 'warm');
        const reply = reservationReply(pending, drawn);
        if (drawn.response === 'no_answer') expect(reply).toBeNull();
        else expect(reply?.response.accepted).toBe(drawn.response !== 'decline');
      }),
      { numRuns: 200 },
    );
  });
});

describe('dialOutcomeOf', () => {
  it('plays the drawn leg reaction, or BUSY when the closer is at capacity', () => {
    const drawn = answer('accept', { accepted: true, afterMs: 1 });
    expect(dialOutcomeOf(drawn, false)).toEqual({
      kind: 'rings',
      state: S.CALL_PROGRESS_STATE_ANSWERED,
      afterMs: 1_500,
    });
    expect(dialOutcomeOf(drawn, true)).toEqual({ kind: 'busy' });
  });
});

describe('deskStream', () => {
  it('draws per attempt, afresh for a later transfer of the same call', () => {
    expect(deskStream(1, 1)).toBe('desk-1');
    expect(deskStream(1, 2)).toBe('desk-2');
    expect(deskStream(2, 1)).toBe('desk-2-1');
  });
});

describe('CloserLoad', () => {
  const load = () =>
    new CloserLoad(
      new Map([
        ['closer-01', 2],
        ['closer-02', 1],
      ]),
    );

  it('reports busy when a closer reaches capacity and available when a call frees them', () => {
    const closers = load();
    expect(closers.connect('closer-01', 'call-a')).toBeNull();
    expect(closers.connect('closer-01', 'call-b')).toEqual({
      closerId: 'closer-01',
      presence: 'busy',
    });
    expect(closers.isFull('closer-01')).toBe(true);
    expect(closers.release('closer-01', 'call-a')).toEqual({
      closerId: 'closer-01',
      presence: 'available',
    });
    expect(closers.release('closer-01', 'call-b')).toBeNull();
    expect(closers.load('closer-01')).toBe(0);
  });

  it('counts a call once and ignores closers it does not know', () => {
    const closers = load();
    expect(closers.connect('closer-02', 'call-a')).not.toBeNull();
    expect(closers.connect('closer-02', 'call-a')).toBeNull();
    expect(closers.load('closer-02')).toBe(1);
    expect(closers.connect('closer-99', 'call-a')).toBeNull();
    expect(closers.isFull('closer-99')).toBe(false);
    expect(closers.calls()).toEqual([['closer-02', 'call-a']]);
  });
});
