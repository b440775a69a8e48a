// The ledger has freed these reservations: take them off the record's outbox.
import type { InteractionRecord, LedgerRelease } from './interaction-record.js';
import type { RecordOutcome } from './step-draft.js';

/** Removes `done` from the record's releases; `null` when none of them is there any more. */
export function releasesDoneStep(
  current: InteractionRecord | null,
  done: readonly LedgerRelease[],
): RecordOutcome<null> | null {
  if (!current) return null;
  const isDone = (r: LedgerRelease) =>
    done.some((d) => d.closerId === r.closerId && d.reservationId === r.reservationId);
  const left = current.releases.filter((r) => !isDone(r));
  if (left.length === current.releases.length) return null;
  return { state: { ...current, releases: left }, effects: [], result: null };
}
