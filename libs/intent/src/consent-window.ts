// Resolves what a buyer said about timing ("call me Thursday after 2") to a window of UTC instants in
// the buyer's IANA zone. Wall-clock arithmetic happens in that zone with luxon, so a window on the
// far side of a DST change still starts at the local hour the buyer named.
import { DateTime, IANAZone } from 'luxon';
import { TimeZoneInvalidError } from './errors.js';
import {
  findTimeExpression,
  type ClockTime,
  type DayExpression,
  type PartOfDay,
  type TimeExpression,
  type TimeOfDay,
} from './time-expression.js';

/** A time range the buyer consented to, as UTC instants (same shape as @warmline/authority's). */
export interface ConsentWindow {
  readonly startAtMs: number;
  /** Exclusive end. */
  readonly endAtMs: number;
  /** IANA zone the buyer spoke in. */
  readonly timeZone: string;
  /** The buyer's words that set the window, verbatim. */
  readonly sourceText: string;
}

/** The local-time defaults windows are built from (hours, 24 h clock). */
export const CONSENT_WINDOW_DEFAULTS = {
  /**
   * "now" and "in 20 minutes" last this long: long enough that the fallback of a live transfer — an
   * appointment with lead time and a slot — still fits inside what the buyer consented to.
   */
  nowWindowMinutes: 120,
  /** A day named without a time ("tomorrow", "Thursday"), and "next week", span business hours. */
  businessStartHour: 9,
  businessEndHour: 18,
  /** "after 2" runs to the business end, or this long after the hour when that is later. */
  afterMinHours: 2,
  /** "around 3" is ±30 minutes; "at 3" is the half hour from 3. */
  aroundMinutes: 30,
  atMinutes: 30,
  parts: {
    morning: [8, 12],
    afternoon: [12, 17],
    evening: [17, 20],
    tonight: [18, 21],
  } satisfies Record<PartOfDay, readonly [number, number]>,
} as const;

const D = CONSENT_WINDOW_DEFAULTS;

/**
 * The window named in `text`, resolved at `nowMs` in `timeZone`; `null` when the text names no
 * time, names an impossible one ("between 5 and 3"), or one wholly in the past. A window that has
 * begun starts at `nowMs`. Rules (local time): "now" = now..+2 h; "in 20 minutes" = that
 * instant..+2 h; a bare day = 09:00–18:00; morning 08–12, afternoon 12–17, evening 17–20,
 * tonight 18–21; "after H" = H..max(18:00, H+2h); "before H" = min(09:00, H−1h)..H; "between A and
 * B"; "around H" = H±30 min; "at H" = H..H+30 min; a bare hour 1–7 is pm, 8–11 am (unless a part of
 * day says otherwise); "Thursday" = the next Thursday after today, "next Thursday" = the Thursday of
 * next week; "next week" = Monday 09:00 to Friday 18:00. With no day named, a time already past
 * today means tomorrow. Throws TimeZoneInvalidError for an unknown zone.
 */
export function parseConsentWindow(
  text: string,
  nowMs: number,
  timeZone: string,
): ConsentWindow | null {
  if (!IANAZone.isValidZone(timeZone)) throw new TimeZoneInvalidError(timeZone);
  if (!Number.isFinite(nowMs))
    throw new RangeError(`parseConsentWindow: now ${nowMs} is not finite`);
  const expression = findTimeExpression(text);
  if (expression === null) return null;
  const range = rangeOf(expression, DateTime.fromMillis(nowMs, { zone: timeZone }));
  if (range === null) return null;
  return {
    startAtMs: Math.max(range[0], nowMs),
    endAtMs: range[1],
    timeZone,
    sourceText: text.trim(),
  };
}

/** True when `text` names a time a window could be built from (before checking it is in the future). */
export function mentionsTime(text: string): boolean {
  return findTimeExpression(text) !== null;
}

type Range = readonly [startMs: number, endMs: number];

