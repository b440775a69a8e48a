import { DateTime } from 'luxon';
import type { Closer } from './closer.js';

/**
 * True when `nowMs` falls inside one of the closer's working periods, read in the closer's own
 * time zone (so daylight-saving changes and a weekday that differs from UTC's are handled). End
 * minutes are exclusive. A closer with no working hours is never inside them.
 */
export function isWorkingAt(
  closer: Pick<Closer, 'timeZone' | 'workingHours'>,
  nowMs: number,
): boolean {
  const local = DateTime.fromMillis(nowMs, { zone: closer.timeZone });
  if (!local.isValid) return false;
  const minute = local.hour * 60 + local.minute;
  return closer.workingHours.some(
    (h) => h.weekday === local.weekday && minute >= h.startMinute && minute < h.endMinute,
  );
}
