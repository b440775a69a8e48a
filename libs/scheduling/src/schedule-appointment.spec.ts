import { v1 } from '@warmline/contracts';
import { emptyCalendar, bookingForKey } from './calendar.js';
import { scheduleAppointment } from './schedule-appointment.js';
import { at, closer, request } from './__fixtures__/scheduling.js';

const NY = 'America/New_York';
const local = (time: string) => at(`2025-03-10T${time}`, NY);
const ana = closer('ana', NY);

describe('scheduleAppointment', () => {
  // Room for exactly one 30-minute appointment.
  const window = { startMs: local('09:00'), endMs: local('09:30') };

  it('books the slot findSlot finds', () => {
    const outcome = scheduleAppointment(emptyCalendar(), request(window, local('06:00')), [ana], {
      appointmentId: 'appt-1',
    });
    expect(outcome).toMatchObject({
      kind: 'booked',
      created: true,
      booking: { appointmentId: 'appt-1', closerId: 'ana', startMs: local('09:00') },
    });
  });

  it('answers a redelivered request with its booking even though that booking fills the window', () => {
    const first = scheduleAppointment(emptyCalendar(), request(window, local('06:00')), [ana], {
      appointmentId: 'appt-1',
    });
    if (first.kind !== 'booked') throw new Error('expected a booking');
    const again = scheduleAppointment(first.calendar, request(window, local('06:05')), [ana], {
      appointmentId: 'appt-2',
    });
    expect(again).toMatchObject({ kind: 'booked', created: false, booking: first.booking });
    expect(bookingForKey(first.calendar, 'grant-1')?.appointmentId).toBe('appt-1');
  });

  it('passes an unavailable answer through, booking nothing', () => {
    const outcome = scheduleAppointment(emptyCalendar(), request(null, local('06:00')), [ana], {
      appointmentId: 'appt-1',
    });
    expect(outcome).toMatchObject({
      kind: 'unavailable',
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_CONSENT_WINDOW_MISSING,
    });
  });
});
