import fc from 'fast-check';
import {
  activeReservations,
  applyPresence,
  CapacityExceededError,
  emptyRoster,
  type CloserLedger,
  type Roster,
} from '@warmline/roster';
import { T0, presence } from './__fixtures__/transfer.js';
import {
  STALE_RESERVATION_MS,
  acceptSeat,
  freeSeat,
  rankedCandidates,
  reserveSeat,
} from './closer-ledger-steps.js';

const CLOSERS = ['c1', 'c2', 'c3'];
const roster: Roster = CLOSERS.reduce((r, id) => applyPresence(r, presence(id)), emptyRoster());
const needs = { skills: [], language: 'en-US', territory: '' };

function request(n: number, expiresAtMs = T0 + 10_000) {
  return { id: `h${n}-r1`, handoffId: `h${n}`, attempt: 1, expiresAtMs };
}

describe('the per-closer ledger', () => {
  it('refuses a second seat of a closer of capacity 1, and repeats a reservation as a no-op', () => {
    const first = reserveSeat(null, 'c1', request(1), roster, T0);
    expect(first.changed).toBe(true);
    expect(first.result).toMatchObject({ status: 'pending', closerId: 'c1' });
    expect(() => reserveSeat(first.entry, 'c1', request(2), roster, T0)).toThrow(
      CapacityExceededError,
    );
    expect(reserveSeat(first.entry, 'c1', request(1), roster, T0 + 5).changed).toBe(false);
  });

  it('frees a seat as the transfer ended it: rejected, timed out when overdue, released when accepted', () => {
    const held = reserveSeat(null, 'c1', request(1), roster, T0).entry;
    const rejected = freeSeat(
      held,
      { closerId: 'c1', reservationId: 'h1-r1', outcome: 'rejected', reason: 'no' },
      T0,
    );
    expect(rejected.entry.reservations[0]).toMatchObject({ status: 'rejected', reason: 'no' });
    const timedOut = freeSeat(
      held,
      { closerId: 'c1', reservationId: 'h1-r1', outcome: 'timeout', reason: 't' },
      T0 + 10_000,
    );
    expect(timedOut.entry.reservations[0]!.status).toBe('timeout');
    const accepted = acceptSeat(held, 'c1', 'h1-r1', T0 + 1).entry;
    const released = freeSeat(
      accepted,
      { closerId: 'c1', reservationId: 'h1-r1', outcome: 'ended', reason: 'call ended' },
      T0 + 2,
    );
    expect(released.entry.reservations[0]!.status).toBe('released');
    expect(
      freeSeat(
        released.entry,
        { closerId: 'c1', reservationId: 'h1-r1', outcome: 'ended', reason: 'again' },
        T0 + 3,
      ).changed,
    ).toBe(false);
  });

  it('ranks closers fairly and skips full ones; a long-overdue pending seat counts as free', () => {
    const held = reserveSeat(null, 'c1', request(1), roster, T0).entry;
    const ledger = { closers: { c1: held } };
    expect(rankedCandidates(roster, needs, ledger, T0, []).map((c) => c.closerId)).toEqual([
      'c2',
      'c3',
    ]);
    expect(rankedCandidates(roster, needs, ledger, T0, ['c2']).map((c) => c.closerId)).toEqual([
      'c3',
    ]);
    const later = T0 + 10_000 + STALE_RESERVATION_MS;
    expect(rankedCandidates(roster, needs, ledger, later, []).map((c) => c.closerId)).toContain(
      'c1',
    );
  });

  it('never holds more than capacity, whatever the mix of reserves, answers and releases', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('reserve' as const),
        handoff: fc.nat(20),
        closer: fc.constantFrom(...CLOSERS),
      }),
      fc.record({
        kind: fc.constant('accept' as const),
        handoff: fc.nat(20),
        closer: fc.constantFrom(...CLOSERS),
      }),
      fc.record({
        kind: fc.constant('free' as const),
        handoff: fc.nat(20),
        closer: fc.constantFrom(...CLOSERS),
        outcome: fc.constantFrom('rejected' as const, 'timeout' as const, 'ended' as const),
      }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 20_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const entries = new Map<string, CloserLedger>();
        let now = T0;
        for (const o of ops) {
          if (o.kind === 'tick') {
            now += o.ms;
            continue;
          }
          const entry = entries.get(o.closer) ?? null;
          try {
            const decided =
              o.kind === 'reserve'
                ? reserveSeat(entry, o.closer, request(o.handoff, now + 10_000), roster, now)
                : o.kind === 'accept'
                  ? acceptSeat(entry, o.closer, `h${o.handoff}-r1`, now)
                  : freeSeat(
                      entry,
                      {
                        closerId: o.closer,
                        reservationId: `h${o.handoff}-r1`,
                        outcome: o.outcome,
                        reason: 'x',
                      },
                      now,
                    );
            entries.set(o.closer, decided.entry);
          } catch {
            // Refusals (full, conflicting, expired, not found) leave the entry as it was.
          }
          for (const [closerId, e] of entries) {
            expect(
              activeReservations({ closers: { [closerId]: e } }, closerId).length,
            ).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
