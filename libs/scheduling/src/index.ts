// Public face of @warmline/scheduling: the scheduler's pure domain — closers and their working
// hours, the slot search inside a buyer's consent window, idempotent booking / reschedule / cancel
// on a serializable calendar, iCalendar invites, and the CRM and appointment messages.
export {
  appointmentBookedMessage,
  appointmentCancelledMessage,
  appointmentRescheduledMessage,
  appointmentUnavailableMessage,
  slotProposalMessage,
} from './appointment-messages.js';
export { appointmentRequestFromMessage } from './appointment-request.js';
export type { AppointmentRequest, SlotRequest } from './appointment-request.js';
export { book } from './book.js';
export type { BookingIds, BookingOptions, BookResult } from './book.js';
export type { Booking, BookingStatus } from './booking.js';
export {
  activeBookingsOf,
  bookingForKey,
  bookingsOf,
  emptyCalendar,
  findBooking,
} from './calendar.js';
export type { Calendar } from './calendar.js';
export { cancel } from './cancel.js';
export type { CancelResult } from './cancel.js';
export { closerSuits } from './closer-needs.js';
export type { CloserNeeds } from './closer-needs.js';
export { closerFromPresence, schedulingCloser } from './closer.js';
export type { SchedulingCloser, SchedulingCloserInput, WorkingPeriod } from './closer.js';
export { insideWindow } from './consent-window.js';
export type { ConsentWindow, TimeRange } from './consent-window.js';
export {
  DEFAULT_ALTERNATIVES_HORIZON_MS,
  DEFAULT_BUFFER_MS,
  DEFAULT_MAX_ALTERNATIVES,
  DEFAULT_MIN_LEAD_TIME_MS,
  DEFAULT_SLOT_GRANULARITY_MS,
} from './constants.js';
export { crmUpdateFor } from './crm-update.js';
export type { AppointmentCrmOutcome } from './crm-update.js';
export {
  AppointmentNotFoundError,
  BookingConflictError,
  BookingStateError,
  InvalidAppointmentRequestError,
  InvalidCloserError,
  InvalidSchedulingOptionsError,
  OutsideConsentWindowError,
  SchedulingError,
  isSchedulingError,
} from './errors.js';
export type { SchedulingErrorCode } from './errors.js';
export { findSlot } from './find-slot.js';
export type { SlotFound, SlotSearchResult, SlotUnavailable } from './find-slot.js';
export { cancelIcs, inviteIcs, inviteUid } from './invite.js';
export type { InviteDetails, InviteParty } from './invite.js';
export { reschedule } from './reschedule.js';
export type { RescheduleOptions, RescheduleResult } from './reschedule.js';
export { scheduleAppointment } from './schedule-appointment.js';
export type { AppointmentScheduled, ScheduleOutcome } from './schedule-appointment.js';
export { resolveSchedulingOptions } from './scheduling-options.js';
export type { ResolvedSchedulingOptions, SchedulingOptions } from './scheduling-options.js';
export type { Slot, SlotProposal } from './slot.js';
