import { parseConsentWindow } from '@warmline/intent';
import fc from 'fast-check';
import { Rng } from './rng.js';
import { consentWindowOf, isInsideWindow, timingAnswer, timingWindow } from './timing-answer.js';

const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Sydney',
];
const MONDAY_9AM_UTC = Date.UTC(2025, 0, 6, 9, 0, 0);

describe('timing answers and their consent windows', () => {
  it('reads "now" answers as the next two hours', () => {
    const answer = timingAnswer('now', Rng.seeded(1));
    expect(timingWindow(answer, MONDAY_9AM_UTC, 'America/Chicago')).toEqual({
      startAtMs: MONDAY_9AM_UTC,
      endAtMs: MONDAY_9AM_UTC + 120 * 60_000,
    });
  });

  it('resolves "Call me Thursday after 3." on the next Thursday, 15:00-18:00 local', () => {
    const answer = {
      kind: 'window',
      text: 'Call me Thursday after 3.',
      window: { day: 4, fromMinute: 900, toMinute: 1080 },
    } as const;
    // Monday 6 Jan 2025, 03:00 in Chicago → Thursday 9 Jan, 15:00-18:00 CST (UTC-6).
    expect(timingWindow(answer, MONDAY_9AM_UTC, 'America/Chicago')).toEqual({
      startAtMs: Date.UTC(2025, 0, 9, 21, 0),
      endAtMs: Date.UTC(2025, 0, 10, 0, 0),
    });
    // Said on a Thursday, "Thursday" is a week later.
    const thursday = Date.UTC(2025, 0, 9, 15, 0);
    expect(timingWindow(answer, thursday, 'America/Chicago').startAtMs).toBe(
      Date.UTC(2025, 0, 16, 21, 0),
    );
  });

  it('agrees with @warmline/intent on the window of every answer, in any zone, at any time', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom('now' as const, 'window' as const),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.constantFrom(...ZONES),
        (seed, kind, saidAtMs, zone) => {
          const answer = timingAnswer(kind, Rng.seeded(seed));
          const theirs = parseConsentWindow(answer.text, saidAtMs, zone);
          expect(theirs).not.toBeNull();
          expect(timingWindow(answer, saidAtMs, zone)).toEqual({
            startAtMs: theirs!.startAtMs,
            endAtMs: theirs!.endAtMs,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives a plan's window only when the buyer said one", () => {
    const timing = timingAnswer('now', Rng.seeded(2));
    expect(consentWindowOf({ timing, timeZone: 'UTC' }, 1_000)).toEqual({
      startAtMs: 1_000,
      endAtMs: 7_201_000,
    });
    expect(consentWindowOf({ timing: null, timeZone: 'UTC' }, 1_000)).toBeNull();
  });

  it('counts a slot as inside only when it lies wholly within the window', () => {
    const window = { startAtMs: 100, endAtMs: 200 };
    expect(isInsideWindow({ startAtMs: 100, endAtMs: 200 }, window)).toBe(true);
    expect(isInsideWindow({ startAtMs: 120, endAtMs: 150 }, window)).toBe(true);
    expect(isInsideWindow({ startAtMs: 99, endAtMs: 150 }, window)).toBe(false);
    expect(isInsideWindow({ startAtMs: 150, endAtMs: 201 }, window)).toBe(false);
    expect(isInsideWindow({ startAtMs: 150, endAtMs: 150 }, window)).toBe(false);
  });
});
