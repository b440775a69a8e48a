// The roster is plain data (closer id -> Closer) so a data-access layer can store it as JSON and the
// router can hold it in memory; every change returns a new roster.
import type { warmline } from '@warmline/contracts';
import type { Closer } from './closer.js';
import { closerFromPresence } from './presence-rules.js';

/** Every known closer, keyed by closer id; serialisable as JSON. */
export interface Roster {
  readonly closers: Readonly<Record<string, Closer>>;
}

/** A roster with no closers. */
export function emptyRoster(): Roster {
  return { closers: {} };
}

/**
 * The roster after a presence report. The report is validated first (CloserPresenceInvalidError);
 * a report older than the stored one (by reportedAt) is ignored and the same roster object is
 * returned, so redelivered or reordered reports never roll a closer back. A report as new as the
 * stored one replaces it: it arrived later on the closer's ordered subject.
 */
export function applyPresence(roster: Roster, presence: warmline.v1.ICloserPresence): Roster {
  const closer = closerFromPresence(presence);
  const stored = findCloser(roster, closer.closerId);
  if (stored !== null && closer.reportedAtMs < stored.reportedAtMs) return roster;
  return { closers: { ...roster.closers, [closer.closerId]: closer } };
}

/** The closer with this id, or `null` when the roster has never heard of them. */
export function findCloser(roster: Roster, closerId: string): Closer | null {
  // Own properties only: an id such as "constructor" must not find Object.prototype members.
  return Object.hasOwn(roster.closers, closerId) ? (roster.closers[closerId] ?? null) : null;
}

/** Every closer of the roster, ordered by id (deterministic for ranking and display). */
export function rosterClosers(roster: Roster): Closer[] {
  return Object.values(roster.closers).sort((a, b) => compareIds(a.closerId, b.closerId));
}

/** Orders ids by code unit, independent of locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
