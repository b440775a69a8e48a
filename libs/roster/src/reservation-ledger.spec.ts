import { v1 } from '@warmline/contracts';
import { MINUTE, T0, presence, rosterOf } from './__fixtures__/closers.js';
import {
  CapacityExceededError,
  CloserUnavailableError,
  IllegalReservationTransitionError,
  ReservationConflictError,
  ReservationExpiredError,
  ReservationInvalidError,
  ReservationNotFoundError,
} from './errors.js';
import {
  activeReservations,
  closerLedger,
  emptyLedger,
  findReservation,
  pruneLedger,
  type ReservationLedger,
} from './ledger.js';
import { reserve } from './reserve.js';
import {
  acceptReservation,
  answerReservation,
  endReservation,
  expire,
  rejectReservation,
  releaseReservation,
  rescindReservation,
} from './reservation-answers.js';
import { reservationEvent } from './reservation-event.js';
import { canTransition, reservationStateOf, type ReservationStatus } from './reservation.js';

const roster = rosterOf(
  presence({ closerId: 'solo' }),
  presence({ closerId: 'duo', capacity: 2 }),
  presence({ closerId: 'gone', presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE }),
);

function request(id: string, handoffId = `h-${id}`, attempt = 1) {
  return { id, handoffId, attempt, expiresAtMs: T0 + MINUTE };
}

function statusOf(ledger: ReservationLedger, id: string): ReservationStatus | undefined {
  return findReservation(ledger, id)?.status;
}

const held = reserve(emptyLedger(), 'solo', request('r1'), roster, T0);

