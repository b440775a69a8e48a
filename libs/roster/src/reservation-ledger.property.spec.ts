import { v1 } from '@warmline/contracts';
import fc from 'fast-check';
import { T0, presence, rosterOf } from './__fixtures__/closers.js';
import { isRosterError } from './errors.js';
import {
  activeReservations,
  allReservations,
  emptyLedger,
  type ReservationLedger,
} from './ledger.js';
import { reserve } from './reserve.js';
import {
  acceptReservation,
  endReservation,
  expire,
  rejectReservation,
  releaseReservation,
  rescindReservation,
} from './reservation-answers.js';
import { canTransition, type Reservation } from './reservation.js';
import { rosterClosers } from './roster.js';

const PRESENCES = [
  v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
  v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
  v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY,
  v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE,
];

const randomRoster = fc
  .array(
    fc.record({
      capacity: fc.integer({ min: 1, max: 3 }),
      presence: fc.constantFrom(...PRESENCES),
    }),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((closers) => rosterOf(...closers.map((c, i) => presence({ closerId: `c${i}`, ...c }))));

// Ids are drawn from small ranges so operations collide: the same reservation answered twice, two
// handoffs racing for one closer, a reserve redelivered after its reservation ended.
const operation = fc.oneof(
  fc.record({
    op: fc.constant('reserve' as const),
    closer: fc.nat(5),
    reservation: fc.nat(12),
    handoff: fc.nat(4),
    attempt: fc.integer({ min: 1, max: 2 }),
    ttl: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    op: fc.constantFrom(
      'accept' as const,
      'reject' as const,
      'rescind' as const,
      'release' as const,
      'end' as const,
    ),
    reservation: fc.nat(12),
  }),
  fc.record({ op: fc.constant('tick' as const), by: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ op: fc.constant('expire' as const) }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(ledger: ReservationLedger, step: Operation, nowMs: number): ReservationLedger {
  switch (step.op) {
    case 'reserve':
      // A request's fields are fixed by its id, as a redelivered message's would be.
      return reserve(
        ledger,
        `c${step.reservation % 5}`,
        {
          id: `r${step.reservation}`,
          handoffId: `h${step.reservation % 4}`,
          attempt: 1 + (step.reservation % 2),
          expiresAtMs: nowMs + step.ttl,
        },
        currentRoster,
        nowMs,
      );
    case 'accept':
      return acceptReservation(ledger, `r${step.reservation}`, nowMs);
    case 'reject':
      return rejectReservation(ledger, `r${step.reservation}`, nowMs);
    case 'rescind':
      return rescindReservation(ledger, `r${step.reservation}`, nowMs, 'caller hung up');
    case 'release':
      return releaseReservation(ledger, `r${step.reservation}`, nowMs);
    case 'end':
      return endReservation(ledger, `r${step.reservation}`, nowMs, 'handoff ended');
    case 'expire':
      return expire(ledger, nowMs).ledger;
    case 'tick':
      return ledger;
  }
}

let currentRoster = rosterOf(presence());

describe('reservation ledger (property)', () => {
  it('never puts a closer over capacity and only moves reservations along the state machine', () => {
    fc.assert(
      fc.property(randomRoster, fc.array(operation, { maxLength: 80 }), (roster, steps) => {
        currentRoster = roster;
        let ledger = emptyLedger();
        let now = T0;
        const seen = new Map<string, Reservation>();
        for (const step of steps) {
          if (step.op === 'tick') now += step.by;
          let next = ledger;
          try {
            next = apply(ledger, step, now);
          } catch (err) {
            if (!isRosterError(err)) throw err; // a refusal is fine; anything else is a bug
          }
          for (const closer of rosterClosers(roster)) {
            expect(activeReservations(next, closer.closerId).length).toBeLessThanOrEqual(
              closer.capacity,
            );
          }
          const current = new Map(allReservations(next).map((r) => [r.id, r]));
          for (const [id, before] of seen) {
            const after = current.get(id);
            expect(after).toBeDefined(); // nothing disappears without pruning
            if (after === undefined) continue;
            expect({ ...after, status: '', changedAtMs: 0, reason: '' }).toEqual({
              ...before,
              status: '',
              changedAtMs: 0,
              reason: '',
            });
            if (after.status !== before.status) {
              const step = { from: before.status, to: after.status };
              expect({ ...step, legal: canTransition(step.from, step.to) }).toEqual({
                ...step,
                legal: true,
              });
            }
          }
          for (const [id, reservation] of current) {
            if (!seen.has(id)) expect(reservation.status).toBe('pending');
            const sameAttempt = [...current.values()].filter(
              (r) =>
                r.handoffId === reservation.handoffId &&
                r.attempt === reservation.attempt &&
                (r.status === 'pending' || r.status === 'accepted'),
            );
            expect(sameAttempt.length).toBeLessThanOrEqual(1);
          }
          ledger = next;
          seen.clear();
          for (const [id, r] of current) seen.set(id, r);
        }
      }),
      { numRuns: 300 },
    );
  });
});
