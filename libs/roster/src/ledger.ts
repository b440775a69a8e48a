// The reservation ledger is the pure core of "never over capacity": the data-access layer stores it
// and writes every change with compare-and-set, so two routers (or replicas) racing for one closer
// serialise on the write and the loser re-reads and gets CapacityExceededError. Each closer's entry
// depends only on itself, so the store may keep one key per closer and compare-and-set that key.
import { compareIds } from './roster.js';
import { isActive, type Reservation } from './reservation.js';

/** One closer's reservations and assignment history. */
export interface CloserLedger {
  /** Active reservations and ended ones not yet pruned (kept so repeated requests stay no-ops). */
  readonly reservations: readonly Reservation[];
  /** When the closer was last reserved; `null` = never. */
  readonly lastAssignedAtMs: number | null;
  /** How many reservations the closer has ever been given (tie-break for fairness). */
  readonly assignments: number;
}

/** Reservations of every closer, keyed by closer id; serialisable as JSON. */
export interface ReservationLedger {
  readonly closers: Readonly<Record<string, CloserLedger>>;
}

const NO_ENTRY: CloserLedger = { reservations: [], lastAssignedAtMs: null, assignments: 0 };

/** A ledger with no reservations. */
export function emptyLedger(): ReservationLedger {
  return { closers: {} };
}

/** The closer's entry (an empty one when the closer was never reserved). */
export function closerLedger(ledger: ReservationLedger, closerId: string): CloserLedger {
  return Object.hasOwn(ledger.closers, closerId)
    ? (ledger.closers[closerId] ?? NO_ENTRY)
    : NO_ENTRY;
}

/** The closer's pending and accepted reservations: the capacity they use. */
export function activeReservations(ledger: ReservationLedger, closerId: string): Reservation[] {
  return closerLedger(ledger, closerId).reservations.filter(isActive);
}

/** The reservation with this id, or `null`. */
export function findReservation(
  ledger: ReservationLedger,
  reservationId: string,
): Reservation | null {
  for (const entry of Object.values(ledger.closers)) {
    const found = entry.reservations.find((r) => r.id === reservationId);
    if (found) return found;
  }
  return null;
}

/** Every reservation of the ledger, ordered by closer id then reservation time. */
export function allReservations(ledger: ReservationLedger): Reservation[] {
  return Object.keys(ledger.closers)
    .sort(compareIds)
    .flatMap((closerId) => closerLedger(ledger, closerId).reservations);
}

/** The ledger with `entry` as the closer's entry. */
export function withCloserLedger(
  ledger: ReservationLedger,
  closerId: string,
  entry: CloserLedger,
): ReservationLedger {
  return { closers: { ...ledger.closers, [closerId]: entry } };
}

/** The ledger with one reservation replaced (matched by id). */
export function withReservation(
  ledger: ReservationLedger,
  updated: Reservation,
): ReservationLedger {
  const entry = closerLedger(ledger, updated.closerId);
  return withCloserLedger(ledger, updated.closerId, {
    ...entry,
    reservations: entry.reservations.map((r) => (r.id === updated.id ? updated : r)),
  });
}

/**
 * The ledger without ended reservations that changed before `beforeMs`. Ended reservations are kept
 * so a redelivered reserve/answer stays a no-op; prune only past the redelivery horizon (at least
 * the longest grant lifetime).
 */
export function pruneLedger(ledger: ReservationLedger, beforeMs: number): ReservationLedger {
  let changed = false;
  const entries = Object.entries(ledger.closers).map(([closerId, entry]) => {
    const kept = entry.reservations.filter((r) => isActive(r) || r.changedAtMs >= beforeMs);
    if (kept.length === entry.reservations.length) return [closerId, entry] as const;
    changed = true;
    return [closerId, { ...entry, reservations: kept }] as const;
  });
  // fromEntries defines own properties, so an id such as "__proto__" stays an ordinary key.
  return changed ? { closers: Object.fromEntries(entries) } : ledger;
}
