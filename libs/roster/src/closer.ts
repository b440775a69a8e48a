// A closer as the router sees them: the latest CloserPresence, validated, with times in epoch ms and
// presence as a word, so a Roster serialises to readable JSON.
import { toTimestamp, v1, type warmline } from '@warmline/contracts';

/** A closer's availability (warmline.v1.CloserPresenceState without UNSPECIFIED). */
export type PresenceStatus = 'available' | 'busy' | 'away' | 'offline';

/** One working period on one weekday, in the closer's time zone (the proto WorkingHours). */
export interface WorkingHours {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  readonly weekday: number;
  /** Start, minutes after local midnight (0..1439). */
  readonly startMinute: number;
  /** End (exclusive), minutes after local midnight (1..1440), greater than startMinute. */
  readonly endMinute: number;
}

/** A closer with the routing attributes of their latest presence report. */
export interface Closer {
  readonly closerId: string;
  readonly presence: PresenceStatus;
  /** lower_snake_case skills, e.g. "solar". */
  readonly skills: readonly string[];
  /** BCP 47 tags; matched on the primary subtag. */
  readonly languages: readonly string[];
  /** Territory codes covered; empty = all. */
  readonly territories: readonly string[];
  /** IANA zone of the working hours. */
  readonly timeZone: string;
  /** Concurrent transfers the closer can take, at least 1. */
  readonly capacity: number;
  /** Weekly working hours; a closer with none is never inside working hours. */
  readonly workingHours: readonly WorkingHours[];
  /** When the presence was reported; older reports never overwrite newer ones. */
  readonly reportedAtMs: number;
  readonly displayName: string;
  /** Where to dial: E.164, SIP URI or platform client address; empty = cannot be dialled. */
  readonly address: string;
}

const STATUS_OF_STATE = new Map<warmline.v1.CloserPresenceState, PresenceStatus>([
  [v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE, 'available'],
  [v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY, 'busy'],
  [v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AWAY, 'away'],
  [v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE, 'offline'],
]);

const STATE_OF_STATUS = new Map(
  [...STATUS_OF_STATE].map(([state, status]) => [status, state] as const),
);

/** The PresenceStatus of a wire presence state; `null` for UNSPECIFIED or an unknown value. */
export function presenceStatusOf(
  state: warmline.v1.CloserPresenceState | null | undefined,
): PresenceStatus | null {
  return state == null ? null : (STATUS_OF_STATE.get(state) ?? null);
}

/** The wire CloserPresence of a closer (for snapshots and read APIs); inverse of closerFromPresence. */
export function closerToPresence(closer: Closer): warmline.v1.ICloserPresence {
  return {
    closerId: closer.closerId,
    presence: STATE_OF_STATUS.get(closer.presence),
    skills: [...closer.skills],
    languages: [...closer.languages],
    territories: [...closer.territories],
    timeZone: closer.timeZone,
    capacity: closer.capacity,
    workingHours: closer.workingHours.map((h) => ({ ...h })),
    reportedAt: toTimestamp(closer.reportedAtMs),
    displayName: closer.displayName,
    address: closer.address,
  };
}
