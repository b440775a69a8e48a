// Finds the English time expressions a buyer uses to consent to a call or booking, without resolving
// them to instants (consent-window.ts does that in the buyer's zone). The first day named wins;
// a day or "now" right after "not"/"no" is skipped ("not now, tomorrow" means tomorrow).

/** A clock time as said: the hour may still need an am/pm guess. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly meridiem: 'am' | 'pm' | null;
  /** Written as 24-hour time ("14:00", "09:30"): no am/pm guessing. */
  readonly twentyFourHour: boolean;
}

export type DayExpression =
  | { readonly kind: 'offset'; readonly days: number }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly nextWeek: boolean }
  | { readonly kind: 'next_week' };

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'tonight';

export type TimeOfDay =
  | { readonly kind: 'after' | 'before' | 'around' | 'at'; readonly clock: ClockTime }
  | { readonly kind: 'between'; readonly from: ClockTime; readonly to: ClockTime };

export interface TimeExpression {
  readonly now: boolean;
  /** "in 20 minutes", "in an hour". */
  readonly inMinutes: number | null;
  readonly day: DayExpression | null;
  readonly part: PartOfDay | null;
  readonly time: TimeOfDay | null;
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  tues: 2,
  wednesday: 3,
  thursday: 4,
  thurs: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const PARTS: Readonly<Record<string, PartOfDay>> = {
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  tonight: 'tonight',
};
const NEGATIONS = new Set(['not', 'no', 't', 'never', 'except']);
const BEFORE_WORDS = new Set(['before', 'by', 'until', 'till', 'til']);
const AROUND_WORDS = new Set(['around', 'about', 'roughly', 'approximately', 'approx']);

/** The time expression in `text`, or `null` when it names no time at all. */
export function findTimeExpression(text: string): TimeExpression | null {
  const tokens = timeTokens(text);
  const found = {
    now: false,
    inMinutes: null as number | null,
    day: null as DayExpression | null,
    part: null as PartOfDay | null,
    time: null as TimeOfDay | null,
  };
  for (let i = 0; i < tokens.length; i++) {
    const negated = NEGATIONS.has(tokens[i - 1] ?? '');
    const day = found.day === null && !negated ? dayAt(tokens, i) : null;
    if (day !== null) {
      found.day = day.expression;
      if (tokens[i] === 'tonight') found.part = found.part ?? 'tonight';
      i = day.next - 1;
      continue;
    }
    const part = PARTS[tokens[i] as string];
    if (part !== undefined && found.part === null) found.part = part;
    if (!negated && isNow(tokens, i)) found.now = true;
    found.inMinutes ??= inMinutesAt(tokens, i);
    const time = found.time === null ? timeAt(tokens, i) : null;
    if (time !== null) {
      found.time = time.time;
      i = time.next - 1;
    }
  }
  const { now, inMinutes, day, part, time } = found;
  return now || inMinutes !== null || day !== null || part !== null || time !== null ? found : null;
}

function timeTokens(text: string): string[] {
  const prepared = text
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'")
    .replace(/\bo'?clock\b/gu, ' oclock')
    .replace(/(\d)\s*([ap])\.?\s?m\b\.?/gu, '$1 $2m')
    .replace(/\b([ap])\.m\.?/gu, '$1m')
    .replace(/(\d(?::\d{2})?)\s*[-–]\s*(\d)/gu, '$1 to $2');
  return prepared.match(/\d{1,2}:\d{2}|\d+|[a-z]+/gu) ?? [];
}

function dayAt(
  tokens: readonly string[],
  i: number,
): { expression: DayExpression; next: number } | null {
  const token = tokens[i];
  if (token === 'today' || token === 'tonight') return { expression: offset(0), next: i + 1 };
  if (token === 'tomorrow') return { expression: offset(1), next: i + 1 };
  if (token === 'day' && tokens[i + 1] === 'after' && tokens[i + 2] === 'tomorrow') {
    return { expression: offset(2), next: i + 3 };
  }
  // "this afternoon" pins the part of day to today; the part itself is read on the next word.
  if (token === 'this' && PARTS[tokens[i + 1] as string] !== undefined) {
    return { expression: offset(0), next: i + 1 };
  }
  if (token === 'next' && tokens[i + 1] === 'week') {
    return { expression: { kind: 'next_week' }, next: i + 2 };
  }
  const qualified = token === 'next' || token === 'this';
  const weekday = WEEKDAYS[(qualified ? tokens[i + 1] : token) as string];
  if (weekday === undefined) return null;
  const nextWeek = token === 'next';
  return { expression: { kind: 'weekday', weekday, nextWeek }, next: i + (qualified ? 2 : 1) };
}

function offset(days: number): DayExpression {
  return { kind: 'offset', days };
}

function isNow(tokens: readonly string[], i: number): boolean {
  const token = tokens[i];
  return (
    token === 'now' ||
    token === 'immediately' ||
    token === 'asap' ||
    (token === 'right' && tokens[i + 1] === 'away') ||
    (token === 'straight' && tokens[i + 1] === 'away')
  );
}

function inMinutesAt(tokens: readonly string[], i: number): number | null {
  if (tokens[i] !== 'in') return null;
  let j = i + 1;
  let amount: number | null = null;
  if (tokens[j] === 'half' && tokens[j + 1] === 'an' && tokens[j + 2] === 'hour') return 30;
  if (tokens[j] === 'a' || tokens[j] === 'an') amount = 1;
  else amount = numberAt(tokens[j]);
  if (amount === null) return null;
  j++;
  const unit = tokens[j];
  if (unit === 'minute' || unit === 'minutes' || unit === 'min' || unit === 'mins') return amount;
  if (unit === 'hour' || unit === 'hours') return amount * 60;
  return null;
}

function timeAt(tokens: readonly string[], i: number): { time: TimeOfDay; next: number } | null {
  const word = tokens[i] as string;
  if (word === 'after') return single('after', tokens, i + 1);
  if (BEFORE_WORDS.has(word)) return single('before', tokens, i + 1);
  if (AROUND_WORDS.has(word)) return single('around', tokens, i + 1);
  if (word === 'at') return single('at', tokens, i + 1);
  if (word === 'between' || word === 'from') {
    const from = clockAt(tokens, i + 1);
    const joiner = from === null ? undefined : tokens[from.next];
    if (from === null || !['and', 'to', 'till', 'until'].includes(joiner ?? '')) return null;
    const to = clockAt(tokens, from.next + 1);
    return to === null
      ? null
      : { time: { kind: 'between', from: from.clock, to: to.clock }, next: to.next };
  }
  // A bare clock time counts only when it cannot be anything else: "2pm", "14:00", "3 o'clock".
  const bare = clockAt(tokens, i);
  if (bare === null) return null;
  const sure = (c: { clock: ClockTime; marked: boolean }) => c.clock.meridiem !== null || c.marked;
  // "2-4pm" (read as "2 to 4 pm"): a range is a time when either end is surely one.
  const to = tokens[bare.next] === 'to' ? clockAt(tokens, bare.next + 1) : null;
  if (to !== null && (sure(bare) || sure(to))) {
    return { time: { kind: 'between', from: bare.clock, to: to.clock }, next: to.next };
  }
  return sure(bare) ? { time: { kind: 'at', clock: bare.clock }, next: bare.next } : null;
}

function single(
  kind: 'after' | 'before' | 'around' | 'at',
  tokens: readonly string[],
  at: number,
): { time: TimeOfDay; next: number } | null {
  const clock = clockAt(tokens, at);
  return clock === null ? null : { time: { kind, clock: clock.clock }, next: clock.next };
}

/** A clock time at `i`; `marked` when written with a colon or "o'clock" (so it is surely a time). */
function clockAt(
  tokens: readonly string[],
  i: number,
): { clock: ClockTime; next: number; marked: boolean } | null {
  const token = tokens[i];
  if (token === undefined) return null;
  if (token === 'noon' || token === 'midday') {
    return {
      clock: { hour: 12, minute: 0, meridiem: null, twentyFourHour: true },
      next: i + 1,
      marked: true,
    };
  }
  let hour: number | null;
  let minute = 0;
  let marked = false;
  let twentyFourHour = false;
  const colon = /^(\d{1,2}):(\d{2})$/u.exec(token);
  if (colon !== null) {
    hour = Number(colon[1]);
    minute = Number(colon[2]);
    marked = true;
    twentyFourHour = hour >= 13 || hour === 0 || (colon[1] as string).startsWith('0');
  } else {
    hour = numberAt(token);
  }
  if (hour === null || hour > 23 || minute > 59) return null;
  let next = i + 1;
  let meridiem: 'am' | 'pm' | null = null;
  const suffix = tokens[next];
  if ((suffix === 'am' || suffix === 'pm') && hour >= 1 && hour <= 12) {
    meridiem = suffix;
    next++;
  } else if (suffix === 'oclock') {
    marked = true;
    next++;
  }
  if (hour >= 13) twentyFourHour = true;
  return { clock: { hour, minute, meridiem, twentyFourHour }, next, marked };
}

function numberAt(token: string | undefined): number | null {
  if (token === undefined) return null;
  if (/^\d{1,2}$/u.test(token)) return Number(token);
  return NUMBER_WORDS[token] ?? null;
}
