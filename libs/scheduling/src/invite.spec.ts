import fc from 'fast-check';
import { cancel } from './cancel.js';
import { cancelIcs, inviteIcs, inviteUid } from './invite.js';
import { reschedule } from './reschedule.js';
import { at, booking, calendarOf } from './__fixtures__/scheduling.js';
import { parseInvite } from './__fixtures__/ics.js';

const NY = 'America/New_York';
const START = at('2025-03-10T09:00', NY);
const END = at('2025-03-10T09:30', NY);
const appt = booking('appt-1', 'ana', START, END);
const STAMP = Date.parse('2025-03-09T12:00:00Z');
const BRIEF_TEXT =
  'Buyer confirmed scope: "two roofs; south-facing, maybe 12 kW".\nDo not ask: budget, timing.';
const details = {
  stampMs: STAMP,
  summary: 'Solar consultation with Ana',
  brief: { text: BRIEF_TEXT },
  organizer: { name: 'Warmline Scheduling', email: 'scheduling@warmline.example' },
  attendees: [{ name: 'Ana Closer', email: 'ana@closers.example' }, { email: 'buyer@example.com' }],
};

describe('inviteIcs', () => {
  it('is a METHOD:REQUEST invite a standard parser reads back with the booking’s instant and UID', () => {
    const invite = parseInvite(inviteIcs(appt, details));
    expect(invite).toEqual({
      method: 'REQUEST',
      uid: 'appt-1@warmline',
      sequence: 0,
      status: 'CONFIRMED',
      startMs: START,
      endMs: END,
      summary: 'Solar consultation with Ana',
      description: BRIEF_TEXT,
      organizer: 'mailto:scheduling@warmline.example',
      attendees: ['mailto:ana@closers.example', 'mailto:buyer@example.com'],
      wrTimeZone: NY,
      events: 1,
    });
  });

  it('writes the times in UTC so every client places the same instant', () => {
    const ics = inviteIcs(appt, details);
    expect(ics).toContain('DTSTART:20250310T130000Z');
    expect(ics).toContain('DTEND:20250310T133000Z');
    expect(ics).toContain('DTSTAMP:20250309T120000Z');
    expect(ics).not.toContain('TZID');
  });

  it('leaves ORGANIZER and ATTENDEE out when no address is known', () => {
    const ics = inviteIcs(appt, { stampMs: STAMP });
    const invite = parseInvite(ics);
    expect(invite.organizer).toBeNull();
    expect(invite.attendees).toEqual([]);
    expect(invite.summary).toBe('Appointment');
    expect(ics).not.toContain('DESCRIPTION');
  });

  it('is identical for the same booking and details (no clock or randomness inside)', () => {
    expect(inviteIcs(appt, details)).toBe(inviteIcs(appt, details));
  });

  it('sends a rescheduled appointment as a REQUEST with the same UID and SEQUENCE + 1', () => {
    const { booking: moved } = reschedule(
      calendarOf(appt),
      'appt-1',
      { closerId: 'ana', startMs: START + 3_600_000, endMs: END + 3_600_000 },
      'buyer asked',
    );
    const invite = parseInvite(inviteIcs(moved, details));
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: inviteUid('appt-1'),
      sequence: 1,
      startMs: START + 3_600_000,
      endMs: END + 3_600_000,
    });
  });

  it('refuses to invite to a cancelled appointment', () => {
    const cancelled = cancel(calendarOf(appt), 'appt-1', 'r').booking;
    expect(() => inviteIcs(cancelled, details)).toThrow(
      expect.objectContaining({ code: 'BOOKING_STATE_INVALID' }),
    );
  });

  it.each([
    [{ organizer: { email: 'not-an-address' } }, 'details.organizer.email'],
    [{ attendees: [{ email: 'a@b.example\r\nX-EVIL:1' }] }, 'details.attendees[0].email'],
    [{ attendees: [{ name: 'Ana\nX', email: 'a@b.example' }] }, 'details.attendees[0].name'],
    [{ stampMs: Number.NaN }, 'details.stampMs'],
  ])('refuses details %j naming %s', (overrides, field) => {
    expect(() => inviteIcs(appt, { ...details, ...overrides })).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_REQUEST_INVALID', field }),
    );
  });
});

describe('cancelIcs', () => {
  it('is METHOD:CANCEL with the same UID and a higher SEQUENCE than the last invite', () => {
    const { booking: moved, calendar } = reschedule(
      calendarOf(appt),
      'appt-1',
      { closerId: 'ana', startMs: START + 900_000, endMs: END + 900_000 },
      'r',
    );
    const lastInvite = parseInvite(inviteIcs(moved, details));
    const cancelled = cancel(calendar, 'appt-1', 'buyer declined').booking;
    const cancellation = parseInvite(cancelIcs(cancelled, details));
    expect(cancellation).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: lastInvite.uid,
      startMs: lastInvite.startMs,
      organizer: 'mailto:scheduling@warmline.example',
    });
    expect(cancellation.sequence).toBeGreaterThan(lastInvite.sequence);
  });

  it('refuses to cancel an appointment that is still booked', () => {
    expect(() => cancelIcs(appt, details)).toThrow(
      expect.objectContaining({ code: 'BOOKING_STATE_INVALID' }),
    );
  });
});

describe('invite properties', () => {
  it('every invite parses back to its booking’s UID, instants and sequence, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.integer({ min: 1, max: 600 }),
        fc.nat({ max: 1000 }),
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 80 }),
        fc.constantFrom(NY, 'Europe/Berlin', 'Asia/Kathmandu', 'UTC'),
        (id, startSeconds, minutes, sequence, text, summary, timeZone) => {
          // iCalendar has whole-second times; bookings are made on minute grids anyway.
          const startMs = Math.floor(startSeconds / 1000) * 1000;
          const b = booking(id, 'ana', startMs, startMs + minutes * 60_000, { sequence, timeZone });
          const invite = parseInvite(inviteIcs(b, { stampMs: STAMP, summary, brief: { text } }));
          expect(invite.uid).toBe(`${id}@warmline`);
          expect(invite.startMs).toBe(b.startMs);
          expect(invite.endMs).toBe(b.endMs);
          expect(invite.sequence).toBe(sequence);
          expect(invite.wrTimeZone).toBe(timeZone);
          // Line breaks are normalised to \n by iCalendar escaping; everything else survives.
          expect(invite.description).toBe(text.replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
