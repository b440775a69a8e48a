import { v1 } from '@warmline/contracts';
import { applyPresence, emptyLedger, emptyRoster, reserve, type Roster } from '@warmline/roster';
import fc from 'fast-check';
import { T0, presence } from './__fixtures__/transfer.js';
import { closerSeats, utilisationOf } from './closer-seats.js';

function rosterOf(closers: { id: string; capacity: number; away?: boolean }[]): Roster {
  return closers.reduce(
    (roster, c) =>
      applyPresence(roster, {
        ...presence(c.id),
        capacity: c.capacity,
        ...(c.away ? { presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AWAY } : {}),
      }),
    emptyRoster(),
  );
}

function seat(ledger: ReturnType<typeof emptyLedger>, roster: Roster, closerId: string, n: number) {
  const request = { id: `h${n}-r1`, handoffId: `h${n}`, attempt: 1, expiresAtMs: T0 + 60_000 };
  return reserve(ledger, closerId, request, roster, T0);
}

describe('closerSeats', () => {
  it('counts held seats of everyone, but capacity and utilisation of available closers only', () => {
    const roster = rosterOf([
      { id: 'a', capacity: 2 },
      { id: 'b', capacity: 2 },
      { id: 'c', capacity: 1 },
    ]);
    let ledger = seat(emptyLedger(), roster, 'a', 1);
    ledger = seat(ledger, roster, 'c', 2);
    const away = rosterOf([
      { id: 'a', capacity: 2 },
      { id: 'b', capacity: 2 },
      { id: 'c', capacity: 1, away: true },
    ]);
    const seats = closerSeats(away, ledger);
    expect(seats).toEqual({ held: 2, availableCapacity: 4, heldByAvailable: 1 });
    expect(utilisationOf(seats)).toBe(0.25);
    expect(utilisationOf(closerSeats(roster, ledger))).toBe(0.4);
  });

  it('is 0 without available capacity, and ignores ledger entries of closers not on the roster', () => {
    const roster = rosterOf([{ id: 'a', capacity: 1 }]);
    const ledger = seat(emptyLedger(), roster, 'a', 1);
    expect(utilisationOf(closerSeats(emptyRoster(), ledger))).toBe(0);
    expect(closerSeats(emptyRoster(), ledger).held).toBe(0);
  });

  it('stays within 0..1 while every closer is within capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 4 }), taken: fc.nat(4) }), {
          maxLength: 8,
        }),
        (closers) => {
          const roster = rosterOf(closers.map((c, i) => ({ id: `c${i}`, capacity: c.capacity })));
          let ledger = emptyLedger();
          let n = 0;
          closers.forEach((c, i) => {
            for (let k = 0; k < Math.min(c.taken, c.capacity); k++)
              ledger = seat(ledger, roster, `c${i}`, ++n);
          });
          const ratio = utilisationOf(closerSeats(roster, ledger));
          expect(ratio).toBeGreaterThanOrEqual(0);
          expect(ratio).toBeLessThanOrEqual(1);
          expect(closerSeats(roster, ledger).held).toBe(n);
        },
      ),
    );
  });
});
