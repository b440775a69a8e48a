// Fair spreading of transfers over equally suitable closers:
//  1. lowest utilisation first: (pending + accepted reservations) / capacity, so a closer with two
//     seats and one call ranks with a one-seat closer who is idle only when both are half used;
//  2. then the longest since the last assignment (never assigned first), so idle closers rotate;
//  3. then the fewest assignments ever, which breaks ties between closers reserved in the same
//     millisecond (a burst) in favour of the one who has had less;
//  4. then closer id, so the order is deterministic and two replicas agree.
import type { Closer } from './closer.js';
import { eligibleClosers } from './eligibility.js';
import type { InteractionNeeds } from './interaction-needs.js';
import { activeReservations, closerLedger, type ReservationLedger } from './ledger.js';
import { compareIds, type Roster } from './roster.js';

/** A closer's share of capacity in use, 0..1 (or more if capacity was lowered under load). */
export function utilisation(closer: Closer, ledger: ReservationLedger): number {
  return activeReservations(ledger, closer.closerId).length / closer.capacity;
}

/** `closers` ordered best first by utilisation, time since last assignment, assignments, id. */
export function rankClosers(closers: readonly Closer[], ledger: ReservationLedger): Closer[] {
  const keyed = closers.map((closer) => {
    const entry = closerLedger(ledger, closer.closerId);
    return {
      closer,
      utilisation: utilisation(closer, ledger),
      lastAssignedAtMs: entry.lastAssignedAtMs ?? Number.NEGATIVE_INFINITY,
      assignments: entry.assignments,
    };
  });
  keyed.sort(
    (a, b) =>
      a.utilisation - b.utilisation ||
      a.lastAssignedAtMs - b.lastAssignedAtMs ||
      a.assignments - b.assignments ||
      compareIds(a.closer.closerId, b.closer.closerId),
  );
  return keyed.map((k) => k.closer);
}

/**
 * The best closer for `needs` at `nowMs`: the first of rankClosers(eligibleClosers(...)), or `null`
 * when nobody is eligible (HandoffFailureReason NO_CLOSER_AVAILABLE).
 */
export function selectCloser(
  roster: Roster,
  needs: InteractionNeeds,
  ledger: ReservationLedger,
  nowMs: number,
  excludedCloserIds: readonly string[] = [],
): Closer | null {
  return (
    rankClosers(eligibleClosers(roster, needs, ledger, nowMs, excludedCloserIds), ledger)[0] ?? null
  );
}
