import { fromTimestamp, v1 } from '@warmline/contracts';
import { findBooking } from '@warmline/scheduling';
import ICAL from 'ical.js';
import {
  MINUTE,
  NOW,
  bookingInput,
  publishedEnvelopes,
  closers,
  newYork,
  claims,
  settings,
  tuesdayAt,
} from './__fixtures__/scheduler-fixtures.js';
import { bookStep } from './booking-step.js';
import type { SchedulerCalendar } from './calendar-state.js';
import type { AppointmentChange } from './change-request.js';
import { changeStep } from './change-step.js';

const DAY = 86_400_000;
const brief = { text: 'Confirmed: solar for a south roof.' };

// One appointment for call-1 with Berlin, Tuesday 08:00Z.
function booked(): SchedulerCalendar {
  const input = bookingInput(claims('g-1', { startMs: tuesdayAt(4), endMs: tuesdayAt(20) }), brief);
  return bookStep(null, input, settings)!.state;
}

function change(requestId: string, what: AppointmentChange, interactionId = 'call-1') {
  return {
    context: {
      interactionId,
      causationId: `ev-${requestId}`,
      nowMs: NOW,
      intentVersion: 0,
      grant: null,
    },
    request: { requestId, appointmentId: 'appt-g-1', requestedBy: 'buyer', change: what },
    closers,
  };
}

const reschedule = (startMs: number, endMs: number): AppointmentChange => ({
  kind: 'reschedule',
  window: { startMs, endMs, timeZone: 'America/Chicago' },
  reason: 'buyer is travelling',
});

function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    startMs: event.startDate.toUnixTime() * 1000,
    description: event.description,
  };
}

describe('changeStep', () => {
  it('moves the appointment into the new window with its own closer, SEQUENCE+1, same UID', () => {
    const wednesday = tuesdayAt(10) + DAY;
    const step = changeStep(
      booked(),
      change('r-1', reschedule(wednesday, wednesday + 4 * 60 * MINUTE)),
      settings,
    )!;
    expect(step.result).toEqual({ kind: 'rescheduled', appointmentId: 'appt-g-1' });
    const [moved, crm] = publishedEnvelopes(step.effects);
    expect(moved!.eventId).toBe('apt-rescheduled-r-1');
    expect(moved!.causationId).toBe('ev-r-1');
    const rescheduled = moved!.appointmentEvent!.rescheduled!;
    expect(rescheduled).toMatchObject({ closerId: 'c-berlin', reason: 'buyer is travelling' });
    expect(fromTimestamp(rescheduled.startAt!)).toBe(wednesday);
    expect(fromTimestamp(rescheduled.previousStartAt!)).toBe(tuesdayAt(8));
    expect(parsed(rescheduled.ics!)).toMatchObject({
      method: 'REQUEST',
      uid: 'appt-g-1@warmline',
      sequence: 1,
      startMs: wednesday,
      description: brief.text,
    });
    expect(crm!.appointmentEvent!.crmUpdate!.outcome).toBe(
      v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_RESCHEDULED,
    );
    expect(findBooking(step.state.calendar, 'appt-g-1')).toMatchObject({
      startMs: wednesday,
      sequence: 1,
    });
  });

  it('moves to another closer only when its own closer has no slot in the new window', () => {
    // 19:00–21:00Z: after Berlin's hours, inside New York's.
    const step = changeStep(
      booked(),
      change('r-2', reschedule(tuesdayAt(19), tuesdayAt(21))),
      settings,
    )!;
    const rescheduled = publishedEnvelopes(step.effects)[0]!.appointmentEvent!.rescheduled!;
    expect(rescheduled.closerId).toBe(newYork.closerId);
    expect(fromTimestamp(rescheduled.startAt!)).toBe(tuesdayAt(19));
  });

  it('cancels with a METHOD:CANCEL at the next SEQUENCE, freeing the slot', () => {
    const step = changeStep(
      booked(),
      change('r-3', { kind: 'cancel', reason: 'buyer declined' }),
      settings,
    )!;
    expect(step.result).toEqual({ kind: 'cancelled', appointmentId: 'appt-g-1' });
    const [cancelled, crm] = publishedEnvelopes(step.effects);
    expect(cancelled!.appointmentEvent!.cancelled!.reason).toBe('buyer declined');
    expect(parsed(cancelled!.appointmentEvent!.cancelled!.ics!)).toMatchObject({
      method: 'CANCEL',
      uid: 'appt-g-1@warmline',
      sequence: 1,
      status: 'CANCELLED',
    });
    expect(crm!.appointmentEvent!.crmUpdate!.outcome).toBe(
      v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_CANCELLED,
    );
    expect(findBooking(step.state.calendar, 'appt-g-1')!.status).toBe('cancelled');
  });

  it('performs a request id once', () => {
    const once = changeStep(booked(), change('r-4', { kind: 'cancel', reason: 'no' }), settings)!;
    expect(
      changeStep(once.state, change('r-4', { kind: 'cancel', reason: 'no' }), settings),
    ).toBeNull();
    // Another request to cancel it again answers without a second CRM record.
    const again = changeStep(
      once.state,
      change('r-5', { kind: 'cancel', reason: 'no' }),
      settings,
    )!;
    expect(again.result.kind).toBe('unchanged');
    expect(publishedEnvelopes(again.effects).map((e) => e.eventId)).toEqual(['apt-cancelled-r-5']);
  });

  it('answers a new window without a slot with alternatives and leaves the booking where it is', () => {
    const sunday = tuesdayAt(10) + 5 * DAY;
    const step = changeStep(
      booked(),
      change('r-6', reschedule(sunday, sunday + 2 * 60 * MINUTE)),
      settings,
    )!;
    expect(step.result.kind).toBe('unavailable');
    const [answer] = publishedEnvelopes(step.effects);
    expect(answer!.eventId).toBe('apt-change-unavailable-r-6');
    expect(answer!.appointmentEvent!.unavailable).toMatchObject({
      requestId: 'r-6',
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
    });
    expect(findBooking(step.state.calendar, 'appt-g-1')).toMatchObject({
      startMs: tuesdayAt(8),
      sequence: 0,
    });
  });

  it('refuses a change from another interaction, an unknown appointment and moving a cancelled one', () => {
    const calendar = booked();
    expect(() =>
      changeStep(calendar, change('r-7', { kind: 'cancel', reason: 'x' }, 'call-2'), settings),
    ).toThrow(expect.objectContaining({ code: 'APPOINTMENT_INTERACTION_MISMATCH' }));
    const unknown = change('r-8', { kind: 'cancel', reason: 'x' });
    expect(() =>
      changeStep(
        calendar,
        { ...unknown, request: { ...unknown.request, appointmentId: 'appt-none' } },
        settings,
      ),
    ).toThrow(expect.objectContaining({ code: 'APPOINTMENT_NOT_FOUND' }));
    const cancelled = changeStep(
      calendar,
      change('r-9', { kind: 'cancel', reason: 'x' }),
      settings,
    )!.state;
    expect(() =>
      changeStep(cancelled, change('r-10', reschedule(tuesdayAt(10), tuesdayAt(12))), settings),
    ).toThrow(expect.objectContaining({ code: 'BOOKING_STATE_INVALID' }));
  });

  it('answers a reschedule without a complete window as consent missing', () => {
    const step = changeStep(
      booked(),
      change('r-11', { kind: 'reschedule', window: null, reason: 'later' }),
      settings,
    )!;
    expect(publishedEnvelopes(step.effects)[0]!.appointmentEvent!.unavailable!.reason).toBe(
      v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_CONSENT_WINDOW_MISSING,
    );
  });
});
