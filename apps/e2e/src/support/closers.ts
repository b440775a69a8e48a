// Closers signing in at their desks: presence as the gateway publishes it on the bus, for the specs
// that need closers the router and the governor can always pick.
import type { EventBus } from '@warmline/bus';
import { toTimestamp, v1, type ICloserPresence, type warmline } from '@warmline/contracts';

/** Working hours that cover every minute of every day of the week (weekdays 1–7, 00:00–24:00). */
export const ALWAYS_WORKING: readonly Readonly<warmline.v1.IWorkingHours>[] = [
  1, 2, 3, 4, 5, 6, 7,
].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));

/**
 * Publishes, as `bus` (the gateway's), the presence of a closer who is available around the clock:
 * one call at a time, en-US, UTC, always working, reachable at `sip:<closerId>@desk`. `overrides`
 * replace any of those (or add skills, territories, a display name) where a spec needs them.
 */
export async function signInAvailableCloser(
  bus: EventBus,
  closerId: string,
  overrides: Omit<ICloserPresence, 'closerId'> = {},
): Promise<void> {
  await bus.publishCloserPresence({
    closerId,
    presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
    languages: ['en-US'],
    capacity: 1,
    timeZone: 'UTC',
    workingHours: [...ALWAYS_WORKING],
    address: `sip:${closerId}@desk`,
    reportedAt: toTimestamp(Date.now()),
    ...overrides,
  });
}
