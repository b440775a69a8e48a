import { isValidId, type warmline } from '@warmline/contracts';
import { MINUTES_PER_DAY } from './constants.js';
import { InvalidCloserError } from './errors.js';
import { isTimeZone } from './local-time.js';

/** One working period on one weekday, in the closer's zone (the proto WorkingHours). */
export interface WorkingPeriod {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  readonly weekday: number;
  /** Start, minutes after local midnight (0..1439). */
  readonly startMinute: number;
  /** End (exclusive), minutes after local midnight (1..1440), greater than startMinute. */
  readonly endMinute: number;
}

/** What the slot search needs to know about a closer. */
export interface SchedulingCloser {
  readonly closerId: string;
  readonly displayName: string;
  /** Where to reach the closer (E.164, SIP URI, platform client address); carried, not interpreted. */
  readonly address: string;
  /** IANA zone the working hours are in. */
  readonly timeZone: string;
  /** Sorted by weekday then start; overlapping or touching periods of a day merged into one. */
  readonly workingHours: readonly WorkingPeriod[];
  readonly skills: readonly string[];
  /** BCP 47 tags; matched on the primary subtag ("en-GB" serves an "en-US" buyer). */
  readonly languages: readonly string[];
  /** Territory codes covered; empty = all. */
  readonly territories: readonly string[];
}

/** A closer as given, before validation; optional lists default to empty. */
export interface SchedulingCloserInput {
  readonly closerId: string;
  readonly displayName?: string;
  readonly address?: string;
  readonly timeZone: string;
  readonly workingHours: readonly WorkingPeriod[];
  readonly skills?: readonly string[];
  readonly languages?: readonly string[];
  readonly territories?: readonly string[];
}

/**
 * Validates a closer and normalises its working hours (sorted, touching or overlapping periods of
 * one weekday merged, so a slot may run across 12:00 when the hours say 9-12 and 12-17).
 * Throws InvalidCloserError naming the bad field.
 */
export function schedulingCloser(input: SchedulingCloserInput): SchedulingCloser {
  const { closerId } = input;
  if (!isValidId(closerId)) {
    throw new InvalidCloserError(String(closerId), 'closerId', 'must match [A-Za-z0-9_-]{1,128}');
  }
  if (!isTimeZone(input.timeZone)) {
    throw new InvalidCloserError(
      closerId,
      'timeZone',
      `${JSON.stringify(input.timeZone)} is not an IANA time zone`,
    );
  }
  input.workingHours.forEach((period, i) => checkPeriod(closerId, period, i));
  return {
    closerId,
    displayName: input.displayName ?? '',
    address: input.address ?? '',
    timeZone: input.timeZone,
    workingHours: mergePeriods(input.workingHours),
    skills: [...(input.skills ?? [])],
    languages: [...(input.languages ?? [])],
    territories: [...(input.territories ?? [])],
  };
}

/** A SchedulingCloser from the closer's latest presence report (presence state and capacity are
 * about live transfers now, not about appointments later, so they are not used). */
export function closerFromPresence(presence: warmline.v1.ICloserPresence): SchedulingCloser {
  return schedulingCloser({
    closerId: presence.closerId ?? '',
    displayName: presence.displayName ?? '',
    address: presence.address ?? '',
    timeZone: presence.timeZone ?? '',
    workingHours: (presence.workingHours ?? []).map((h) => ({
      weekday: h.weekday ?? 0,
      startMinute: h.startMinute ?? 0,
      endMinute: h.endMinute ?? 0,
    })),
    skills: presence.skills ?? [],
    languages: presence.languages ?? [],
    territories: presence.territories ?? [],
  });
}

function checkPeriod(closerId: string, period: WorkingPeriod, i: number): void {
  const field = `workingHours[${i}]`;
  const { weekday, startMinute, endMinute } = period;
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new InvalidCloserError(closerId, `${field}.weekday`, `must be 1..7, got ${weekday}`);
  }
  if (!Number.isInteger(startMinute) || startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
    throw new InvalidCloserError(
      closerId,
      `${field}.startMinute`,
      `must be 0..1439, got ${startMinute}`,
    );
  }
  if (!Number.isInteger(endMinute) || endMinute <= startMinute || endMinute > MINUTES_PER_DAY) {
    throw new InvalidCloserError(
      closerId,
      `${field}.endMinute`,
      `must be greater than startMinute (${startMinute}) and at most 1440, got ${endMinute}`,
    );
  }
}

function mergePeriods(periods: readonly WorkingPeriod[]): WorkingPeriod[] {
  const sorted = [...periods].sort(
    (a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute,
  );
  const merged: WorkingPeriod[] = [];
  for (const period of sorted) {
    const last = merged.at(-1);
    if (last && last.weekday === period.weekday && period.startMinute <= last.endMinute) {
      merged[merged.length - 1] = {
        ...last,
        endMinute: Math.max(last.endMinute, period.endMinute),
      };
    } else {
      merged.push({ ...period });
    }
  }
  return merged;
}
