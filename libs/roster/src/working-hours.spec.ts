import { DateTime } from 'luxon';
import { WEEKDAYS_9_TO_5 } from './__fixtures__/closers.js';
import { primaryLanguage, speaksLanguage } from './language.js';
import { isWorkingAt } from './working-hours.js';

const newYork = {
  timeZone: 'America/New_York',
  workingHours: WEEKDAYS_9_TO_5.map((h) => ({
    weekday: h.weekday ?? 0,
    startMinute: h.startMinute ?? 0,
    endMinute: h.endMinute ?? 0,
  })),
};

function at(iso: string, zone: string): number {
  return DateTime.fromISO(iso, { zone }).toMillis();
}

describe('isWorkingAt', () => {
  it('is inside hours at 09:00 local and outside at 17:00 local (end is exclusive)', () => {
    expect(isWorkingAt(newYork, at('2026-03-04T09:00', 'America/New_York'))).toBe(true);
    expect(isWorkingAt(newYork, at('2026-03-04T16:59', 'America/New_York'))).toBe(true);
    expect(isWorkingAt(newYork, at('2026-03-04T17:00', 'America/New_York'))).toBe(false);
    expect(isWorkingAt(newYork, at('2026-03-04T08:59', 'America/New_York'))).toBe(false);
  });

  it("reads the weekday in the closer's zone, not in UTC", () => {
    // Friday 16:30 in Los Angeles is already Saturday 00:30 in UTC.
    const losAngeles = { ...newYork, timeZone: 'America/Los_Angeles' };
    const fridayEvening = at('2026-03-06T16:30', 'America/Los_Angeles');
    expect(new Date(fridayEvening).getUTCDay()).toBe(6);
    expect(isWorkingAt(losAngeles, fridayEvening)).toBe(true);
    // Monday 08:30 in Tokyo is still Sunday in UTC, yet outside the Monday hours that start at 09:00.
    const tokyo = { ...newYork, timeZone: 'Asia/Tokyo' };
    expect(isWorkingAt(tokyo, at('2026-03-09T08:30', 'Asia/Tokyo'))).toBe(false);
    expect(isWorkingAt(tokyo, at('2026-03-09T09:30', 'Asia/Tokyo'))).toBe(true);
  });

  it('follows daylight saving: 09:30 local is inside hours on both sides of the change', () => {
    const beforeDst = at('2026-03-06T09:30', 'America/New_York'); // EST, 14:30 UTC
    const afterDst = at('2026-03-09T09:30', 'America/New_York'); // EDT, 13:30 UTC
    expect(isWorkingAt(newYork, beforeDst)).toBe(true);
    expect(isWorkingAt(newYork, afterDst)).toBe(true);
    // 13:30 UTC on the Friday before the change is 08:30 EST: not yet working.
    expect(isWorkingAt(newYork, Date.UTC(2026, 2, 6, 13, 30))).toBe(false);
  });

  it('is never inside hours for a closer without working hours', () => {
    expect(isWorkingAt({ timeZone: 'UTC', workingHours: [] }, Date.UTC(2026, 2, 4, 12))).toBe(
      false,
    );
  });

  it('covers a whole day with 0..1440', () => {
    const allSunday = {
      timeZone: 'Europe/Berlin',
      workingHours: [{ weekday: 7, startMinute: 0, endMinute: 1440 }],
    };
    expect(isWorkingAt(allSunday, at('2026-03-08T00:00', 'Europe/Berlin'))).toBe(true);
    expect(isWorkingAt(allSunday, at('2026-03-08T23:59', 'Europe/Berlin'))).toBe(true);
    expect(isWorkingAt(allSunday, at('2026-03-09T00:00', 'Europe/Berlin'))).toBe(false);
  });
});

describe('speaksLanguage', () => {
  it('matches by primary subtag in both directions', () => {
    expect(speaksLanguage(['es'], 'es-MX')).toBe(true);
    expect(speaksLanguage(['es-MX'], 'es')).toBe(true);
    expect(speaksLanguage(['es-ES'], 'es-MX')).toBe(true);
  });

  it('is case-insensitive and does not match another language', () => {
    expect(speaksLanguage(['EN-us'], 'en-GB')).toBe(true);
    expect(speaksLanguage(['en-US', 'fr'], 'es-MX')).toBe(false);
    expect(speaksLanguage([], 'en')).toBe(false);
  });

  it('does not confuse languages that share letters', () => {
    expect(speaksLanguage(['es'], 'est')).toBe(false);
  });

  it('treats an unknown buyer language as no requirement', () => {
    expect(speaksLanguage(['fr'], '')).toBe(true);
    expect(primaryLanguage('pt_BR')).toBe('pt');
  });
});
