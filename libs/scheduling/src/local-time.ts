// Wall-clock arithmetic in a closer's IANA zone, with RFC 5545 §3.3.5's rules for the two awkward
// cases, so a working period means the same instants here as in the closer's calendar client:
// a local time skipped by a DST gap is read with the offset before the gap (02:30 on a spring-forward
// night in New York is 03:30 EDT), and a local time that occurs twice is its first occurrence.
import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './constants.js';

/** A calendar date as whole days since 1970-01-01 (so iterating days is adding one). */
export type EpochDay = number;

/** True when `name` is an IANA time zone this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && IANAZone.isValidZone(name);
}

/** The zone's offset from UTC at `ms`, in minutes (luxon caches zones and formatters). */
function offsetMinutes(zone: string, ms: number): number {
  return IANAZone.create(zone).offset(ms);
}

/** The local calendar date of instant `ms` in `zone`. */
export function localDayOf(ms: number, zone: string): EpochDay {
  return Math.floor((ms + offsetMinutes(zone, ms) * MINUTE_MS) / DAY_MS);
}

/** Minutes after local midnight of instant `ms` in `zone` (0..1439; seconds dropped). */
export function localMinuteOf(ms: number, zone: string): number {
  const local = ms + offsetMinutes(zone, ms) * MINUTE_MS;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a calendar date. */
export function isoWeekday(day: EpochDay): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The instant at which the wall clock in `zone` shows `minute` minutes after midnight of `day`
 * (minute 1440 is the next day's midnight). Gap and repeated times follow RFC 5545 §3.3.5.
 */
export function wallTimeToInstant(day: EpochDay, minute: number, zone: string): number {
  const naive = day * DAY_MS + minute * MINUTE_MS;
  // A zone changes offset at most once around one local time, so the offsets a day either side
  // are the only candidates.
  const before = offsetMinutes(zone, naive - DAY_MS);
  const after = offsetMinutes(zone, naive + DAY_MS);
  const matching = [before, after]
    .map((offset) => ({ offset, instant: naive - offset * MINUTE_MS }))
    .filter(({ offset, instant }) => offsetMinutes(zone, instant) === offset)
    .map(({ instant }) => instant);
  if (matching.length > 0) return Math.min(...matching);
  return naive - before * MINUTE_MS;
}
