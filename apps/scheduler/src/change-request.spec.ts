import { toTimestamp } from '@warmline/contracts';
import { changeRequestOf } from './change-request.js';

const window = {
  startAt: toTimestamp(Date.UTC(2026, 2, 4, 14)),
  endAt: toTimestamp(Date.UTC(2026, 2, 4, 16)),
  timeZone: 'America/Chicago',
};

describe('changeRequestOf', () => {
  it('reads a reschedule into a new window', () => {
    expect(
      changeRequestOf({
        requestId: 'r-1',
        appointmentId: 'appt-1',
        requestedBy: 'buyer',
        reschedule: { window, reason: 'travelling' },
      }),
    ).toEqual({
      requestId: 'r-1',
      appointmentId: 'appt-1',
      requestedBy: 'buyer',
      change: {
        kind: 'reschedule',
        window: {
          startMs: Date.UTC(2026, 2, 4, 14),
          endMs: Date.UTC(2026, 2, 4, 16),
          timeZone: 'America/Chicago',
        },
        reason: 'travelling',
      },
    });
  });

  it('treats a window with an open end as no consent, and names the asker when no reason is given', () => {
    const request = changeRequestOf({
      requestId: 'r-2',
      appointmentId: 'appt-1',
      requestedBy: 'closer:c-17',
      reschedule: { window: { startAt: window.startAt } },
    });
    expect(request.change).toEqual({
      kind: 'reschedule',
      window: null,
      reason: 'requested by closer:c-17',
    });
  });

  it.each([
    [{ appointmentId: 'appt-1', cancel: {} }, /request_id/],
    [{ requestId: 'r-3', appointmentId: 'a.b', cancel: {} }, /appointment_id/],
    [{ requestId: 'r-3', appointmentId: 'appt-1' }, /change: exactly one/],
    [
      { requestId: 'r-3', appointmentId: 'appt-1', cancel: {}, reschedule: { window } },
      /change: exactly one/,
    ],
    [
      { requestId: 'r-3', appointmentId: 'appt-1', cancel: { reason: 'a\nb' } },
      /cancel.reason: must be one line/,
    ],
  ])('refuses %j', (message, error) => {
    expect(() => changeRequestOf(message)).toThrow(error);
  });
});
