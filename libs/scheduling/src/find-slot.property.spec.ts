import { v1 } from '@warmline/contracts';
import fc from 'fast-check';
import type { Booking } from './booking.js';
import { closerSuits } from './closer-needs.js';
import type { SchedulingCloser } from './closer.js';
import { insideWindow } from './consent-window.js';
import { findSlot } from './find-slot.js';
import { HOUR, MINUTE, booking, calendarOf, closer, utc } from './__fixtures__/scheduling.js';
import { allSlots, overlapsWithBuffer, validSlot } from './__fixtures__/oracle.js';
import type { AppointmentRequest } from './appointment-request.js';

// Zones with DST in either hemisphere, a 30-minute DST shift (Lord Howe), a midnight switch
// (Santiago), quarter-hour offsets (Kathmandu) and none at all. All offsets are whole quarter hours.
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'UTC',
];
// Days around the 2025 DST switches of those zones, and an ordinary one.
const ANCHORS = [
  '2025-03-09T07:00',
  '2025-03-30T01:00',
  '2025-04-05T15:00',
  '2025-09-07T04:00',
  '2025-10-04T15:30',
  '2025-10-26T01:00',
  '2025-11-02T06:00',
  '2025-07-15T12:00',
].map(utc);

const Reason = v1.AppointmentUnavailableReason;

const period = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    startMinute: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 1, max: 1440 }),
  })
  .map(({ weekday, startMinute, length }) => ({
    weekday,
    startMinute,
    endMinute: Math.min(1440, startMinute + length),
  }));

