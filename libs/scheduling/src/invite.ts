// Calendar invites (RFC 5545 / iTIP RFC 5546) built with ical-generator, never by hand.
//
// Times are written in UTC (DTSTART:20250310T130000Z). A TZID parameter would need a VTIMEZONE
// component for that zone in the same file (RFC 5545 §3.2.19); ical-generator only emits one through
// an extra zone-database package, and writing VTIMEZONE rules ourselves is the hand-built iCalendar
// we must not do. Without one, Google and Apple guess from the IANA name while Outlook may misplace
// the meeting; a UTC time is the same instant in every client, and each shows it in its user's zone.
// The buyer's zone travels as X-WR-TIMEZONE, the calendar-level hint Apple and Google read.
import { type warmline } from '@warmline/contracts';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { Booking } from './booking.js';
import { UID_DOMAIN } from './constants.js';
import { checkInstant } from './consent-window.js';
import { BookingStateError, InvalidAppointmentRequestError } from './errors.js';

/** Someone on the invite: known only when they have an e-mail address (a calendar address). */
export interface InviteParty {
  readonly name?: string;
  readonly email: string;
}

/** What an invite says besides the booking itself. */
export interface InviteDetails {
  /** DTSTAMP: when this version of the invite is made, UTC ms (time is an input). */
  readonly stampMs: number;
  /** Title; defaults to "Appointment". */
  readonly summary?: string;
  /** The brief; its plain text becomes the DESCRIPTION so the closer sees it in the calendar. */
  readonly brief?: warmline.v1.IHandoffBrief | null;
  /** Who sends the invite (ORGANIZER), e.g. the campaign's scheduling mailbox. */
  readonly organizer?: InviteParty;
  /** Who is invited (ATTENDEE), e.g. the closer and the buyer when their addresses are known. */
  readonly attendees?: readonly InviteParty[];
}

/** The invite UID of an appointment: stable across reschedules and the cancellation. */
export function inviteUid(appointmentId: string): string {
  return `${appointmentId}@${UID_DOMAIN}`;
}

/**
 * The METHOD:REQUEST invite for a booked appointment, at the booking's SEQUENCE (0 when booked,
 * higher after each reschedule, so clients replace the earlier version). Throws BookingStateError
 * for a cancelled booking and InvalidAppointmentRequestError for bad details.
 */
export function inviteIcs(booking: Booking, details: InviteDetails): string {
  if (booking.status !== 'booked') {
    throw new BookingStateError(booking.appointmentId, booking.status, 'send an invite for');
  }
  return icsFor(booking, details, ICalCalendarMethod.REQUEST, ICalEventStatus.CONFIRMED);
}

/**
 * The METHOD:CANCEL message for a cancelled appointment: same UID, the SEQUENCE cancel() raised.
 * Throws BookingStateError unless the booking is cancelled.
 */
export function cancelIcs(booking: Booking, details: InviteDetails): string {
  if (booking.status !== 'cancelled') {
    throw new BookingStateError(booking.appointmentId, booking.status, 'send a cancellation for');
  }
  return icsFor(booking, details, ICalCalendarMethod.CANCEL, ICalEventStatus.CANCELLED);
}

function icsFor(
  booking: Booking,
  details: InviteDetails,
  method: ICalCalendarMethod,
  status: ICalEventStatus,
): string {
  checkInstant(details.stampMs, 'details.stampMs');
  const organizer = details.organizer && checkParty(details.organizer, 'details.organizer');
  const attendees = (details.attendees ?? []).map((party, i) =>
    checkParty(party, `details.attendees[${i}]`),
  );
  const calendar = ical({
    prodId: { company: 'Warmline', product: 'scheduling', language: 'EN' },
    method,
  });
  calendar.x('X-WR-TIMEZONE', booking.timeZone);
  calendar.createEvent({
    id: inviteUid(booking.appointmentId),
    sequence: booking.sequence,
    stamp: new Date(details.stampMs),
    start: new Date(booking.startMs),
    end: new Date(booking.endMs),
    summary: details.summary || 'Appointment',
    description: details.brief?.text || null,
    status,
    organizer: organizer
      ? { name: organizer.name ?? organizer.email, email: organizer.email }
      : null,
    attendees: attendees.map((party) => ({
      email: party.email,
      ...(party.name ? { name: party.name } : {}),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === ICalCalendarMethod.REQUEST,
    })),
  });
  return calendar.toString();
}

// Addresses end up inside content lines; anything that is not a plain address is refused rather
// than trusted to escaping.
const EMAIL = /^[^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+$/;

function checkParty(party: InviteParty, field: string): InviteParty {
  if (typeof party.email !== 'string' || !EMAIL.test(party.email)) {
    throw new InvalidAppointmentRequestError(`${field}.email`, 'must be an e-mail address');
  }
  if (party.name !== undefined && /[\r\n]/.test(party.name)) {
    throw new InvalidAppointmentRequestError(`${field}.name`, 'must be one line');
  }
  return party;
}
