import fc from 'fast-check';
import { MINUTE, SOLAR_EN, T0, equalRoster, presence, rosterOf } from './__fixtures__/closers.js';
import { rankClosers, selectCloser, utilisation } from './fairness.js';
import { activeReservations, emptyLedger, type ReservationLedger } from './ledger.js';
import { reserve } from './reserve.js';
import {
  acceptReservation,
  expire,
  rejectReservation,
  releaseReservation,
  rescindReservation,
} from './reservation-answers.js';
import { rosterClosers, type Roster } from './roster.js';

let seq = 0;
function reserveAt(
  ledger: ReservationLedger,
  roster: Roster,
  closerId: string,
  nowMs: number,
): ReservationLedger {
  seq += 1;
  return reserve(
    ledger,
    closerId,
    { id: `r${seq}`, handoffId: `h${seq}`, attempt: 1, expiresAtMs: nowMs + MINUTE },
    roster,
    nowMs,
  );
}

function ids(closers: readonly { closerId: string }[]): string[] {
  return closers.map((c) => c.closerId);
}

describe('rankClosers', () => {
  it('puts the least utilised closer first', () => {
    const roster = rosterOf(
      presence({ closerId: 'a', capacity: 2 }),
      presence({ closerId: 'b', capacity: 4 }),
    );
    let ledger = reserveAt(emptyLedger(), roster, 'a', T0 - 3 * MINUTE);
    ledger = reserveAt(ledger, roster, 'b', T0 - 2 * MINUTE);
    expect(utilisation(rosterClosers(roster)[0]!, ledger)).toBe(0.5);
    // b holds one of four seats (0.25) while a holds one of two (0.5), though b was assigned later.
    expect(ids(rankClosers(rosterClosers(roster), ledger))).toEqual(['b', 'a']);
  });

  it('among equally utilised closers puts the one waiting longest first, never-assigned before all', () => {
    const roster = rosterOf(
      presence({ closerId: 'a' }),
      presence({ closerId: 'b' }),
      presence({ closerId: 'c' }),
    );
    let ledger = reserveAt(emptyLedger(), roster, 'a', T0 - 2 * MINUTE);
    ledger = rejectReservation(ledger, `r${seq}`, T0 - 2 * MINUTE);
    ledger = reserveAt(ledger, roster, 'b', T0 - 5 * MINUTE);
    ledger = rejectReservation(ledger, `r${seq}`, T0 - 5 * MINUTE);
    expect(ids(rankClosers(rosterClosers(roster), ledger))).toEqual(['c', 'b', 'a']);
  });

  it('breaks a same-millisecond tie by fewer assignments, then by id', () => {
    const roster = rosterOf(
      presence({ closerId: 'a' }),
      presence({ closerId: 'b' }),
      presence({ closerId: 'c' }),
    );
    let ledger = emptyLedger();
    for (const closerId of ['b', 'b', 'a', 'c']) {
      ledger = reserveAt(ledger, roster, closerId, T0);
      ledger = rejectReservation(ledger, `r${seq}`, T0);
    }
    expect(ids(rankClosers(rosterClosers(roster), ledger))).toEqual(['a', 'c', 'b']);
  });

  it('returns the same order whatever order the closers are given in', () => {
    const roster = equalRoster(5);
    const shuffled = [...rosterClosers(roster)].reverse();
    expect(ids(rankClosers(shuffled, emptyLedger()))).toEqual(ids(rosterClosers(roster)));
  });
});

describe('selectCloser', () => {
  it('picks the best eligible closer, or null when nobody is eligible', () => {
    const roster = rosterOf(
      presence({ closerId: 'a' }),
      presence({ closerId: 'b', skills: ['roofing'] }),
    );
    expect(selectCloser(roster, SOLAR_EN, emptyLedger(), T0)?.closerId).toBe('a');
    expect(selectCloser(roster, SOLAR_EN, emptyLedger(), T0, ['a'])).toBeNull();
  });
});

// How a batch of reservations ends before the next batch starts.
const ending = fc.constantFrom('accept_release', 'reject', 'rescind', 'timeout');

describe('fairness over many selections (property)', () => {
  it('keeps the assignment counts of equal closers within 1 of each other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 18 }), ending, fc.integer({ min: 0, max: 5_000 })),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (size, capacity, batches) => {
          const roster = equalRoster(size, capacity);
          const counts = new Map(rosterClosers(roster).map((c) => [c.closerId, 0]));
          let ledger = emptyLedger();
          let now = T0;
          let n = 0;
          for (const [wanted, end, gapMs] of batches) {
            const batch: string[] = [];
            // A burst: several transfers at the same instant, while earlier ones of the burst are held.
            for (let i = 0; i < Math.min(wanted, size * capacity); i += 1) {
              const closer = selectCloser(roster, SOLAR_EN, ledger, now);
              if (closer === null) throw new Error('a closer with free capacity was not selected');
              n += 1;
              ledger = reserve(
                ledger,
                closer.closerId,
                { id: `p${n}`, handoffId: `h${n}`, attempt: 1, expiresAtMs: now + 1 },
                roster,
                now,
              );
              counts.set(closer.closerId, (counts.get(closer.closerId) ?? 0) + 1);
              batch.push(`p${n}`);
            }
            const values = [...counts.values()];
            expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
            for (const id of batch) {
              if (end === 'accept_release')
                ledger = releaseReservation(acceptReservation(ledger, id, now), id, now + 1);
              if (end === 'reject') ledger = rejectReservation(ledger, id, now);
              if (end === 'rescind') ledger = rescindReservation(ledger, id, now, 'caller hung up');
            }
            if (end === 'timeout') ledger = expire(ledger, now + 1).ledger;
            for (const closer of rosterClosers(roster))
              expect(activeReservations(ledger, closer.closerId)).toEqual([]);
            now += 1 + gapMs;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