const closers = fc
  .array(
    fc.record({
      timeZone: fc.constantFrom(...ZONES),
      workingHours: fc.array(period, { maxLength: 8 }),
      skills: fc.subarray(['solar', 'battery']),
      languages: fc.subarray(['en-US', 'es-MX']),
      territories: fc.subarray(['US-NY', 'US-TX']),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((specs) => specs.map((spec, i) => closer(`c${i}`, spec.timeZone, spec)));

interface Scenario {
  closers: SchedulingCloser[];
  bookings: Booking[];
  request: AppointmentRequest;
  options: { bufferMs: number; granularityMs: number; minLeadTimeMs: number };
}

function scenario(maxWindowMs: number, granularities: number[]): fc.Arbitrary<Scenario> {
  return fc
    .record({
      closers,
      anchor: fc.constantFrom(...ANCHORS),
      windowOffset: fc.integer({ min: -36 * HOUR, max: 36 * HOUR }),
      windowLength: fc.integer({ min: 1, max: maxWindowMs }),
      nowOffset: fc.integer({ min: -48 * HOUR, max: 12 * HOUR }),
      durationMinutes: fc.integer({ min: 5, max: 240 }),
      bookings: fc.array(
        fc.record({
          closer: fc.nat({ max: 3 }),
          offset: fc.integer({ min: -48 * 4, max: 48 * 4 }),
          minutes: fc.integer({ min: 5, max: 180 }),
          cancelled: fc.boolean(),
        }),
        { maxLength: 14 },
      ),
      skills: fc.subarray(['solar', 'battery'], { maxLength: 1 }),
      language: fc.constantFrom('', 'en', 'es-ES'),
      territory: fc.constantFrom('', 'US-NY', 'US-TX'),
      bufferMinutes: fc.constantFrom(0, 5, 10),
      granularityMinutes: fc.constantFrom(...granularities),
      leadMinutes: fc.constantFrom(0, 15),
      withWindow: fc.oneof(
        { weight: 5, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    })
    .map((s) => {
      const windowStart = s.anchor + s.windowOffset;
      const bookings = s.bookings
        .filter((b) => b.closer < s.closers.length)
        .map((b, i) => {
          const start = windowStart + b.offset * 15 * MINUTE;
          return booking(`b${i}`, `c${b.closer}`, start, start + b.minutes * MINUTE, {
            status: b.cancelled ? 'cancelled' : 'booked',
          });
        });
      return {
        closers: s.closers,
        bookings,
        request: {
          requestId: 'req-1',
          grantId: 'grant-1',
          idempotencyKey: 'grant-1',
          window: s.withWindow
            ? {
                startMs: windowStart,
                endMs: windowStart + s.windowLength,
                timeZone: 'America/New_York',
              }
            : null,
          durationMs: s.durationMinutes * MINUTE,
          needs: { skills: s.skills, language: s.language, territory: s.territory },
          nowMs: windowStart + s.nowOffset,
        },
        options: {
          bufferMs: s.bufferMinutes * MINUTE,
          granularityMs: s.granularityMinutes * MINUTE,
          minLeadTimeMs: s.leadMinutes * MINUTE,
        },
      };
    });
}

describe('findSlot properties', () => {
  it('a found slot is inside the window, after the lead time, in working hours and clear of bookings', () => {
    fc.assert(
      fc.property(
        scenario(3 * 24 * HOUR, [5, 15, 30, 60]),
        ({ closers, bookings, request, options }) => {
          const result = findSlot(request, closers, calendarOf(...bookings), options);
          if (result.kind !== 'slot') return;
          const chosen = closers.find((c) => c.closerId === result.closerId)!;
          const rules = { ...options, durationMs: request.durationMs };
          expect(insideWindow(result, request.window!)).toBe(true);
          expect(result.startMs).toBeGreaterThanOrEqual(request.nowMs + options.minLeadTimeMs);
          expect(result.endMs - result.startMs).toBe(request.durationMs);
          expect(closerSuits(chosen, request.needs)).toBe(true);
          expect(validSlot(chosen, bookings, result.startMs, rules)).toBe(true);
          expect(
            overlapsWithBuffer(
              bookings,
              chosen.closerId,
              result.startMs,
              result.endMs,
              options.bufferMs,
            ),
          ).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the earliest valid slot a brute-force search finds, and says so when there is none', () => {
    fc.assert(
      fc.property(scenario(30 * HOUR, [5, 15]), ({ closers, bookings, request, options }) => {
        const result = findSlot(request, closers, calendarOf(...bookings), options);
        const window = request.window;
        const suitable = closers.filter((c) => closerSuits(c, request.needs));
        if (!window) {
          expect(result).toMatchObject({
            reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_CONSENT_WINDOW_MISSING,
          });
          return;
        }
        if (window.endMs <= request.nowMs) {
          expect(result).toMatchObject({
            reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_WINDOW_IN_PAST,
          });
          return;
        }
        if (suitable.length === 0) {
          expect(result).toMatchObject({
            reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SUITABLE_CLOSER,
          });
          return;
        }
        const rules = { ...options, durationMs: request.durationMs };
        const from = Math.max(window.startMs, request.nowMs + options.minLeadTimeMs);
        const [earliest] = allSlots(
          suitable,
          bookings,
          from,
          window.endMs - request.durationMs,
          rules,
        );
        if (!earliest) {
          expect(result).toMatchObject({
            reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
          });
        } else {
          expect(result).toMatchObject({ kind: 'slot', startMs: earliest.startMs });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('offers the alternatives a brute-force search ranks nearest, none of them inside the window', () => {
    const horizonMs = 24 * HOUR;
    const maxAlternatives = 4;
    fc.assert(
      fc.property(scenario(24 * HOUR, [15]), ({ closers, bookings, request, options }) => {
        const all = { ...options, alternativesHorizonMs: horizonMs, maxAlternatives };
        const result = findSlot(request, closers, calendarOf(...bookings), all);
        if (result.kind !== 'unavailable') return;
        const suitable = closers.filter((c) => closerSuits(c, request.needs));
        const rules = { ...options, durationMs: request.durationMs };
        const earliest = request.nowMs + options.minLeadTimeMs;
        const window =
          request.window && request.window.endMs > request.nowMs ? request.window : null;
        for (const alternative of result.alternatives) {
          if (request.window) expect(insideWindow(alternative, request.window)).toBe(false);
        }
        // The same ranking, by brute force: how much of the slot lies outside the window.
        const from = window ? Math.max(earliest, window.startMs - horizonMs) : earliest;
        const to = window ? window.endMs + horizonMs : earliest + horizonMs;
        const anchor = window ? window.startMs : earliest;
        const distance = (s: { startMs: number; endMs: number }) =>
          window
            ? Math.max(0, window.startMs - s.startMs) + Math.max(0, s.endMs - window.endMs)
            : s.startMs - earliest;
        const expected = allSlots(suitable, bookings, from, to, rules)
          .filter((s) => !window || !insideWindow(s, window))
          .sort(
            (a, b) =>
              distance(a) - distance(b) ||
              Math.abs(a.startMs - anchor) - Math.abs(b.startMs - anchor) ||
              a.startMs - b.startMs,
          );
        const starts = [...new Set(expected.map((s) => s.startMs))].slice(0, maxAlternatives);
        expect(result.alternatives.map((s) => s.startMs)).toEqual(starts);
        for (const alternative of result.alternatives) {
          const owner = suitable.find((c) => c.closerId === alternative.closerId)!;
          expect(validSlot(owner, bookings, alternative.startMs, rules)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
