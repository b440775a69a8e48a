import { DateTime } from 'luxon';
import { parseConsentWindow, type ConsentWindow } from './consent-window.js';
import { TimeZoneInvalidError } from './errors.js';

const NY = 'America/New_York';
/** Monday 2 March 2026, 10:00 in New York (EST, UTC−5). */
const MONDAY_10AM = Date.UTC(2026, 2, 2, 15, 0);
/** Friday 6 March 2026, 10:00 in New York, two days before the US switch to EDT (8 March). */
const FRIDAY_10AM = Date.UTC(2026, 2, 6, 15, 0);

/** The window in local time, e.g. "Thu 05 Mar 14:00 – Thu 05 Mar 18:00". */
function local(window: ConsentWindow | null, zone = NY): string | null {
  if (window === null) return null;
  const show = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('ccc dd LLL HH:mm');
  return `${show(window.startAtMs)} – ${show(window.endAtMs)}`;
}

describe('parseConsentWindow', () => {
  it('reads "call me Thursday after 2" as Thursday 14:00–18:00 in the buyer’s zone, in UTC instants', () => {
    const window = parseConsentWindow('call me Thursday after 2', MONDAY_10AM, NY);
    expect(window).toEqual({
      startAtMs: Date.UTC(2026, 2, 5, 19, 0),
      endAtMs: Date.UTC(2026, 2, 5, 23, 0),
      timeZone: NY,
      sourceText: 'call me Thursday after 2',
    });
  });

  it('keeps the local hours across a DST change (EST Friday -> EDT Thursday)', () => {
    const window = parseConsentWindow('call me Thursday after 2', FRIDAY_10AM, NY);
    expect(local(window)).toBe('Thu 12 Mar 14:00 – Thu 12 Mar 18:00');
    // 14:00 EDT is 18:00 UTC, an hour earlier in UTC than the same words a week before.
    expect(window?.startAtMs).toBe(Date.UTC(2026, 2, 12, 18, 0));
  });

  it('keeps local hours across the European DST change too', () => {
    const friday = Date.UTC(2026, 2, 27, 9, 0); // Friday 27 March, 09:00 GMT
    const window = parseConsentWindow('Monday morning', friday, 'Europe/London');
    expect(local(window, 'Europe/London')).toBe('Mon 30 Mar 08:00 – Mon 30 Mar 12:00');
    expect(window?.startAtMs).toBe(Date.UTC(2026, 2, 30, 7, 0));
  });

  it.each([
    ['now', 'Mon 02 Mar 10:00 – Mon 02 Mar 12:00'],
    ['right now is good', 'Mon 02 Mar 10:00 – Mon 02 Mar 12:00'],
    ['in 20 minutes', 'Mon 02 Mar 10:20 – Mon 02 Mar 12:20'],
    ['today', 'Mon 02 Mar 10:00 – Mon 02 Mar 18:00'],
    ['tonight', 'Mon 02 Mar 18:00 – Mon 02 Mar 21:00'],
    ['tomorrow', 'Tue 03 Mar 09:00 – Tue 03 Mar 18:00'],
    ['this afternoon', 'Mon 02 Mar 12:00 – Mon 02 Mar 17:00'],
    ['tomorrow morning', 'Tue 03 Mar 08:00 – Tue 03 Mar 12:00'],
    ['Wednesday evening', 'Wed 04 Mar 17:00 – Wed 04 Mar 20:00'],
    ['Monday', 'Mon 09 Mar 09:00 – Mon 09 Mar 18:00'],
    ['next Thursday', 'Thu 12 Mar 09:00 – Thu 12 Mar 18:00'],
    ['after 2pm', 'Mon 02 Mar 14:00 – Mon 02 Mar 18:00'],
    ['after 14:00', 'Mon 02 Mar 14:00 – Mon 02 Mar 18:00'],
    ['after 5', 'Mon 02 Mar 17:00 – Mon 02 Mar 19:00'],
    ['before 5', 'Mon 02 Mar 10:00 – Mon 02 Mar 17:00'],
    ['between 2 and 4', 'Mon 02 Mar 14:00 – Mon 02 Mar 16:00'],
    ['between 11 and 1', 'Mon 02 Mar 11:00 – Mon 02 Mar 13:00'],
    ['Friday 2-4pm', 'Fri 06 Mar 14:00 – Fri 06 Mar 16:00'],
    ['around 3', 'Mon 02 Mar 14:30 – Mon 02 Mar 15:30'],
    ['tomorrow at 11:30am', 'Tue 03 Mar 11:30 – Tue 03 Mar 12:00'],
    ['tomorrow morning at 7', 'Tue 03 Mar 07:00 – Tue 03 Mar 07:30'],
    ['at noon', 'Mon 02 Mar 12:00 – Mon 02 Mar 12:30'],
    ['after two', 'Mon 02 Mar 14:00 – Mon 02 Mar 18:00'],
    ['next week', 'Mon 09 Mar 09:00 – Fri 13 Mar 18:00'],
    ['not now, tomorrow after 3', 'Tue 03 Mar 15:00 – Tue 03 Mar 18:00'],
  ])('"%s" on Monday 10:00 is %s', (text, expected) => {
    expect(local(parseConsentWindow(text, MONDAY_10AM, NY))).toBe(expected);
  });

  it('takes a time already past today, with no day named, as tomorrow', () => {
    expect(local(parseConsentWindow('call me at 9', MONDAY_10AM, NY))).toBe(
      'Tue 03 Mar 09:00 – Tue 03 Mar 09:30',
    );
  });

  it('returns null for a window wholly in the past, an impossible range, or no time at all', () => {
    expect(parseConsentWindow('this morning', Date.UTC(2026, 2, 2, 19, 0), NY)).toBeNull();
    expect(parseConsentWindow('today before 9', MONDAY_10AM, NY)).toBeNull();
    expect(parseConsentWindow('between 5pm and 3pm', MONDAY_10AM, NY)).toBeNull();
    expect(parseConsentWindow('sounds good to me', MONDAY_10AM, NY)).toBeNull();
    expect(parseConsentWindow('the 12 month term', MONDAY_10AM, NY)).toBeNull();
  });

  it('throws TimeZoneInvalidError for a zone that is not IANA', () => {
    expect(() => parseConsentWindow('now', MONDAY_10AM, 'Mars/Olympus')).toThrow(
      TimeZoneInvalidError,
    );
  });
});
