// The reservation ledger kept one checkpoint per closer (`router.ledger.<closer_id>`): a closer's
// capacity depends on their entry alone, so compare-and-set on that one key makes a reservation
// atomic — two replicas racing for the same seat serialise on the write and the loser re-decides on
// the winner's entry (CapacityExceededError: next ranked closer). Pure decisions over one entry.
import {
  acceptReservation,
  closerLedger,
  eligibleClosers,
  endReservation,
  expire,
  findReservation,
  pruneLedger,
  rankClosers,
  rejectReservation,
  reserve,
  type Closer,
  type CloserLedger,
  type InteractionNeeds,
  type Reservation,
  type ReservationLedger,
  type ReservationRequest,
  type Roster,
} from '@warmline/roster';
import type { LedgerRelease } from './interaction-record.js';

/**
 * A pending reservation this long past its expiry is timed out by whoever reserves next: its own
 * router would have done it long ago, unless that router is gone.
 */
export const STALE_RESERVATION_MS = 30_000;

/** Ended reservations are kept this long, so redelivered requests stay no-ops. */
export const ENDED_RESERVATIONS_KEPT_MS = 3_600_000;

/** A closer's entry after a decision. */
export interface EntryDecision<R> {
  readonly entry: CloserLedger;
  readonly changed: boolean;
  readonly result: R;
}

/** Closers who may take the transfer now, best first (fairness of @warmline/roster). */
export function rankedCandidates(
  roster: Roster,
  needs: InteractionNeeds,
  ledger: ReservationLedger,
  nowMs: number,
  excludedCloserIds: readonly string[],
): Closer[] {
  const current = expire(ledger, nowMs - STALE_RESERVATION_MS).ledger;
  return rankClosers(eligibleClosers(roster, needs, current, nowMs, excludedCloserIds), current);
}

/** Reserves a seat of `closerId` (throws CapacityExceededError / CloserUnavailableError). */
export function reserveSeat(
  entry: CloserLedger | null,
  closerId: string,
  request: ReservationRequest,
  roster: Roster,
  nowMs: number,
): EntryDecision<Reservation> {
  const before = ledgerOf(closerId, entry);
  const freed = expire(before, nowMs - STALE_RESERVATION_MS).ledger;
  const after = reserve(freed, closerId, request, roster, nowMs);
  const reservation = findReservation(after, request.id);
  if (reservation === null) throw new Error(`reservation ${request.id} vanished from the ledger`);
  return decided(closerId, before, after, nowMs, reservation);
}

/** The desk accepted (throws ReservationExpiredError / IllegalReservationTransitionError / not found). */
export function acceptSeat(
  entry: CloserLedger | null,
  closerId: string,
  reservationId: string,
  nowMs: number,
): EntryDecision<null> {
  const before = ledgerOf(closerId, entry);
  return decided(closerId, before, acceptReservation(before, reservationId, nowMs), nowMs, null);
}

/**
 * Frees a seat the way the transfer ended it: rejected by the desk, timed out (when overdue), or
 * rescinded / released. A reservation already ended or no longer in the ledger is left alone.
 */
export function freeSeat(
  entry: CloserLedger | null,
  release: LedgerRelease,
  nowMs: number,
): EntryDecision<null> {
  const before = ledgerOf(release.closerId, entry);
  const found = findReservation(before, release.reservationId);
  if (found === null) return decided(release.closerId, before, before, nowMs, null);
  let after = before;
  if (found.status === 'pending' && release.outcome === 'rejected') {
    after = rejectReservation(before, found.id, nowMs, release.reason);
  } else if (
    found.status === 'pending' &&
    release.outcome === 'timeout' &&
    found.expiresAtMs <= nowMs
  ) {
    after = expire(before, nowMs).ledger;
  } else {
    after = endReservation(before, found.id, nowMs, release.reason);
  }
  return decided(release.closerId, before, after, nowMs, null);
}

function ledgerOf(closerId: string, entry: CloserLedger | null): ReservationLedger {
  return entry === null ? { closers: {} } : { closers: { [closerId]: entry } };
}

function decided<R>(
  closerId: string,
  before: ReservationLedger,
  after: ReservationLedger,
  nowMs: number,
  result: R,
): EntryDecision<R> {
  if (after === before) return { entry: closerLedger(before, closerId), changed: false, result };
  const kept = pruneLedger(after, nowMs - ENDED_RESERVATIONS_KEPT_MS);
  return { entry: closerLedger(kept, closerId), changed: true, result };
}