describe('reserve', () => {
  it('holds a pending reservation and stamps the assignment', () => {
    expect(findReservation(held, 'r1')).toEqual({
      id: 'r1',
      handoffId: 'h-r1',
      attempt: 1,
      expiresAtMs: T0 + MINUTE,
      closerId: 'solo',
      status: 'pending',
      reservedAtMs: T0,
      changedAtMs: T0,
      reason: '',
    });
    expect(closerLedger(held, 'solo')).toMatchObject({ lastAssignedAtMs: T0, assignments: 1 });
  });

  it('refuses a second reservation beyond capacity', () => {
    const err = (() => {
      try {
        reserve(held, 'solo', request('r2'), roster, T0);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(CapacityExceededError);
    expect(err).toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      closerId: 'solo',
      capacity: 1,
      active: 1,
    });
  });

  it('allows as many reservations as the capacity', () => {
    const two = reserve(
      reserve(emptyLedger(), 'duo', request('a'), roster, T0),
      'duo',
      request('b'),
      roster,
      T0,
    );
    expect(activeReservations(two, 'duo')).toHaveLength(2);
    expect(() => reserve(two, 'duo', request('c'), roster, T0)).toThrow(CapacityExceededError);
  });

  it('refuses an unknown or unavailable closer', () => {
    expect(() => reserve(emptyLedger(), 'nobody', request('x'), roster, T0)).toThrow(
      expect.objectContaining({ code: 'CLOSER_UNAVAILABLE', presence: 'unknown' }),
    );
    expect(() => reserve(emptyLedger(), 'gone', request('x'), roster, T0)).toThrow(
      new CloserUnavailableError('gone', 'offline'),
    );
  });

  it('is idempotent by reservation id, even after the reservation ended', () => {
    expect(reserve(held, 'solo', request('r1'), roster, T0 + 5)).toBe(held);
    const timedOut = expire(held, T0 + MINUTE).ledger;
    expect(reserve(timedOut, 'solo', request('r1'), roster, T0 + MINUTE + 1)).toBe(timedOut);
    expect(statusOf(timedOut, 'r1')).toBe('timeout');
  });

  it('refuses to reuse a reservation id for another closer or handoff', () => {
    expect(() => reserve(held, 'duo', request('r1'), roster, T0)).toThrow(ReservationConflictError);
    expect(() => reserve(held, 'solo', request('r1', 'other-handoff'), roster, T0)).toThrow(
      ReservationConflictError,
    );
  });

  it('refuses a second active reservation for the same handoff attempt (one closer per attempt)', () => {
    expect(() => reserve(held, 'duo', request('r9', 'h-r1', 1), roster, T0)).toThrow(
      expect.objectContaining({ code: 'RESERVATION_CONFLICT' }),
    );
    const rejected = rejectReservation(held, 'r1', T0);
    expect(statusOf(reserve(rejected, 'duo', request('r9', 'h-r1', 1), roster, T0), 'r9')).toBe(
      'pending',
    );
    expect(statusOf(reserve(held, 'duo', request('r9', 'h-r1', 2), roster, T0), 'r9')).toBe(
      'pending',
    );
  });

  it.each([
    ['id', { ...request('r1'), id: 'bad id' }],
    ['handoffId', { ...request('r1'), handoffId: '' }],
    ['attempt', { ...request('r1'), attempt: 0 }],
    ['expiresAtMs', { ...request('r1'), expiresAtMs: T0 }],
    ['expiresAtMs', { ...request('r1'), expiresAtMs: Number.NaN }],
  ])('refuses a request with a bad %s', (field, bad) => {
    expect(() => reserve(emptyLedger(), 'solo', bad, roster, T0)).toThrow(
      expect.objectContaining({ code: 'RESERVATION_INVALID', field }),
    );
    expect(() => reserve(emptyLedger(), 'solo', bad, roster, T0)).toThrow(ReservationInvalidError);
  });

  it('does not change the ledger it was given', () => {
    const before = JSON.stringify(held);
    reserve(held, 'duo', request('r2'), roster, T0);
    acceptReservation(held, 'r1', T0);
    expect(JSON.stringify(held)).toBe(before);
  });
});

describe('reservation state machine', () => {
  it('follows pending -> accepted -> released', () => {
    const accepted = acceptReservation(held, 'r1', T0 + 1);
    expect(statusOf(accepted, 'r1')).toBe('accepted');
    expect(activeReservations(accepted, 'solo')).toHaveLength(1);
    const released = releaseReservation(accepted, 'r1', T0 + 2);
    expect(findReservation(released, 'r1')).toMatchObject({
      status: 'released',
      changedAtMs: T0 + 2,
      reason: 'handoff ended',
    });
    expect(activeReservations(released, 'solo')).toEqual([]);
  });

  it.each<[string, (l: ReservationLedger) => ReservationLedger, ReservationStatus]>([
    ['reject', (l) => rejectReservation(l, 'r1', T0 + 1, 'on a break'), 'rejected'],
    ['rescind', (l) => rescindReservation(l, 'r1', T0 + 1, 'caller hung up'), 'rescinded'],
  ])('%s frees the capacity for good', (_name, change, status) => {
    const ended = change(held);
    expect(statusOf(ended, 'r1')).toBe(status);
    expect(activeReservations(ended, 'solo')).toEqual([]);
    expect(() => acceptReservation(ended, 'r1', T0 + 2)).toThrow(IllegalReservationTransitionError);
  });

  it('treats a repeated change as a no-op and any other change of an ended reservation as illegal', () => {
    const rejected = rejectReservation(held, 'r1', T0 + 1);
    expect(rejectReservation(rejected, 'r1', T0 + 2)).toBe(rejected);
    expect(() => rescindReservation(rejected, 'r1', T0 + 2, 'late')).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_RESERVATION_TRANSITION',
        from: 'rejected',
        to: 'rescinded',
      }),
    );
    const accepted = acceptReservation(held, 'r1', T0 + 1);
    expect(acceptReservation(accepted, 'r1', T0 + 2)).toBe(accepted);
    expect(() => rejectReservation(accepted, 'r1', T0 + 2)).toThrow(
      IllegalReservationTransitionError,
    );
    expect(() => releaseReservation(held, 'r1', T0 + 2)).toThrow(IllegalReservationTransitionError);
  });

  it('refuses an acceptance at or after expiry without changing the reservation', () => {
    expect(() => acceptReservation(held, 'r1', T0 + MINUTE)).toThrow(ReservationExpiredError);
    expect(statusOf(held, 'r1')).toBe('pending');
  });

  it('refuses to change a reservation it does not know', () => {
    expect(() => acceptReservation(held, 'nope', T0)).toThrow(ReservationNotFoundError);
    expect(() => endReservation(held, 'nope', T0, 'x')).toThrow(
      expect.objectContaining({ code: 'RESERVATION_NOT_FOUND' }),
    );
  });

  it('has the documented transition table', () => {
    const all: ReservationStatus[] = [
      'pending',
      'accepted',
      'rejected',
      'timeout',
      'rescinded',
      'released',
    ];
    const allowed = all.flatMap((from) =>
      all.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed).toEqual([
      'pending->accepted',
      'pending->rejected',
      'pending->timeout',
      'pending->rescinded',
      'accepted->released',
    ]);
  });
});

