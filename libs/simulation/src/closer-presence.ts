// A simulated closer's presence report, in the wire shape the router's roster reads.
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import type { CloserSpec } from './closer-pool.js';
import { minuteOf } from './scenario-rules.js';
import { WEEKDAYS } from './vocabulary.js';

/** Presence states the simulator reports. */
export type PresenceName = 'available' | 'busy' | 'away' | 'offline';

const PRESENCE: Readonly<Record<PresenceName, warmline.v1.CloserPresenceState>> = {
  available: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
  busy: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY,
  away: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AWAY,
  offline: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE,
};

/** The dial address of a simulated closer: the simulator's telephony adapter answers for it. */
export function closerAddress(closerId: string): string {
  return `sim:${closerId}`;
}

/**
 * The CloserPresence of `closer` reported at `reportedAtMs` (epoch ms). Working hours "always" are
 * every weekday 00:00-24:00, so they cover the simulation whenever it runs; listed periods become
 * one WorkingHours entry per day.
 */
export function closerPresenceOf(
  closer: CloserSpec,
  reportedAtMs: number,
  presence: PresenceName = 'available',
): warmline.v1.ICloserPresence {
  return {
    closerId: closer.id,
    presence: PRESENCE[presence],
    skills: [...closer.skills],
    languages: [...closer.languages],
    territories: [...closer.territories],
    timeZone: closer.timeZone,
    capacity: closer.capacity,
    workingHours: workingHoursOf(closer),
    reportedAt: toTimestamp(reportedAtMs),
    displayName: closer.displayName,
    address: closerAddress(closer.id),
  };
}

function workingHoursOf(closer: CloserSpec): warmline.v1.IWorkingHours[] {
  if (closer.workingHours === 'always') {
    return WEEKDAYS.map((_, i) => ({ weekday: i + 1, startMinute: 0, endMinute: 1440 }));
  }
  return closer.workingHours.flatMap((period) =>
    period.days.map((day) => ({
      weekday: WEEKDAYS.indexOf(day) + 1,
      startMinute: minuteOf(period.start),
      endMinute: minuteOf(period.end),
    })),
  );
}
