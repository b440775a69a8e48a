import { at, utc } from './__fixtures__/scheduling.js';
import {
  isTimeZone,
  isoWeekday,
  localDayOf,
  localMinuteOf,
  wallTimeToInstant,
} from './local-time.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('wallTimeToInstant', () => {
  it('reads an ordinary local time with the zone offset of that date', () => {
    expect(wallTimeToInstant(day('2025-01-15'), 9 * 60, 'America/New_York')).toBe(
      utc('2025-01-15T14:00'),
    );
    expect(wallTimeToInstant(day('2025-07-15'), 9 * 60, 'America/New_York')).toBe(
      utc('2025-07-15T13:00'),
    );
    expect(wallTimeToInstant(day('2025-07-15'), 9 * 60, 'Asia/Kathmandu')).toBe(
      utc('2025-07-15T03:15'),
    );
  });

  it('reads a time skipped by spring-forward with the offset before the gap (RFC 5545)', () => {
    // 02:30 does not exist in New York on 2025-03-09; RFC 5545 reads it as 02:30 EST = 03:30 EDT.
    expect(wallTimeToInstant(day('2025-03-09'), 2 * 60 + 30, 'America/New_York')).toBe(
      utc('2025-03-09T07:30'),
    );
  });

  it('reads a time repeated by fall-back as its first occurrence (RFC 5545)', () => {
    // 01:30 happens twice in New York on 2025-11-02: first at EDT (05:30Z), then at EST (06:30Z).
    expect(wallTimeToInstant(day('2025-11-02'), 90, 'America/New_York')).toBe(
      utc('2025-11-02T05:30'),
    );
    // 02:30 happens twice in Berlin on 2025-10-26: first at CEST (00:30Z).
    expect(wallTimeToInstant(day('2025-10-26'), 150, 'Europe/Berlin')).toBe(
      utc('2025-10-26T00:30'),
    );
  });

  it('takes minute 1440 as the next local midnight', () => {
    expect(wallTimeToInstant(day('2025-03-08'), 1440, 'America/New_York')).toBe(
      at('2025-03-09T00:00', 'America/New_York'),
    );
  });
});

describe('local calendar of an instant', () => {
  it('gives the local date and minute in the zone, not in UTC', () => {
    const instant = utc('2025-03-10T03:30'); // 23:30 on Sunday in New York
    expect(localDayOf(instant, 'America/New_York')).toBe(day('2025-03-09'));
    expect(localMinuteOf(instant, 'America/New_York')).toBe(23 * 60 + 30);
    expect(localDayOf(instant, 'Europe/Berlin')).toBe(day('2025-03-10'));
    expect(localMinuteOf(instant, 'Europe/Berlin')).toBe(4 * 60 + 30);
  });

  it('numbers ISO weekdays from Monday = 1', () => {
    expect(isoWeekday(day('2025-03-10'))).toBe(1);
    expect(isoWeekday(day('2025-03-09'))).toBe(7);
    expect(isoWeekday(day('1969-12-31'))).toBe(3);
  });

  it('knows IANA zones and rejects the rest', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