function rangeOf(expression: TimeExpression, now: DateTime): Range | null {
  const { day, part, time } = expression;
  if (expression.inMinutes !== null && day === null && time === null) {
    const start = now.plus({ minutes: expression.inMinutes });
    return [start.toMillis(), start.plus({ minutes: D.nowWindowMinutes }).toMillis()];
  }
  if (day?.kind === 'next_week') return nextWeek(now);
  if (day === null && time === null && part === null) {
    return [now.toMillis(), now.plus({ minutes: D.nowWindowMinutes }).toMillis()];
  }
  const date = day === null ? now.startOf('day') : dateOf(day, now);
  const range = rangeOnDay(date, part, time);
  if (range === null) return null;
  if (range[1] > now.toMillis()) return range;
  // No day named and the time has passed today: the buyer means the next such time.
  return day === null ? rangeOnDay(date.plus({ days: 1 }), part, time) : null;
}

function dateOf(day: Exclude<DayExpression, { kind: 'next_week' }>, now: DateTime): DateTime {
  const today = now.startOf('day');
  if (day.kind === 'offset') return today.plus({ days: day.days });
  if (day.nextWeek) return today.startOf('week').plus({ weeks: 1, days: day.weekday - 1 });
  const ahead = (day.weekday - today.weekday + 7) % 7 || 7;
  return today.plus({ days: ahead });
}

function nextWeek(now: DateTime): Range {
  const monday = now.startOf('week').plus({ weeks: 1 });
  return [at(monday, D.businessStartHour, 0), at(monday.plus({ days: 4 }), D.businessEndHour, 0)];
}

function rangeOnDay(date: DateTime, part: PartOfDay | null, time: TimeOfDay | null): Range | null {
  if (time === null) {
    const [from, to] = part === null ? [D.businessStartHour, D.businessEndHour] : D.parts[part];
    return [at(date, from, 0), at(date, to, 0)];
  }
  const minutes = (clock: ClockTime) => minutesOf(clock, part);
  switch (time.kind) {
    case 'after': {
      const start = minutes(time.clock);
      return span(date, start, Math.max(D.businessEndHour * 60, start + D.afterMinHours * 60));
    }
    case 'before': {
      const end = minutes(time.clock);
      return span(date, Math.min(D.businessStartHour * 60, end - 60), end);
    }
    case 'around': {
      const middle = minutes(time.clock);
      return span(date, middle - D.aroundMinutes, middle + D.aroundMinutes);
    }
    case 'at': {
      const start = minutes(time.clock);
      return span(date, start, start + D.atMinutes);
    }
    case 'between': {
      const from = minutes(time.from);
      let to = minutes(time.to);
      // "between 11 and 1": the second hour is after the first, so it is in the afternoon.
      if (to <= from && time.to.meridiem === null && !time.to.twentyFourHour && to < 12 * 60) {
        to += 12 * 60;
      }
      return to > from ? span(date, from, to) : null;
    }
  }
}

/** Minutes after local midnight for a clock time, guessing am/pm the way people mean it. */
function minutesOf(clock: ClockTime, part: PartOfDay | null): number {
  const { hour, minute, meridiem } = clock;
  if (meridiem === 'pm') return ((hour % 12) + 12) * 60 + minute;
  if (meridiem === 'am') return (hour % 12) * 60 + minute;
  if (clock.twentyFourHour) return hour * 60 + minute;
  if (part === 'morning') return (hour % 12) * 60 + minute;
  if (part !== null && hour < 12) return (hour + 12) * 60 + minute;
  return (hour >= 1 && hour <= 7 ? hour + 12 : hour) * 60 + minute;
}

function span(date: DateTime, fromMinutes: number, toMinutes: number): Range {
  return [at(date, 0, fromMinutes), at(date, 0, toMinutes)];
}

/** The instant of `hour:minute` local time on `date`; minutes may run into the next or previous day. */
function at(date: DateTime, hour: number, minute: number): number {
  // Calendar arithmetic, not elapsed time: 14:00 on a DST-change day is still 14:00 local.
  const total = hour * 60 + minute;
  const days = Math.floor(total / 1440);
  const rest = total - days * 1440;
  return date
    .plus({ days })
    .set({ hour: Math.floor(rest / 60), minute: rest % 60, second: 0, millisecond: 0 })
    .toMillis();
}
