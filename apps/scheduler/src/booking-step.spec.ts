import { fromTimestamp, v1 } from '@warmline/contracts';
import { findBooking } from '@warmline/scheduling';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import {
  MINUTE,
  NOW,
  bookingInput,
  publishedEnvelopes,
  claims,
  settings,
  tuesdayAt,
} from './__fixtures__/scheduler-fixtures.js';
import { bookStep } from './booking-step.js';
import { appointmentRecord, type SchedulerCalendar } from './calendar-state.js';

const window = { startMs: tuesdayAt(4), endMs: tuesdayAt(20) };

describe('bookStep', () => {
  it('books the earliest working-hours slot in the window and commits what it announces', () => {
    const brief = { text: 'Confirmed: solar for a south roof.', buyerLanguage: 'en-US' };
    const step = bookStep(null, bookingInput(claims('g-1', window), brief), settings)!;
    // 04:00Z is night in Berlin and New York; Berlin opens at 09:00 local = 08:00Z in March.
    expect(step.result).toEqual({
      kind: 'booked',
      appointmentId: 'appt-g-1',
      closerId: 'c-berlin',
      startMs: tuesdayAt(8),
    });
    const envelopes = publishedEnvelopes(step.effects);
    expect(envelopes.map((e) => e.eventId)).toEqual([
      'apt-requested-g-1',
      'apt-booked-appt-g-1',
      'apt-crm-booked-appt-g-1',
    ]);
    for (const e of envelopes) {
      expect(e).toMatchObject({
        causationId: 'ev-decision-1',
        correlationId: 'call-1',
        intentVersion: 3,
      });
    }
    // The grant travels with the booking's own events, not with the CRM record.
    expect(envelopes.map((e) => Boolean(e.authority?.grant))).toEqual([true, true, false]);
    expect(envelopes[0]!.appointmentEvent!.requested).toMatchObject({
      requestId: 'g-1',
      idempotencyKey: 'g-1.booking',
      durationMs: 30 * MINUTE,
    });
    const booked = envelopes[1]!.appointmentEvent!.booked!;
    expect(fromTimestamp(booked.endAt!)).toBe(tuesdayAt(8, 30));
    const crm = envelopes[2]!.appointmentEvent!.crmUpdate!;
    expect(crm.outcome).toBe(v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_BOOKED);
    expect(crm.brief?.text).toBe(brief.text);

    const audits = step.effects.flatMap((e) => (e.kind === 'audit' ? [e.record] : []));
    expect(audits.map((r) => [r.kind, r.recordId, r.summary?.['event']])).toEqual([
      ['appointment', 'apt-booked-appt-g-1', 'booked'],
      ['grant', 'scheduler-grant-used-g-1', 'used'],
    ]);
    expect(appointmentRecord(step.state, 'appt-g-1')).toEqual({
      interactionId: 'call-1',
      needs: { skills: [], language: 'en-US', territory: '' },
      briefText: brief.text,
    });
  });

  it('writes an invite ical.js reads back: UID, instants, organizer, the closer as attendee, the brief', () => {
    const brief = { text: 'Confirmed: solar.' };
    const step = bookStep(null, bookingInput(claims('g-2', window), brief), settings)!;
    const ics = publishedEnvelopes(step.effects)[1]!.appointmentEvent!.booked!.ics!;
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(String(calendar.getFirstPropertyValue('method'))).toBe('REQUEST');
    expect(event.uid).toBe('appt-g-2@warmline');
    expect(event.sequence).toBe(0);
    expect(event.startDate.toUnixTime() * 1000).toBe(tuesdayAt(8));
    expect(event.endDate.toUnixTime() * 1000).toBe(tuesdayAt(8, 30));
    expect(event.description).toBe('Confirmed: solar.');
    expect(String(event.organizer).toLowerCase()).toBe('mailto:scheduling@acme.example');
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      'mailto:lena@closers.example',
    ]);
  });

  it('books a grant once: the same grant again changes nothing and announces nothing', () => {
    const input = bookingInput(claims('g-3', window));
    const first = bookStep(null, input, settings)!;
    expect(bookStep(first.state, input, settings)).toBeNull();
    // Even delivered later, to another appointment id, under the same key.
    expect(
      bookStep(
        first.state,
        {
          ...input,
          appointmentId: 'appt-other',
          context: { ...input.context, nowMs: NOW + MINUTE },
        },
        settings,
      ),
    ).toBeNull();
  });

  it('does not book two grants into overlapping slots of one closer', () => {
    const narrow = { startMs: tuesdayAt(14), endMs: tuesdayAt(15, 30) };
    const first = bookStep(null, bookingInput(claims('g-4', narrow)), settings)!;
    const second = bookStep(first.state, bookingInput(claims('g-5', narrow)), settings)!;
    expect(first.result).toMatchObject({
      kind: 'booked',
      closerId: 'c-berlin',
      startMs: tuesdayAt(14),
    });
    // Berlin's next free start (30 min + 10 min buffer, on the quarter hour) is 14:45 — but New
    // York opens at 14:00Z too, so the second buyer gets New York at 14:00.
    expect(second.result).toMatchObject({
      kind: 'booked',
      closerId: 'c-newyork',
      startMs: tuesdayAt(14),
    });
  });

  it('answers a window nobody works in with the nearest slots outside it and books nothing', () => {
    const night = { startMs: tuesdayAt(1), endMs: tuesdayAt(3) };
    const step = bookStep(null, bookingInput(claims('g-6', night)), settings)!;
    expect(step.result).toMatchObject({
      kind: 'unavailable',
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
    });
    const envelopes = publishedEnvelopes(step.effects);
    expect(envelopes.map((e) => e.eventId)).toEqual(['apt-requested-g-6', 'apt-unavailable-g-6']);
    // It names the grant it could not use, so the governor credits the failure to that grant.
    expect(envelopes[1]!.appointmentEvent!.unavailable!.grantId).toBe('g-6');
    const alternatives = envelopes[1]!.appointmentEvent!.unavailable!.nearestAlternatives!;
    expect(alternatives.length).toBeGreaterThan(0);
    for (const slot of alternatives) {
      expect(
        fromTimestamp(slot.startAt!) >= night.startMs && fromTimestamp(slot.endAt!) <= night.endMs,
      ).toBe(false);
    }
    expect(findBooking(step.state.calendar, 'appt-g-6')).toBeNull();
    // Answered once: a redelivery is not searched again.
    expect(bookStep(step.state, bookingInput(claims('g-6', night)), settings)).toBeNull();
  });

  it('books nothing without a consent window', () => {
    const step = bookStep(null, bookingInput(claims('g-7', null)), settings)!;
    expect(step.result).toMatchObject({
      kind: 'unavailable',
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_CONSENT_WINDOW_MISSING,
    });
  });

  it('throws the scheduling error of an invalid request (the caller dead-letters it)', () => {
    const input = bookingInput(claims('g-8', window));
    const bad = {
      ...input,
      requested: {
        ...input.requested,
        window: { ...input.requested.window, timeZone: 'Mars/Olympus' },
      },
    };
    expect(() => bookStep(null, bad, settings)).toThrow(/window.timeZone/);
  });

  it('drops appointments long finished and keeps the rest', () => {
    const first = bookStep(null, bookingInput(claims('g-9', window)), settings)!;
    const later = bookingInput(
      claims('g-10', {
        startMs: tuesdayAt(4) + 30 * 86_400_000,
        endMs: tuesdayAt(20) + 30 * 86_400_000,
      }),
    );
    const step = bookStep(
      first.state,
      { ...later, context: { ...later.context, nowMs: NOW + 29 * 86_400_000 } },
      settings,
    )!;
    expect(findBooking(step.state.calendar, 'appt-g-9')).toBeNull();
    expect(appointmentRecord(step.state, 'appt-g-9')).toBeNull();
    expect(findBooking(step.state.calendar, 'appt-g-10')).not.toBeNull();
  });

  it('never books outside the consent window or the booked closer’s working hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 * 24 * 4 }), // quarter hours from Tuesday 00:00Z
        fc.integer({ min: 1, max: 16 * 4 }), // window length in quarter hours
        fc.integer({ min: 0, max: 3 }), // bookings already made
        (startQuarter, lengthQuarters, earlier) => {
          const start = tuesdayAt(0) + startQuarter * 15 * MINUTE;
          const w = { startMs: start, endMs: start + lengthQuarters * 15 * MINUTE };
          let state: SchedulerCalendar | null = null;
          for (let i = 0; i < earlier; i++) {
            state = bookStep(state, bookingInput(claims(`pre-${i}`, w)), settings)?.state ?? state;
          }
          const step = bookStep(state, bookingInput(claims('g-prop', w)), settings)!;
          if (step.result.kind !== 'booked') return;
          const { closerId, startMs } = step.result;
          const endMs = startMs + 30 * MINUTE;
          expect(startMs).toBeGreaterThanOrEqual(w.startMs);
          expect(endMs).toBeLessThanOrEqual(w.endMs);
          const zone = closerId === 'c-berlin' ? 'Europe/Berlin' : 'America/New_York';
          const local = DateTime.fromMillis(startMs, { zone });
          expect(local.weekday).toBeLessThanOrEqual(5);
          expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(9 * 60);
          expect(local.hour * 60 + local.minute + 30).toBeLessThanOrEqual(17 * 60);
        },
      ),
      { numRuns: 60 },
    );
  });
});
