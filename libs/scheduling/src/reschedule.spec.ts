import { cancel } from './cancel.js';
import { findBooking } from './calendar.js';
import {
  AppointmentNotFoundError,
  BookingConflictError,
  BookingStateError,
  OutsideConsentWindowError,
} from './errors.js';
import { reschedule } from './reschedule.js';
import { findSlot } from './find-slot.js';
import { at, booking, calendarOf, closer, request } from './__fixtures__/scheduling.js';

const NY = 'America/New_York';
const local = (time: string) => at(`2025-03-10T${time}`, NY);
const appt = booking('appt-1', 'ana', local('09:00'), local('09:30'));
const to = (closerId: string, start: string, end: string) => ({
  closerId,
  startMs: local(start),
  endMs: local(end),
});

describe('reschedule', () => {
  it('moves the appointment and raises its sequence by one', () => {
    const result = reschedule(
      calendarOf(appt),
      'appt-1',
      to('ana', '11:00', '11:30'),
      'buyer asked',
    );
    expect(result.changed).toBe(true);
    expect(result.previous).toEqual(appt);
    expect(result.reason).toBe('buyer asked');
    expect(result.booking).toEqual({
      ...appt,
      startMs: local('11:00'),
      endMs: local('11:30'),
      sequence: 1,
    });
    expect(findBooking(result.calendar, 'appt-1')).toEqual(result.booking);
  });

  it('may move it to another closer, freeing the first', () => {
    const result = reschedule(calendarOf(appt), 'appt-1', to('ben', '09:00', '09:30'), 'r');
    expect(result.booking.closerId).toBe('ben');
    expect(result.calendar.bookingsByCloser['ana']).toBeUndefined();
    expect(result.calendar.bookingsByCloser['ben']).toEqual([result.booking]);
  });

  it('may overlap its own old time but not the closer’s other bookings (buffer included)', () => {
    const calendar = calendarOf(appt, booking('other', 'ana', local('10:00'), local('10:30')));
    expect(reschedule(calendar, 'appt-1', to('ana', '09:15', '09:45'), 'r').changed).toBe(true);
    expect(() => reschedule(calendar, 'appt-1', to('ana', '09:30', '10:00'), 'r')).toThrow(
      BookingConflictError,
    );
  });

  it('is idempotent: moving it to where it already is changes nothing', () => {
    const calendar = calendarOf(appt);
    const result = reschedule(calendar, 'appt-1', to('ana', '09:00', '09:30'), 'r');
    expect(result).toMatchObject({ changed: false, booking: appt, calendar });
  });

  it('refuses a new slot outside a given consent window, or in the past', () => {
    const window = { startMs: local('13:00'), endMs: local('17:00'), timeZone: NY };
    expect(() =>
      reschedule(calendarOf(appt), 'appt-1', to('ana', '12:45', '13:15'), 'r', { window }),
    ).toThrow(OutsideConsentWindowError);
    expect(() =>
      reschedule(calendarOf(appt), 'appt-1', to('ana', '09:45', '10:15'), 'r', {
        nowMs: local('10:00'),
      }),
    ).toThrow(expect.objectContaining({ field: 'newSlot.startMs' }));
  });

  it('finds the new time on a scratch calendar where the appointment frees its own slot', () => {
    const calendar = calendarOf(appt);
    const newWindow = { startMs: local('09:15'), endMs: local('10:30') };
    const ask = request(newWindow, local('06:00'));
    // Searched as is, the appointment's own buffer pushes the move to 09:45.
    expect(findSlot(ask, [closer('ana', NY)], calendar)).toMatchObject({ startMs: local('09:45') });
    const scratch = cancel(calendar, 'appt-1', 'searching').calendar;
    const found = findSlot(ask, [closer('ana', NY)], scratch);
    if (found.kind !== 'slot') throw new Error('expected a slot');
    const moved = reschedule(calendar, 'appt-1', found, 'buyer asked', {
      window: { ...newWindow, timeZone: NY },
    });
    expect(moved.booking).toMatchObject({ startMs: local('09:15'), status: 'booked', sequence: 1 });
    expect(findBooking(calendar, 'appt-1')).toEqual(appt);
  });

  it('refuses an unknown or cancelled appointment', () => {
    expect(() => reschedule(calendarOf(appt), 'nope', to('ana', '11:00', '11:30'), 'r')).toThrow(
      AppointmentNotFoundError,
    );
    const { calendar } = cancel(calendarOf(appt), 'appt-1', 'buyer declined');
    expect(() => reschedule(calendar, 'appt-1', to('ana', '11:00', '11:30'), 'r')).toThrow(
      BookingStateError,
    );
  });
});

describe('cancel', () => {
  it('cancels, raises the sequence and frees the slot', () => {
    const result = cancel(calendarOf(appt), 'appt-1', 'buyer declined');
    expect(result).toMatchObject({ changed: true, reason: 'buyer declined' });
    expect(result.booking).toEqual({ ...appt, status: 'cancelled', sequence: 1 });
    const moved = reschedule(
      calendarOf(result.booking, booking('b2', 'ana', local('10:00'), local('10:30'))),
      'b2',
      to('ana', '09:00', '09:30'),
      'r',
    );
    expect(moved.changed).toBe(true);
  });

  it('is idempotent: cancelling twice changes nothing the second time', () => {
    const first = cancel(calendarOf(appt), 'appt-1', 'r');
    const second = cancel(first.calendar, 'appt-1', 'r');
    expect(second).toMatchObject({ changed: false, calendar: first.calendar });
    expect(second.booking.sequence).toBe(1);
  });

  it('refuses an unknown appointment', () => {
    expect(() => cancel(calendarOf(appt), 'nope', 'r')).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_NOT_FOUND', appointmentId: 'nope' }),
    );
  });
});
