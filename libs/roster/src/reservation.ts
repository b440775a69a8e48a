// A reservation holds one unit of a closer's capacity for one handoff attempt. Its state machine:
//
//   pending ──> accepted ──> released      (the handoff ended after the closer took it)
//      ├──────> rejected                   (the closer said no)
//      ├──────> timeout                    (nobody answered before expiresAtMs)
//      └──────> rescinded                  (the router let go: caller hung up, grant revoked)
//
// Pending and accepted hold capacity; every other state is final.
import { v1, type warmline } from '@warmline/contracts';

/** Where a reservation is in its life. */
export type ReservationStatus =
  | 'pending'
  | 'accepted'
  | 'rejected'
  | 'timeout'
  | 'rescinded'
  | 'released';

/** What the router asks for when it reserves a closer. */
export interface ReservationRequest {
  /** Unique reservation id ([A-Za-z0-9_-]{1,128}); repeating it makes `reserve` a no-op. */
  readonly id: string;
  readonly handoffId: string;
  /** Handoff attempt, 1-based. */
  readonly attempt: number;
  /** A pending reservation not answered by this instant times out (see `expire`). */
  readonly expiresAtMs: number;
}

/** A reservation as the ledger keeps it. */
export interface Reservation extends ReservationRequest {
  readonly closerId: string;
  readonly status: ReservationStatus;
  readonly reservedAtMs: number;
  /** When `status` last changed (= reservedAtMs while pending). */
  readonly changedAtMs: number;
  /** Why it was rejected, timed out, rescinded or released; empty otherwise. */
  readonly reason: string;
}

const NEXT: Readonly<Record<ReservationStatus, readonly ReservationStatus[]>> = {
  pending: ['accepted', 'rejected', 'timeout', 'rescinded'],
  accepted: ['released'],
  rejected: [],
  timeout: [],
  rescinded: [],
  released: [],
};

/** True when the state machine allows `from` -> `to`. */
export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  return NEXT[from].includes(to);
}

/** True while the reservation holds capacity (pending or accepted). */
export function isActive(reservation: Pick<Reservation, 'status'>): boolean {
  return reservation.status === 'pending' || reservation.status === 'accepted';
}

const WIRE_STATE: Readonly<Record<ReservationStatus, warmline.v1.ReservationState>> = {
  pending: v1.ReservationState.RESERVATION_STATE_PENDING,
  accepted: v1.ReservationState.RESERVATION_STATE_ACCEPTED,
  rejected: v1.ReservationState.RESERVATION_STATE_REJECTED,
  timeout: v1.ReservationState.RESERVATION_STATE_TIMEOUT,
  rescinded: v1.ReservationState.RESERVATION_STATE_RESCINDED,
  // The wire has no RELEASED: "the router released it ... handoff ended" is RESCINDED there.
  released: v1.ReservationState.RESERVATION_STATE_RESCINDED,
};

/** The wire ReservationState of a status (`released` travels as RESCINDED). */
export function reservationStateOf(status: ReservationStatus): warmline.v1.ReservationState {
  return WIRE_STATE[status];
}
