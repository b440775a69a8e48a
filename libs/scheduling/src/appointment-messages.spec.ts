import { fromTimestamp, v1 } from '@warmline/contracts';
import {
  appointmentBookedMessage,
  appointmentCancelledMessage,
  appointmentRescheduledMessage,
  appointmentUnavailableMessage,
} from './appointment-messages.js';
import { cancel } from './cancel.js';
import { reschedule } from './reschedule.js';
import { booking, calendarOf, utc } from './__fixtures__/scheduling.js';

const appt = booking('appt-1', 'ana', utc('2025-03-10T13:00'), utc('2025-03-10T13:30'));

describe('appointment messages', () => {
  it('AppointmentBooked carries the booking, its zone, key, request, grant and invite', () => {
    const message = appointmentBookedMessage(appt, 'BEGIN:VCALENDAR...');
    expect(v1.AppointmentBooked.verify(message)).toBeNull();
    expect(message).toMatchObject({
      appointmentId: 'appt-1',
      closerId: 'ana',
      timeZone: 'America/New_York',
      idempotencyKey: 'key-appt-1',
      requestId: 'req-appt-1',
      grantId: 'grant-appt-1',
      ics: 'BEGIN:VCALENDAR...',
    });
    expect(fromTimestamp(message.startAt!)).toBe(appt.startMs);
    expect(fromTimestamp(message.endAt!)).toBe(appt.endMs);
  });

  it('AppointmentUnavailable carries reason, detail and the alternatives as SlotProposals', () => {
    const message = appointmentUnavailableMessage('req-1', {
      kind: 'unavailable',
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
      detail: 'no slot',
      alternatives: [{ closerId: 'ben', startMs: appt.startMs, endMs: appt.endMs }],
    });
    expect(v1.AppointmentUnavailable.verify(message)).toBeNull();
    expect(message.requestId).toBe('req-1');
    expect(message.grantId).toBe('');
    expect(message.reason).toBe(
      v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
    );
    const [proposal] = message.nearestAlternatives!;
    expect(proposal!.closerId).toBe('ben');
    expect(fromTimestamp(proposal!.startAt!)).toBe(appt.startMs);
  });

  it('AppointmentRescheduled carries the new times, the previous start and the reason', () => {
    const result = reschedule(
      calendarOf(appt),
      'appt-1',
      { closerId: 'ben', startMs: appt.startMs + 3_600_000, endMs: appt.endMs + 3_600_000 },
      'buyer asked',
    );
    const message = appointmentRescheduledMessage(result, 'ICS');
    expect(v1.AppointmentRescheduled.verify(message)).toBeNull();
    expect(message).toMatchObject({
      appointmentId: 'appt-1',
      closerId: 'ben',
      reason: 'buyer asked',
    });
    expect(fromTimestamp(message.startAt!)).toBe(appt.startMs + 3_600_000);
    expect(fromTimestamp(message.previousStartAt!)).toBe(appt.startMs);
  });

  it('AppointmentCancelled carries the reason and the cancellation', () => {
    const message = appointmentCancelledMessage(
      cancel(calendarOf(appt), 'appt-1', 'no longer'),
      'ICS',
    );
    expect(message).toEqual({ appointmentId: 'appt-1', reason: 'no longer', ics: 'ICS' });
  });
});
