// RFC 3339 timestamps as the protobuf JSON mapping writes them: parsed with up to nanosecond
// precision and any offset, written in UTC ("Z") with 0, 3, 6 or 9 fractional digits.
import type { google } from '@warmline/contracts';

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** A Timestamp for an RFC 3339 text, or null when the text is not one (or names no real instant). */
export function parseRfc3339(text: string): google.protobuf.ITimestamp | null {
  const match = RFC3339.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction = '', , sign, oh, om] = match;
  const fields = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = fields;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes =
    sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (Math.abs(offsetMinutes) >= 24 * 60) return null;
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  const utcMs = utc.getTime() - offsetMinutes * 60_000;
  return { seconds: utcMs / 1000, nanos: Number(fraction.padEnd(9, '0')) };
}

/** The RFC 3339 text of a Timestamp, in UTC, with as many fractional digits as it needs (0/3/6/9). */
export function formatRfc3339(ts: google.protobuf.ITimestamp): string {
  const seconds = secondsOf(ts.seconds);
  const nanos = ts.nanos ?? 0;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  const digits = String(nanos).padStart(9, '0');
  const fraction =
    nanos % 1_000_000 === 0
      ? digits.slice(0, 3)
      : nanos % 1_000 === 0
        ? digits.slice(0, 6)
        : digits;
  return `${base}.${fraction}Z`;
}

function secondsOf(seconds: google.protobuf.ITimestamp['seconds']): number {
  if (seconds == null) return 0;
  return typeof seconds === 'number' ? seconds : seconds.toNumber();
}

function daysIn(year: number, month: number): number {
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return lastDay.getUTCDate();
}
