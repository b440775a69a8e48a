// Decisions the router does not act on (HOLD, DENY, appointments) still tell it the interaction's
// latest intent version: a grant decided on an older version arriving later is stale.
import type { warmline } from '@warmline/contracts';
import { emptyRecord, type InteractionRecord } from './interaction-record.js';
import type { RecordOutcome } from './step-draft.js';

/** Notes the intent version of a decision the router does not act on (HOLD, DENY, appointments). */
export function intentVersionStep(
  current: InteractionRecord | null,
  envelope: warmline.v1.IEnvelope,
): RecordOutcome<null> | null {
  const version = Math.max(
    envelope.escalationDecision?.intentVersion ?? 0,
    envelope.intentVersion ?? 0,
  );
  const base = current ?? emptyRecord(envelope.interactionId ?? '');
  if (version <= base.intentVersion) return null;
  return { state: { ...base, intentVersion: version }, effects: [], result: null };
}
