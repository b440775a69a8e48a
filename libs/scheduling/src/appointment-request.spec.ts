import { toTimestamp, v1 } from '@warmline/contracts';
import { appointmentRequestFromMessage } from './appointment-request.js';
import { utc } from './__fixtures__/scheduling.js';

const NOW = utc('2025-03-10T08:00');
const message = v1.AppointmentRequested.create({
  requestId: 'req-1',
  grantId: 'grant-1',
  idempotencyKey: 'grant-1.1',
  window: {
    startAt: toTimestamp(utc('2025-03-10T13:00')),
    endAt: toTimestamp(utc('2025-03-10T16:00')),
    timeZone: 'America/New_York',
    sourceText: 'Monday morning',
  },
  durationMs: 1_800_000,
  skills: ['solar'],
  language: 'en-US',
  territory: 'US-NY',
});

describe('appointmentRequestFromMessage', () => {
  it('maps the wire message to a request in epoch milliseconds', () => {
    expect(appointmentRequestFromMessage(message, NOW)).toEqual({
      requestId: 'req-1',
      grantId: 'grant-1',
      idempotencyKey: 'grant-1.1',
      window: {
        startMs: utc('2025-03-10T13:00'),
        endMs: utc('2025-03-10T16:00'),
        timeZone: 'America/New_York',
      },
      durationMs: 1_800_000,
      needs: { skills: ['solar'], language: 'en-US', territory: 'US-NY' },
      nowMs: NOW,
    });
  });

  it('survives an encode/decode round trip (Long seconds and all)', () => {
    const decoded = v1.AppointmentRequested.decode(
      v1.AppointmentRequested.encode(message).finish(),
    );
    expect(appointmentRequestFromMessage(decoded, NOW)).toEqual(
      appointmentRequestFromMessage(message, NOW),
    );
  });

  it('treats a window missing either end as no consent window', () => {
    const openEnded = { ...message, window: { ...message.window, endAt: null } };
    expect(appointmentRequestFromMessage(openEnded, NOW).window).toBeNull();
    expect(appointmentRequestFromMessage({ ...message, window: null }, NOW).window).toBeNull();
  });

  it('renders a window without a zone in UTC', () => {
    const zoneless = { ...message, window: { ...message.window, timeZone: '' } };
    expect(appointmentRequestFromMessage(zoneless, NOW).window?.timeZone).toBe('UTC');
  });

  it.each([
    [{ idempotencyKey: '' }, 'idempotencyKey'],
    [{ requestId: '' }, 'requestId'],
    [{ grantId: 'g/1' }, 'grantId'],
    [{ durationMs: 0 }, 'durationMs'],
    [{ window: { ...message.window, timeZone: 'EST5' } }, 'window.timeZone'],
  ])('refuses %j naming %s', (overrides, field) => {
    expect(() => appointmentRequestFromMessage({ ...message, ...overrides }, NOW)).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_REQUEST_INVALID', field }),
    );
  });
});
