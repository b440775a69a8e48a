// How much of the closers' capacity is taken, from the router's two views of them: the roster
// (presence and capacity, from wl.closer) and the reservation ledger (seats held, in the store).
import {
  activeReservations,
  rosterClosers,
  type ReservationLedger,
  type Roster,
} from '@warmline/roster';
import type { CloserLedgers } from './closer-ledgers.js';
import type { CloserRoster } from './closer-roster.js';

/** Seats of the closers on the roster at one moment. */
export interface CloserSeats {
  /** Pending and accepted reservations of every closer on the roster, whatever their presence. */
  readonly held: number;
  /** Capacity of the closers whose presence is AVAILABLE. */
  readonly availableCapacity: number;
  /** Seats held by those AVAILABLE closers. */
  readonly heldByAvailable: number;
}

/** The seats of `roster`'s closers in `ledger`. */
export function closerSeats(roster: Roster, ledger: ReservationLedger): CloserSeats {
  let held = 0;
  let availableCapacity = 0;
  let heldByAvailable = 0;
  for (const closer of rosterClosers(roster)) {
    const seats = activeReservations(ledger, closer.closerId).length;
    held += seats;
    if (closer.presence !== 'available') continue;
    availableCapacity += closer.capacity;
    heldByAvailable += seats;
  }
  return { held, availableCapacity, heldByAvailable };
}

/** Share of the available closers' capacity in use, 0..1 (more if capacity was lowered under load); 0 without capacity. */
export function utilisationOf(seats: CloserSeats): number {
  return seats.availableCapacity === 0 ? 0 : seats.heldByAvailable / seats.availableCapacity;
}

/** The seats now: the live roster, and one read of each of its closers' ledger entries. */
export async function currentSeats(
  roster: CloserRoster,
  ledgers: CloserLedgers,
): Promise<CloserSeats> {
  const current = roster.current();
  const ledger = await ledgers.snapshot(rosterClosers(current).map((c) => c.closerId));
  return closerSeats(current, ledger);
}
