// What an invite says besides the booking: the configured title and organizer, the closer as the
// attendee when their address is an e-mail address, and the brief's text as the description.
import type { InviteDetails, InviteParty, SchedulingCloser } from '@warmline/scheduling';
import type { SchedulerSettings } from './scheduler-settings.js';

// Closers' addresses are mostly phone numbers or SIP URIs, which are not calendar addresses.
const EMAIL = /^(?:mailto:)?([^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+)$/i;

/** The invite details for an appointment with `closer` (unknown closers get no attendee line). */
export function inviteDetails(
  settings: Pick<SchedulerSettings, 'inviteSummary' | 'organizer'>,
  closer: SchedulingCloser | undefined,
  briefText: string,
  stampMs: number,
): InviteDetails {
  const attendee = closer ? closerAttendee(closer) : null;
  return {
    stampMs,
    summary: settings.inviteSummary,
    brief: briefText === '' ? null : { text: briefText },
    ...(settings.organizer ? { organizer: settings.organizer } : {}),
    attendees: attendee ? [attendee] : [],
  };
}

/** The closer as an invite attendee, or null when their address is not an e-mail address. */
export function closerAttendee(closer: SchedulingCloser): InviteParty | null {
  const email = EMAIL.exec(closer.address.trim())?.[1];
  if (email === undefined) return null;
  const name = closer.displayName.trim();
  return name === '' || /[\r\n]/.test(name) ? { email } : { name, email };
}
