import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { DateTime } from 'luxon';
import type { Booking } from './booking.js';
import { BookingStateError, InvalidAppointmentRequestError } from './errors.js';

const Outcome = v1.CrmOutcome;

/** The CRM outcomes an appointment can have. */
export type AppointmentCrmOutcome =
  | warmline.v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_BOOKED
  | warmline.v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_RESCHEDULED
  | warmline.v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_CANCELLED;

/**
 * The CrmUpdate a CRM sink writes for an appointment outcome, with a one-line summary in the
 * buyer's zone. The brief travels whole so the CRM record needs no re-qualification. Throws
 * InvalidAppointmentRequestError for a non-appointment outcome and BookingStateError when the
 * booking's status contradicts the outcome (a "booked" record for a cancelled booking).
 */
export function crmUpdateFor(
  outcome: AppointmentCrmOutcome,
  booking: Booking,
  leadId: string,
  brief: warmline.v1.IHandoffBrief | null,
  closerName?: string,
): warmline.v1.ICrmUpdate {
  const verb = VERBS.get(outcome);
  if (!verb) {
    throw new InvalidAppointmentRequestError(
      'outcome',
      `${outcome} is not an appointment outcome (booked, rescheduled or cancelled)`,
    );
  }
  const expectedStatus =
    outcome === Outcome.CRM_OUTCOME_APPOINTMENT_CANCELLED ? 'cancelled' : 'booked';
  if (booking.status !== expectedStatus) {
    throw new BookingStateError(booking.appointmentId, booking.status, `record "${verb}" for`);
  }
  return {
    outcome,
    leadId,
    appointmentId: booking.appointmentId,
    closerId: booking.closerId,
    startAt: toTimestamp(booking.startMs),
    brief,
    summary: `Appointment ${verb}: ${describeTime(booking)} with ${closerName || `closer ${booking.closerId}`} (${booking.appointmentId})`,
  };
}

const VERBS = new Map<number, string>([
  [Outcome.CRM_OUTCOME_APPOINTMENT_BOOKED, 'booked'],
  [Outcome.CRM_OUTCOME_APPOINTMENT_RESCHEDULED, 'rescheduled'],
  [Outcome.CRM_OUTCOME_APPOINTMENT_CANCELLED, 'cancelled'],
]);

// A fixed locale keeps the summary identical on every host, whatever its default locale.
function describeTime(booking: Booking): string {
  const start = DateTime.fromMillis(booking.startMs, { zone: booking.timeZone, locale: 'en-US' });
  const end = DateTime.fromMillis(booking.endMs, { zone: booking.timeZone, locale: 'en-US' });
  const endFormat = start.hasSame(end, 'day') ? 'HH:mm' : 'ccc d LLL yyyy HH:mm';
  return `${start.toFormat('ccc d LLL yyyy HH:mm')}–${end.toFormat(endFormat)} ${booking.timeZone}`;
}
