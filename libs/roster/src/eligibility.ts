import type { Closer } from './closer.js';
import type { InteractionNeeds } from './interaction-needs.js';
import { speaksLanguage } from './language.js';
import { activeReservations, type ReservationLedger } from './ledger.js';
import { rosterClosers, type Roster } from './roster.js';
import { isWorkingAt } from './working-hours.js';

/** Why a closer cannot take this transfer now, in the order the rules are checked. */
export type IneligibleReason =
  | 'already_tried'
  | 'not_available'
  | 'no_address'
  | 'missing_skill'
  | 'language'
  | 'territory'
  | 'outside_working_hours'
  | 'at_capacity';

/**
 * Why `closer` cannot take a transfer with `needs` at `nowMs`, or `null` when they can. The rules,
 * in order: not already tried for this handoff; presence AVAILABLE; has an address to dial; has
 * every needed skill; speaks the buyer's language (primary subtag); covers the territory (no
 * territories = all); inside working hours in their own zone; pending + accepted reservations below
 * capacity.
 */
export function ineligibility(
  closer: Closer,
  needs: InteractionNeeds,
  ledger: ReservationLedger,
  nowMs: number,
  excludedCloserIds: readonly string[] = [],
): IneligibleReason | null {
  if (excludedCloserIds.includes(closer.closerId)) return 'already_tried';
  if (closer.presence !== 'available') return 'not_available';
  if (closer.address.trim() === '') return 'no_address';
  if (!needs.skills.every((skill) => closer.skills.includes(skill))) return 'missing_skill';
  if (!speaksLanguage(closer.languages, needs.language)) return 'language';
  if (!coversTerritory(closer, needs.territory)) return 'territory';
  if (!isWorkingAt(closer, nowMs)) return 'outside_working_hours';
  if (activeReservations(ledger, closer.closerId).length >= closer.capacity) return 'at_capacity';
  return null;
}

/**
 * The closers who can take a transfer with `needs` at `nowMs` (see `ineligibility`), ordered by id.
 * `excludedCloserIds` are the closers already tried for this handoff. Rank them with rankClosers.
 */
export function eligibleClosers(
  roster: Roster,
  needs: InteractionNeeds,
  ledger: ReservationLedger,
  nowMs: number,
  excludedCloserIds: readonly string[] = [],
): Closer[] {
  return rosterClosers(roster).filter(
    (closer) => ineligibility(closer, needs, ledger, nowMs, excludedCloserIds) === null,
  );
}

function coversTerritory(closer: Closer, territory: string): boolean {
  if (territory === '' || closer.territories.length === 0) return true;
  const wanted = territory.toUpperCase();
  return closer.territories.some((t) => t.toUpperCase() === wanted);
}
