// The wire messages the scheduler publishes, from this library's results, so ms/Timestamp and
// field mapping live in one tested place.
import { toTimestamp, type warmline } from '@warmline/contracts';
import type { Booking } from './booking.js';
import type { CancelResult } from './cancel.js';
import type { SlotUnavailable } from './find-slot.js';
import type { RescheduleResult } from './reschedule.js';
import type { SlotProposal } from './slot.js';

/** AppointmentBooked for a booking and its METHOD:REQUEST invite. */
export function appointmentBookedMessage(
  booking: Booking,
  ics: string,
): warmline.v1.IAppointmentBooked {
  return {
    appointmentId: booking.appointmentId,
    closerId: booking.closerId,
    startAt: toTimestamp(booking.startMs),
    endAt: toTimestamp(booking.endMs),
    timeZone: booking.timeZone,
    idempotencyKey: booking.idempotencyKey,
    ics,
    requestId: booking.requestId,
    grantId: booking.grantId,
  };
}

/** AppointmentUnavailable answering request `requestId`, made under grant `grantId` ('' for none). */
export function appointmentUnavailableMessage(
  requestId: string,
  unavailable: SlotUnavailable,
  grantId = '',
): warmline.v1.IAppointmentUnavailable {
  return {
    requestId,
    grantId,
    reason: unavailable.reason,
    detail: unavailable.detail,
    nearestAlternatives: unavailable.alternatives.map(slotProposalMessage),
  };
}

/** AppointmentRescheduled for a reschedule and its METHOD:REQUEST invite (higher SEQUENCE). */
export function appointmentRescheduledMessage(
  result: RescheduleResult,
  ics: string,
): warmline.v1.IAppointmentRescheduled {
  return {
    appointmentId: result.booking.appointmentId,
    closerId: result.booking.closerId,
    startAt: toTimestamp(result.booking.startMs),
    endAt: toTimestamp(result.booking.endMs),
    previousStartAt: toTimestamp(result.previous.startMs),
    ics,
    reason: result.reason,
  };
}

/** AppointmentCancelled for a cancellation and its METHOD:CANCEL message. */
export function appointmentCancelledMessage(
  result: CancelResult,
  ics: string,
): warmline.v1.IAppointmentCancelled {
  return { appointmentId: result.booking.appointmentId, reason: result.reason, ics };
}

/** SlotProposal on the wire. */
export function slotProposalMessage(slot: SlotProposal): warmline.v1.ISlotProposal {
  return {
    closerId: slot.closerId,
    startAt: toTimestamp(slot.startMs),
    endAt: toTimestamp(slot.endMs),
  };
}