describe('endReservation', () => {
  it('rescinds a pending reservation, releases an accepted one and leaves an ended one alone', () => {
    expect(statusOf(endReservation(held, 'r1', T0 + 1, 'caller hung up'), 'r1')).toBe('rescinded');
    const accepted = acceptReservation(held, 'r1', T0 + 1);
    expect(statusOf(endReservation(accepted, 'r1', T0 + 2, 'call over'), 'r1')).toBe('released');
    const rejected = rejectReservation(held, 'r1', T0 + 1);
    expect(endReservation(rejected, 'r1', T0 + 2, 'caller hung up')).toBe(rejected);
  });
});

describe('answerReservation', () => {
  it('applies a ReservationResponse from the reserved closer', () => {
    expect(
      statusOf(
        answerReservation(held, { reservationId: 'r1', closerId: 'solo', accepted: true }, T0 + 1),
        'r1',
      ),
    ).toBe('accepted');
    const rejected = answerReservation(
      held,
      { reservationId: 'r1', closerId: 'solo', accepted: false, reason: 'on a break' },
      T0 + 1,
    );
    expect(findReservation(rejected, 'r1')).toMatchObject({
      status: 'rejected',
      reason: 'on a break',
    });
  });

  it('refuses an answer from another closer', () => {
    expect(() =>
      answerReservation(held, { reservationId: 'r1', closerId: 'duo', accepted: true }, T0 + 1),
    ).toThrow(ReservationConflictError);
  });
});

describe('expire', () => {
  it('times out overdue pending reservations, frees their capacity and reports them', () => {
    const ledger = reserve(
      held,
      'duo',
      { ...request('r2'), expiresAtMs: T0 + 2 * MINUTE },
      roster,
      T0,
    );
    const { ledger: after, expired } = expire(ledger, T0 + MINUTE);
    expect(expired.map((r) => [r.id, r.status, r.changedAtMs])).toEqual([
      ['r1', 'timeout', T0 + MINUTE],
    ]);
    expect(statusOf(after, 'r1')).toBe('timeout');
    expect(statusOf(after, 'r2')).toBe('pending');
    expect(activeReservations(after, 'solo')).toEqual([]);
  });

  it('leaves accepted reservations alone and returns the same ledger when nothing is overdue', () => {
    const accepted = acceptReservation(held, 'r1', T0 + 1);
    const result = expire(accepted, T0 + 10 * MINUTE);
    expect(result.ledger).toBe(accepted);
    expect(result.expired).toEqual([]);
    expect(expire(held, T0 + MINUTE - 1).ledger).toBe(held);
  });

  it('is idempotent: expiring twice times out once', () => {
    const once = expire(held, T0 + MINUTE);
    const twice = expire(once.ledger, T0 + 2 * MINUTE);
    expect(twice.expired).toEqual([]);
    expect(twice.ledger).toBe(once.ledger);
  });
});

describe('pruneLedger', () => {
  it('drops ended reservations older than the horizon and keeps active ones', () => {
    const ledger = reserve(
      rejectReservation(held, 'r1', T0 + 1),
      'duo',
      request('r2'),
      roster,
      T0 + 2,
    );
    const pruned = pruneLedger(ledger, T0 + 2);
    expect(findReservation(pruned, 'r1')).toBeNull();
    expect(statusOf(pruned, 'r2')).toBe('pending');
    expect(closerLedger(pruned, 'solo')).toMatchObject({ lastAssignedAtMs: T0, assignments: 1 });
    expect(pruneLedger(ledger, T0)).toBe(ledger);
  });
});

describe('reservationEvent', () => {
  it('builds the wire event, with released travelling as RESCINDED', () => {
    const released = releaseReservation(acceptReservation(held, 'r1', T0 + 1), 'r1', T0 + 2);
    const reservation = findReservation(released, 'r1');
    if (reservation === null) throw new Error('missing');
    const event = reservationEvent(reservation, { grantId: 'g1' });
    expect(
      v1.ReservationEvent.toObject(v1.ReservationEvent.fromObject(event), { longs: Number }),
    ).toEqual({
      reservationId: 'r1',
      closerId: 'solo',
      state: v1.ReservationState.RESERVATION_STATE_RESCINDED,
      expiresAt: { seconds: (T0 + MINUTE) / 1000 },
      reason: 'handoff ended',
      handoffId: 'h-r1',
      attempt: 1,
      grantId: 'g1',
    });
    expect(reservationStateOf('pending')).toBe(v1.ReservationState.RESERVATION_STATE_PENDING);
  });
});
