// Presence reports and needs for the roster specs. T0 is Wednesday 2026-03-04 15:00 UTC, which is
// 10:00 in New York (EST) and inside the default Monday-Friday 09:00-17:00 working hours.
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import type { InteractionNeeds } from '../interaction-needs.js';
import { applyPresence, emptyRoster, type Roster } from '../roster.js';

export const T0 = Date.UTC(2026, 2, 4, 15, 0);
export const MINUTE = 60_000;

export const WEEKDAYS_9_TO_5: warmline.v1.IWorkingHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  startMinute: 9 * 60,
  endMinute: 17 * 60,
}));

/** An AVAILABLE solar closer in New York speaking en-US, reported at T0 - 1 min. */
export function presence(
  overrides: Partial<warmline.v1.ICloserPresence> = {},
): warmline.v1.ICloserPresence {
  return {
    closerId: 'closer-a',
    presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
    skills: ['solar'],
    languages: ['en-US'],
    territories: [],
    timeZone: 'America/New_York',
    capacity: 1,
    workingHours: WEEKDAYS_9_TO_5,
    reportedAt: toTimestamp(T0 - MINUTE),
    displayName: 'Alex',
    address: '+15550100',
    ...overrides,
  };
}

/** A roster of the given reports, applied in order. */
export function rosterOf(...reports: warmline.v1.ICloserPresence[]): Roster {
  return reports.reduce(applyPresence, emptyRoster());
}

/** A roster of `n` identical closers closer-0..closer-(n-1). */
export function equalRoster(n: number, capacity = 1): Roster {
  return rosterOf(
    ...Array.from({ length: n }, (_, i) => presence({ closerId: `closer-${i}`, capacity })),
  );
}

export const SOLAR_EN: InteractionNeeds = { skills: ['solar'], language: 'en', territory: '' };
