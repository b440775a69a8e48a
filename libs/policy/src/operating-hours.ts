// Live transfers need closers at their desks; the policy says when that is, in the team's time zone.
import { DateTime } from 'luxon';
import type { OperatingHours } from './policy-schema.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** True when `nowMs` falls on an operating day between start (inclusive) and end (exclusive), local time. */
export function isWithinOperatingHours(hours: OperatingHours, nowMs: number): boolean {
  const local = DateTime.fromMillis(nowMs, { zone: hours.timeZone });
  if (!local.isValid) return false;
  const day = DAYS[local.weekday - 1];
  const time = local.toFormat('HH:mm');
  return hours.days.includes(day) && time >= hours.start && time < hours.end;
}

/** "mon, tue 09:00-18:00 America/New_York", for reason details. */
export function describeOperatingHours(hours: OperatingHours): string {
  return `${hours.days.join(', ')} ${hours.start}-${hours.end} ${hours.timeZone}`;
}
