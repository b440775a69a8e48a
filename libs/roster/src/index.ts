// Public face of @warmline/roster: closers from presence reports, eligibility and fair ranking for a
// live transfer, and the reservation ledger that keeps every closer within capacity.
export type { Closer, PresenceStatus, WorkingHours } from './closer.js';
export { closerToPresence, presenceStatusOf } from './closer.js';
export { closerFromPresence } from './presence-rules.js';
export type { Roster } from './roster.js';
export { applyPresence, emptyRoster, findCloser, rosterClosers } from './roster.js';
export { primaryLanguage, speaksLanguage } from './language.js';
export { isWorkingAt } from './working-hours.js';
export type { InteractionNeeds } from './interaction-needs.js';
export type { IneligibleReason } from './eligibility.js';
export { eligibleClosers, ineligibility } from './eligibility.js';
export { rankClosers, selectCloser, utilisation } from './fairness.js';
export type { Reservation, ReservationRequest, ReservationStatus } from './reservation.js';
export { canTransition, isActive, reservationStateOf } from './reservation.js';
export type { CloserLedger, ReservationLedger } from './ledger.js';
export {
  activeReservations,
  allReservations,
  closerLedger,
  emptyLedger,
  findReservation,
  pruneLedger,
} from './ledger.js';
export { reserve } from './reserve.js';
export type { ExpiryResult } from './reservation-answers.js';
export {
  acceptReservation,
  answerReservation,
  endReservation,
  expire,
  rejectReservation,
  releaseReservation,
  rescindReservation,
} from './reservation-answers.js';
export { reservationEvent } from './reservation-event.js';
export type { RosterErrorCode } from './errors.js';
export {
  CapacityExceededError,
  CloserPresenceInvalidError,
  CloserUnavailableError,
  IllegalReservationTransitionError,
  ReservationConflictError,
  ReservationExpiredError,
  ReservationInvalidError,
  ReservationNotFoundError,
  RosterError,
  isRosterError,
} from './errors.js';
