import { book } from './book.js';
import { bookingForKey, emptyCalendar, findBooking, type Calendar } from './calendar.js';
import {
  BookingConflictError,
  InvalidAppointmentRequestError,
  OutsideConsentWindowError,
} from './errors.js';
import { MINUTE, at, booking, calendarOf, request } from './__fixtures__/scheduling.js';

const NY = 'America/New_York';
const local = (time: string) => at(`2025-03-10T${time}`, NY);
const NOW = local('06:00');
const WINDOW = { startMs: local('09:00'), endMs: local('12:00'), timeZone: NY };
const SLOT = { closerId: 'ana', startMs: local('09:00'), endMs: local('09:30') };

describe('book', () => {
  it('adds a booked appointment at sequence 0 under the request’s key and zone', () => {
    const {
      calendar,
      booking: made,
      created,
    } = book(emptyCalendar(), request(WINDOW, NOW), SLOT, { appointmentId: 'appt-1' });
    expect(created).toBe(true);
    expect(made).toEqual({
      appointmentId: 'appt-1',
      closerId: 'ana',
      startMs: SLOT.startMs,
      endMs: SLOT.endMs,
      status: 'booked',
      idempotencyKey: 'grant-1',
      requestId: 'req-1',
      grantId: 'grant-1',
      sequence: 0,
      timeZone: NY,
    });
    expect(findBooking(calendar, 'appt-1')).toEqual(made);
  });

  it('books once per idempotency key: the same request again returns the first booking', () => {
    const first = book(emptyCalendar(), request(WINDOW, NOW), SLOT, { appointmentId: 'appt-1' });
    const later = { ...SLOT, startMs: local('10:00'), endMs: local('10:30') };
    const again = book(first.calendar, request(WINDOW, NOW + MINUTE), later, {
      appointmentId: 'appt-2',
    });
    expect(again.created).toBe(false);
    expect(again.booking).toEqual(first.booking);
    expect(again.calendar).toBe(first.calendar);
    expect(findBooking(again.calendar, 'appt-2')).toBeNull();
  });

  it('answers a repeated key with the booking as it is now, even after it was cancelled', () => {
    const cancelled = booking('appt-1', 'ana', SLOT.startMs, SLOT.endMs, {
      idempotencyKey: 'grant-1',
      status: 'cancelled',
      sequence: 1,
    });
    const result = book(calendarOf(cancelled), request(WINDOW, NOW), SLOT, {
      appointmentId: 'appt-2',
    });
    expect(result).toMatchObject({ created: false, booking: cancelled });
  });

  it('refuses a slot that is not wholly inside the consent window', () => {
    const spilling = { ...SLOT, startMs: local('11:45'), endMs: local('12:15') };
    expect(() =>
      book(emptyCalendar(), request(WINDOW, NOW), spilling, { appointmentId: 'a' }),
    ).toThrow(OutsideConsentWindowError);
    const early = { ...SLOT, startMs: local('08:45'), endMs: local('09:15') };
    expect(() =>
      book(emptyCalendar(), request(WINDOW, NOW), early, { appointmentId: 'a' }),
    ).toThrow(expect.objectContaining({ code: 'OUTSIDE_CONSENT_WINDOW' }));
  });

  it('refuses to book without a consent window', () => {
    expect(() => book(emptyCalendar(), request(null, NOW), SLOT, { appointmentId: 'a' })).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_REQUEST_INVALID', field: 'window' }),
    );
  });

  it('refuses a slot overlapping the closer’s bookings with the buffer, naming the booking', () => {
    const calendar = calendarOf(booking('other', 'ana', local('09:35'), local('10:00')));
    const attempt = () => book(calendar, request(WINDOW, NOW), SLOT, { appointmentId: 'a' });
    expect(attempt).toThrow(BookingConflictError);
    expect(attempt).toThrow(
      expect.objectContaining({ closerId: 'ana', conflictingAppointmentId: 'other' }),
    );
    expect(
      book(calendar, request(WINDOW, NOW), SLOT, { appointmentId: 'a' }, { bufferMs: 5 * MINUTE })
        .created,
    ).toBe(true);
  });

  it('does not let another closer’s booking or a cancelled booking get in the way', () => {
    const calendar = calendarOf(
      booking('ben-1', 'ben', SLOT.startMs, SLOT.endMs),
      booking('old', 'ana', SLOT.startMs, SLOT.endMs, { status: 'cancelled' }),
    );
    expect(book(calendar, request(WINDOW, NOW), SLOT, { appointmentId: 'a' }).created).toBe(true);
  });

  it.each<[string, () => Calendar, object, object, string]>([
    [
      'a reused appointment id',
      () => calendarOf(booking('a', 'ben', 0, 1)),
      {},
      { appointmentId: 'a' },
      'appointmentId',
    ],
    ['a malformed appointment id', emptyCalendar, {}, { appointmentId: 'a b' }, 'appointmentId'],
    [
      'a slot of another length',
      emptyCalendar,
      { endMs: local('09:45') },
      { appointmentId: 'a' },
      'slot.endMs',
    ],
    [
      'a slot ending before it starts',
      emptyCalendar,
      { endMs: local('08:00') },
      { appointmentId: 'a' },
      'slot.endMs',
    ],
    [
      'a malformed closer id',
      emptyCalendar,
      { closerId: '' },
      { appointmentId: 'a' },
      'slot.closerId',
    ],
  ])('refuses %s', (_name, calendar, slotOverrides, ids, field) => {
    const attempt = () =>
      book(
        calendar(),
        request(WINDOW, NOW),
        { ...SLOT, ...slotOverrides },
        ids as { appointmentId: string },
      );
    expect(attempt).toThrow(InvalidAppointmentRequestError);
    expect(attempt).toThrow(expect.objectContaining({ field }));
  });

  it('refuses a slot that has already started', () => {
    expect(() =>
      book(emptyCalendar(), request(WINDOW, local('09:10')), SLOT, { appointmentId: 'a' }),
    ).toThrow(expect.objectContaining({ field: 'slot.startMs' }));
  });

  it.each([
    [{ idempotencyKey: '' }, 'idempotencyKey'],
    [{ idempotencyKey: 'has space' }, 'idempotencyKey'],
    [{ requestId: 'r.1' }, 'requestId'],
    [{ grantId: '' }, 'grantId'],
  ])('refuses request %j naming %s', (overrides, field) => {
    expect(() =>
      book(emptyCalendar(), request(WINDOW, NOW, overrides), SLOT, { appointmentId: 'a' }),
    ).toThrow(expect.objectContaining({ code: 'APPOINTMENT_REQUEST_INVALID', field }));
  });
});

describe('Calendar', () => {
  it('survives a JSON round trip and still answers idempotency keys', () => {
    const { calendar } = book(emptyCalendar(), request(WINDOW, NOW), SLOT, {
      appointmentId: 'appt-1',
    });
    const restored = JSON.parse(JSON.stringify(calendar)) as Calendar;
    expect(restored).toEqual(calendar);
    expect(bookingForKey(restored, 'grant-1')?.appointmentId).toBe('appt-1');
    const again = book(restored, request(WINDOW, NOW), SLOT, { appointmentId: 'appt-2' });
    expect(again.created).toBe(false);
  });

  it('keeps a closer called "__proto__" as an ordinary closer', () => {
    const slot = { ...SLOT, closerId: '__proto__' };
    const first = book(emptyCalendar(), request(WINDOW, NOW), slot, { appointmentId: 'p1' });
    const restored = JSON.parse(JSON.stringify(first.calendar)) as Calendar;
    expect(findBooking(restored, 'p1')?.closerId).toBe('__proto__');
    expect(() =>
      book(restored, request(WINDOW, NOW, { idempotencyKey: 'k2' }), slot, {
        appointmentId: 'p2',
      }),
    ).toThrow(BookingConflictError);
  });
});
