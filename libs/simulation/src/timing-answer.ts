// What a ready buyer says about timing, and the window those words consent to. The windows follow
// the reading of @warmline/intent's parseConsentWindow ("now" = two hours from when it was said,
// "after 2" = 14:00 to 18:00, "morning" = 08:00-12:00, "afternoon" = 12:00-17:00, a weekday = the
// next one after today), so the report can check a booked appointment against what the buyer said
// without trusting the system under test to have read it right.
import { DateTime } from 'luxon';
import { TIMING_NOW_ANSWERS } from './buyer-lines.js';
import type { Rng } from './rng.js';
import type { TimingKind } from './vocabulary.js';

const NOW_WINDOW_MINUTES = 120;
const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** A call-back window in the buyer's local time. */
export interface CallbackWindow {
  /** `tomorrow`, or the next such ISO weekday (1 = Monday) after today. */
  readonly day: 'tomorrow' | number;
  /** Minutes after local midnight. */
  readonly fromMinute: number;
  /** Minutes after local midnight, exclusive. */
  readonly toMinute: number;
}

/** The buyer's timing answer: its words and what they mean. */
export type TimingAnswer =
  | { readonly kind: 'now'; readonly text: string }
  | { readonly kind: 'window'; readonly text: string; readonly window: CallbackWindow };

/** A window of UTC instants, end exclusive. */
export interface TimeWindow {
  readonly startAtMs: number;
  readonly endAtMs: number;
}

/** A timing answer of `kind`, phrased one of several ways. */
export function timingAnswer(kind: TimingKind, rng: Rng): TimingAnswer {
  if (kind === 'now') return { kind, text: rng.pick(TIMING_NOW_ANSWERS) };
  const weekday = rng.int(1, 5);
  const name = WEEKDAY_NAMES[weekday - 1] as string;
  const hour = rng.int(2, 4);
  const variants: TimingAnswer[] = [
    {
      kind,
      text: `Call me ${name} after ${hour}.`,
      window: { day: weekday, fromMinute: (hour + 12) * 60, toMinute: 18 * 60 },
    },
    {
      kind,
      text: 'Tomorrow morning works for me.',
      window: { day: 'tomorrow', fromMinute: 8 * 60, toMinute: 12 * 60 },
    },
    {
      kind,
      text: 'You can call me back tomorrow between 10 and 12.',
      window: { day: 'tomorrow', fromMinute: 10 * 60, toMinute: 12 * 60 },
    },
    {
      kind,
      text: `${name} afternoon would be good for me.`,
      window: { day: weekday, fromMinute: 12 * 60, toMinute: 17 * 60 },
    },
  ];
  return rng.pick(variants);
}

/**
 * The UTC window `answer` consents to when said at `saidAtMs` in `timeZone`: "now" answers give
 * [said, said + 30 min); call-back windows are resolved on their local day, wall-clock time.
 */
export function timingWindow(answer: TimingAnswer, saidAtMs: number, timeZone: string): TimeWindow {
  if (answer.kind === 'now') {
    return { startAtMs: saidAtMs, endAtMs: saidAtMs + NOW_WINDOW_MINUTES * 60_000 };
  }
  const today = DateTime.fromMillis(saidAtMs, { zone: timeZone }).startOf('day');
  const { day, fromMinute, toMinute } = answer.window;
  const ahead = day === 'tomorrow' ? 1 : (day - today.weekday + 7) % 7 || 7;
  const date = today.plus({ days: ahead });
  return { startAtMs: atMinute(date, fromMinute), endAtMs: atMinute(date, toMinute) };
}

/** True when [startAtMs, endAtMs) lies wholly inside `window`. */
export function isInsideWindow(slot: TimeWindow, window: TimeWindow): boolean {
  return (
    slot.startAtMs >= window.startAtMs &&
    slot.endAtMs <= window.endAtMs &&
    slot.startAtMs < slot.endAtMs
  );
}

// Calendar arithmetic, not elapsed time: 14:00 on a DST-change day is still 14:00 local.
function atMinute(date: DateTime, minute: number): number {
  return date
    .set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 })
    .toMillis();
}

/**
 * The consent window of a plan's timing answer said at `saidAtMs` (epoch ms: when the event tagged
 * "timing" was published), in the buyer's zone; null when the buyer never gave one.
 */
export function consentWindowOf(
  plan: { readonly timing: TimingAnswer | null; readonly timeZone: string },
  saidAtMs: number,
): TimeWindow | null {
  return plan.timing === null ? null : timingWindow(plan.timing, saidAtMs, plan.timeZone);
}
