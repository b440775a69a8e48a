import { fromTimestamp } from '@warmline/contracts';
import { appointmentChangeEnvelope, CancelSchema, RescheduleSchema } from './appointment-change.js';
import { reservationResponseEnvelope } from './reservation-answer.js';

describe('reservationResponseEnvelope', () => {
  it('publishes one event id per reservation and answer, with the decline reason only', () => {
    const accept = reservationResponseEnvelope(
      'r-1',
      'accept',
      { closerId: 'c-17', reason: 'x' },
      'desk',
    );
    expect(accept).toEqual({
      eventId: 'reservation-r-1-accept',
      correlationId: 'desk',
      reservationResponse: { reservationId: 'r-1', closerId: 'c-17', accepted: true, reason: '' },
    });
    const decline = reservationResponseEnvelope(
      'r-1',
      'decline',
      { closerId: 'c-17', reason: 'busy' },
      'desk',
    );
    expect(decline.eventId).toBe('reservation-r-1-decline');
    expect(decline.reservationResponse).toMatchObject({ accepted: false, reason: 'busy' });
  });
});

describe('appointmentChangeEnvelope', () => {
  const reschedule = RescheduleSchema.parse({
    window: {
      startAt: '2026-12-01T15:00:00Z',
      endAt: '2026-12-01T18:00:00Z',
      timeZone: 'America/Chicago',
    },
    reason: 'Tuesday suits better',
  });

  it('maps a reschedule, deriving the request id from the content when none is given', () => {
    const envelope = appointmentChangeEnvelope(
      'apt-1',
      { kind: 'reschedule', json: reschedule },
      'crm',
    );
    const request = envelope.appointmentChangeRequest!;
    expect(request).toMatchObject({ appointmentId: 'apt-1', requestedBy: 'crm' });
    expect(fromTimestamp(request.reschedule!.window!.startAt!)).toBe(Date.UTC(2026, 11, 1, 15));
    expect(envelope.eventId).toBe(`schedule-${request.requestId}`);
    const again = appointmentChangeEnvelope(
      'apt-1',
      { kind: 'reschedule', json: reschedule },
      'crm',
    );
    expect(again.eventId).toBe(envelope.eventId);
    const other = appointmentChangeEnvelope(
      'apt-1',
      { kind: 'reschedule', json: { ...reschedule, reason: 'another reason' } },
      'crm',
    );
    expect(other.eventId).not.toBe(envelope.eventId);
  });

  it("keeps the caller's request id and requester", () => {
    const json = CancelSchema.parse({
      reason: 'no longer interested',
      requestId: 'req-9',
      requestedBy: 'buyer',
    });
    expect(appointmentChangeEnvelope('apt-1', { kind: 'cancel', json }, 'crm')).toEqual({
      eventId: 'schedule-req-9',
      correlationId: 'crm',
      appointmentChangeRequest: {
        requestId: 'req-9',
        appointmentId: 'apt-1',
        requestedBy: 'buyer',
        cancel: { reason: 'no longer interested' },
      },
    });
  });

  it.each([
    [{ endAt: '2026-12-01T15:00:00Z' }, 'window.endAt'],
    [{ timeZone: 'Chicago' }, 'window.timeZone'],
  ])('refuses a window with %j', (window, field) => {
    const json = { ...reschedule, window: { ...reschedule.window, ...window } };
    expect(() => appointmentChangeEnvelope('apt-1', { kind: 'reschedule', json }, 'crm')).toThrow(
      expect.objectContaining({ status: 400, field }),
    );
  });
});
