// Reads an invite back with ical.js, a standard iCalendar parser independent of the generator.
import ICAL from 'ical.js';

export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  startMs: number;
  endMs: number;
  summary: string;
  description: string;
  organizer: string | null;
  attendees: string[];
  wrTimeZone: string;
  events: number;
}

/** Parses `ics` and returns what a calendar client would show; throws if ical.js cannot read it. */
export function parseInvite(ics: string): ParsedInvite {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents('vevent');
  const vevent = vevents[0];
  if (!vevent) throw new Error('no VEVENT in invite');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    startMs: event.startDate.toUnixTime() * 1000,
    endMs: event.endDate.toUnixTime() * 1000,
    summary: event.summary,
    description: event.description ?? '',
    organizer: event.organizer ?? null,
    attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
    wrTimeZone: String(calendar.getFirstPropertyValue('x-wr-timezone')),
    events: vevents.length,
  };
}
