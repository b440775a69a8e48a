import { fromTimestamp, v1 } from '@warmline/contracts';
import { claims, tuesdayAt } from './__fixtures__/scheduler-fixtures.js';
import { appointmentIdFor, appointmentRequested, bookingKey } from './appointment-requested.js';

describe('appointmentRequested', () => {
  const window = { startMs: tuesdayAt(4), endMs: tuesdayAt(20) };

  it('asks for exactly the grant’s consent window, one request and one booking key per grant', () => {
    const requested = appointmentRequested(claims('g-1', window), {
      durationMs: 1_800_000,
      intent: { buyerLanguage: 'es-MX', territory: 'US-TX' },
      brief: { text: 'brief', buyerLanguage: 'en-US' },
      fallback: null,
    });
    expect(requested).toMatchObject({
      requestId: 'g-1',
      grantId: 'g-1',
      durationMs: 1_800_000,
      language: 'es-MX',
      territory: 'US-TX',
      idempotencyKey: 'g-1.booking',
      handoffId: '',
      fallbackReason: 0,
    });
    expect(fromTimestamp(requested.window!.startAt!)).toBe(window.startMs);
    expect(fromTimestamp(requested.window!.endAt!)).toBe(window.endMs);
    expect(requested.window!.timeZone).toBe('America/Chicago');
  });

  it('carries a fallback’s origin, and the brief’s language when there is no intent state', () => {
    const requested = appointmentRequested(claims('g-2', null), {
      durationMs: 1_800_000,
      intent: null,
      brief: { buyerLanguage: 'en-GB' },
      fallback: {
        handoffId: 'h-1',
        failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_ANSWER,
      },
    });
    expect(requested).toMatchObject({
      handoffId: 'h-1',
      fallbackReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_ANSWER,
      language: 'en-GB',
      window: null,
    });
  });

  it('derives the booking key and appointment id from the grant alone', () => {
    expect(bookingKey({ grantId: 'g-3' })).toBe('g-3.booking');
    expect(appointmentIdFor({ grantId: 'g-3' })).toBe('appt-g-3');
  });
});
