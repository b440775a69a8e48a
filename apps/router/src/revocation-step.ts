// The governor withdrew a grant (a marker revoked, a new objection, the call closed, a newer intent
// version). An unbridged transfer of that grant stops at once: legs cancelled, reservation released,
// back to the AI with GRANT_EXPIRED. After a bridge it is too late to undo and nothing changes. The
// grant is remembered as revoked, so a late or replayed copy never starts a transfer.
import type { warmline } from '@warmline/contracts';
import { isTerminal } from '@warmline/handoff';
import { followFallback } from './fallback-flow.js';
import { emptyRecord, type InteractionRecord } from './interaction-record.js';
import { StepDraft, type RecordOutcome, type StepContext } from './step-draft.js';

/** What the revocation did. */
export type RevocationResult = { readonly withdrew: string | null };

/** Applies a GrantRevoked envelope; `null` when nothing changes. */
export function revocationStep(
  current: InteractionRecord | null,
  envelope: warmline.v1.IEnvelope,
  ctx: StepContext,
): RecordOutcome<RevocationResult> | null {
  const revoked = envelope.grantRevoked ?? {};
  const grantId = revoked.grantId ?? '';
  const base = current ?? emptyRecord(envelope.interactionId ?? '');
  const draft = new StepDraft(base, ctx);
  const seen = Math.max(
    base.intentVersion,
    revoked.intentVersion ?? 0,
    envelope.intentVersion ?? 0,
  );
  if (seen > base.intentVersion) draft.update({ intentVersion: seen });
  if (grantId !== '' && !base.revokedGrantIds.includes(grantId)) {
    draft.update({ revokedGrantIds: [...base.revokedGrantIds, grantId] });
  }
  const transfer = base.transfer;
  let withdrew: string | null = null;
  if (transfer?.handoff.grantId === grantId && !isTerminal(transfer.handoff.phase)) {
    followFallback(draft, 'grant_expired', 'ended');
    withdrew = transfer.handoff.id;
  }
  return draft.changed ? draft.outcome({ withdrew }) : null;
}
