import fc from 'fast-check';
import { book } from './book.js';
import { bookingForKey, emptyCalendar, type Calendar } from './calendar.js';
import { insideWindow } from './consent-window.js';
import { isSchedulingError } from './errors.js';
import { scheduleAppointment } from './schedule-appointment.js';
import { HOUR, MINUTE, closer, request, utc } from './__fixtures__/scheduling.js';

const T0 = utc('2025-03-10T12:00');
const closers = [closer('ana', 'America/New_York'), closer('ben', 'Europe/Berlin')];

const window = fc
  .record({
    offset: fc.integer({ min: 0, max: 48 * 4 }),
    quarters: fc.integer({ min: 1, max: 40 }),
  })
  .map(({ offset, quarters }) => ({
    startMs: T0 + offset * 15 * MINUTE,
    endMs: T0 + (offset + quarters) * 15 * MINUTE,
    timeZone: 'America/New_York',
  }));

const slot = fc
  .record({
    closerId: fc.constantFrom('ana', 'ben'),
    offset: fc.integer({ min: -8 * 4, max: 60 * 4 }),
  })
  .map(({ closerId, offset }) => ({ closerId, startMs: T0 + offset * 15 * MINUTE }));

/** Counts the bookings a key made. */
function bookingsUnder(calendar: Calendar, key: string): number {
  return Object.values(calendar.bookingsByCloser)
    .flat()
    .filter((b) => b.idempotencyKey === key).length;
}

describe('booking properties', () => {
  it('the same request twice books once, whatever the calendar looks like in between', () => {
    fc.assert(
      fc.property(
        window,
        fc.array(fc.tuple(window, fc.constantFrom('k1', 'k2', 'k3', 'k4')), { maxLength: 6 }),
        (target, others) => {
          const nowMs = T0 - HOUR;
          const ask = request(target, nowMs, { idempotencyKey: 'target', durationMs: 30 * MINUTE });
          let calendar = emptyCalendar();
          const first = scheduleAppointment(calendar, ask, closers, { appointmentId: 'first' });
          if (first.kind !== 'booked') return;
          calendar = first.calendar;
          others.forEach(([w, key], i) => {
            const outcome = scheduleAppointment(
              calendar,
              request(w, nowMs, { idempotencyKey: key }),
              closers,
              {
                appointmentId: `other-${i}`,
              },
            );
            if (outcome.kind === 'booked') calendar = outcome.calendar;
          });
          const again = scheduleAppointment(calendar, { ...ask, nowMs: nowMs + MINUTE }, closers, {
            appointmentId: 'second',
          });
          expect(again).toMatchObject({ kind: 'booked', created: false, booking: first.booking });
          expect(bookingsUnder(again.kind === 'booked' ? again.calendar : calendar, 'target')).toBe(
            1,
          );
          expect(bookingForKey(calendar, 'target')?.appointmentId).toBe('first');
          // book() itself, asked again with another slot and id, returns the first booking too.
          const direct = book(
            calendar,
            ask,
            { closerId: 'ben', startMs: target.startMs, endMs: target.startMs + 30 * MINUTE },
            {
              appointmentId: 'third',
            },
          );
          expect(direct).toEqual({ calendar, booking: first.booking, created: false });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('book never creates a booking outside the consent window', () => {
    fc.assert(
      fc.property(window, slot, fc.integer({ min: 1, max: 8 }), (consent, s, quarters) => {
        const durationMs = quarters * 15 * MINUTE;
        const ask = request(consent, T0 - 9 * HOUR, { durationMs });
        const candidate = { ...s, endMs: s.startMs + durationMs };
        try {
          const { booking } = book(emptyCalendar(), ask, candidate, { appointmentId: 'a' });
          expect(insideWindow(booking, consent)).toBe(true);
        } catch (err) {
          expect(isSchedulingError(err)).toBe(true);
          if (insideWindow(candidate, consent)) throw err;
          expect((err as { code: string }).code).toBe('OUTSIDE_CONSENT_WINDOW');
        }
      }),
      { numRuns: 300 },
    );
  });
});
