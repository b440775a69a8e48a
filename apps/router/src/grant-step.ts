// A decision that authorises a live transfer. The router acts only on a grant that verifies
// (signature, issuer, expiry, interaction, current intent version, scope) and that starts nothing it
// must not: no second transfer while one is in flight or after a bridge, no revoked or replayed grant.
// Anything else is refused with its reason — a FAILED HandoffEvent (GRANT_INVALID), an audit record,
// and (by the caller) a dead letter — and never produces a telephony command.
import {
  decodeGrantClaims,
  isGrantRefused,
  SCOPES,
  type GrantClaims,
  type GrantVerifier,
} from '@warmline/authority';
import { v1, type warmline } from '@warmline/contracts';
import {
  buildBrief,
  isTerminal,
  startHandoff,
  transferModeName,
  transferModeOf,
  wasBridged,
} from '@warmline/handoff';
import {
  grantRefusedRecordId,
  grantUsedRecordId,
  handoffEventId,
  handoffIdOf,
  refusalHandoffId,
} from './derived-ids.js';
import {
  emptyRecord,
  REFUSALS_KEPT,
  type InteractionRecord,
  type Refusal,
  type Transfer,
} from './interaction-record.js';
import type { RouterSettings } from './router-settings.js';
import { StepDraft, type RecordOutcome, type StepContext } from './step-draft.js';
import { transferTerms } from './transfer-terms.js';

/** Refusal codes of the router's own (beyond the verifier's GRANT_* codes). */
export const ROUTER_REFUSALS = {
  revoked: 'GRANT_REVOKED',
  replayed: 'GRANT_REPLAYED',
  inFlight: 'TRANSFER_IN_FLIGHT',
  alreadyTransferred: 'ALREADY_TRANSFERRED',
} as const;

/** What the grant step needs besides the record. */
export interface GrantArrival {
  /** The decision envelope (body `escalationDecision`, outcome AUTHORIZE_LIVE_TRANSFER). */
  readonly envelope: warmline.v1.IEnvelope;
  /** The interaction's current intent state, for the brief and the closer's needs. */
  readonly intent: warmline.v1.IIntentState | null;
  readonly verifier: GrantVerifier;
  readonly settings: RouterSettings;
}

/** What became of the grant. */
export type GrantStepResult =
  | { readonly kind: 'started'; readonly handoffId: string }
  | { readonly kind: 'resumed' }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

/** Takes (or refuses) the grant of a live-transfer decision; `null` when nothing changes. */
export function grantStep(
  current: InteractionRecord | null,
  arrival: GrantArrival,
  ctx: StepContext,
): RecordOutcome<GrantStepResult> | null {
  const { envelope } = arrival;
  const decision = envelope.escalationDecision ?? {};
  const eventId = envelope.eventId ?? '';
  const base = current ?? emptyRecord(envelope.interactionId ?? '');
  const draft = new StepDraft(base, ctx);
  const seen = Math.max(
    base.intentVersion,
    decision.intentVersion ?? 0,
    envelope.intentVersion ?? 0,
  );
  if (seen > base.intentVersion) draft.update({ intentVersion: seen });
  const grant = envelope.authority?.grant ?? decision.grant ?? null;

  const refusedBefore = base.refusals.find((r) => r.eventId === eventId);
  if (refusedBefore) return draft.outcome(refused(refusedBefore));
  if (base.transfer !== null && grant !== null && grantBytes(grant) === base.transfer.grant) {
    return repeatedGrant(draft, base.transfer, eventId);
  }

  let claims: GrantClaims;
  try {
    claims = arrival.verifier.verify(
      grant,
      {
        interactionId: base.interactionId,
        intentVersion: seen,
        requiredScope: SCOPES.transferLive,
      },
      ctx.nowMs,
    );
  } catch (err) {
    if (!isGrantRefused(err)) throw err;
    return refuse(draft, eventId, grant, {
      code: err.code,
      message: err.message,
      grantId: err.grantId,
    });
  }
  const objection = objectionTo(base, claims);
  if (objection !== null) {
    return refuse(draft, eventId, grant, { ...objection, grantId: claims.grantId });
  }
  // A grant that verified is present.
  return start(draft, eventId, grant as warmline.v1.IAuthorityGrant, claims, arrival);
}

// A grant the record already executes (or executed): a redelivery resumes, a replay is refused.
function repeatedGrant(
  draft: StepDraft,
  transfer: Transfer,
  eventId: string,
): RecordOutcome<GrantStepResult> | null {
  if (!isTerminal(transfer.handoff.phase) || eventId === transfer.decisionEventId) {
    return draft.changed ? draft.outcome({ kind: 'resumed' }) : null;
  }
  // Not announced as a HandoffEvent: the handoff of this grant already reported how it ended.
  const refusal: Refusal = {
    eventId,
    grantId: transfer.handoff.grantId,
    code: ROUTER_REFUSALS.replayed,
    message: `grant ${transfer.handoff.grantId} was already executed (handoff ${transfer.handoff.id} ended ${transfer.handoff.phase})`,
  };
  return recordRefusal(draft, refusal, draft.grant());
}

// Why an authentic, current grant must still not start a transfer here; null when it may.
function objectionTo(
  record: InteractionRecord,
  claims: GrantClaims,
): { code: string; message: string } | null {
  const { grantId } = claims;
  if (record.revokedGrantIds.includes(grantId)) {
    return { code: ROUTER_REFUSALS.revoked, message: `grant ${grantId} was revoked` };
  }
  const before = record.refusals.find((r) => r.grantId === grantId);
  if (before) {
    return { code: before.code, message: `grant ${grantId} was refused before: ${before.message}` };
  }
  if (record.earlier.some((t) => t.grantId === grantId)) {
    return { code: ROUTER_REFUSALS.replayed, message: `grant ${grantId} was already executed` };
  }
  const transfer = record.transfer;
  if (transfer !== null && !isTerminal(transfer.handoff.phase)) {
    return {
      code: ROUTER_REFUSALS.inFlight,
      message: `handoff ${transfer.handoff.id} is still in flight for this interaction`,
    };
  }
  const bridged =
    (transfer !== null && wasBridged(transfer.handoff)) || record.earlier.some((t) => t.bridged);
  if (bridged) {
    return {
      code: ROUTER_REFUSALS.alreadyTransferred,
      message: 'the buyer was already transferred to a closer in this interaction',
    };
  }
  return null;
}

function start(
  draft: StepDraft,
  eventId: string,
  grant: warmline.v1.IAuthorityGrant,
  claims: GrantClaims,
  arrival: GrantArrival,
): RecordOutcome<GrantStepResult> {
  const { nowMs } = draft.ctx;
  const record = draft.current;
  const handoff = startHandoff({
    id: handoffIdOf(claims.grantId),
    grantId: claims.grantId,
    interactionId: record.interactionId,
    mode: transferModeName(claims.transferMode),
    atMs: nowMs,
  });
  const intent = arrival.intent ?? {
    interactionId: record.interactionId,
    version: claims.intentVersion,
    campaignId: claims.campaignId,
  };
  const brief = handoff.mode === 'warm' ? buildBrief(intent, nowMs) : null;
  const previous = record.transfer;
  draft.update({
    earlier:
      previous === null
        ? record.earlier
        : [
            ...record.earlier,
            {
              handoffId: previous.handoff.id,
              grantId: previous.handoff.grantId,
              phase: previous.handoff.phase,
              bridged: wasBridged(previous.handoff),
            },
          ],
    transfer: {
      handoff,
      decisionEventId: eventId,
      grant: grantBytes(grant),
      terms: transferTerms(claims, arrival.intent, arrival.settings),
      brief: brief === null ? null : base64(v1.HandoffBrief.encode(brief).finish()),
      target: null,
      reservation: null,
      deadline: null,
      published: 0,
    },
  });
  draft.audit({
    recordId: grantUsedRecordId(claims.grantId),
    kind: 'grant',
    payload: v1.AuthorityGrant.encode(grant).finish(),
    summary: { event: 'used', grantId: claims.grantId, handoffId: handoff.id, mode: handoff.mode },
  });
  draft.announce();
  return draft.outcome({ kind: 'started', handoffId: handoff.id });
}

function refuse(
  draft: StepDraft,
  eventId: string,
  grant: warmline.v1.IAuthorityGrant | null,
  reason: { code: string; message: string; grantId: string | null },
): RecordOutcome<GrantStepResult> {
  const refusal: Refusal = { eventId, ...reason };
  const handoffId = refusalHandoffId(eventId);
  draft.publishHandoffEvent(handoffEventId(handoffId, 0), {
    handoffId,
    grantId: reason.grantId ?? '',
    attempt: 0,
    mode: reason.grantId === null ? v1.TransferMode.TRANSFER_MODE_UNSPECIFIED : modeOf(grant),
    state: v1.HandoffState.HANDOFF_STATE_FAILED,
    failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_GRANT_INVALID,
    detail: `${reason.code}: ${reason.message}`,
  });
  return recordRefusal(draft, refusal, grant);
}

function recordRefusal(
  draft: StepDraft,
  refusal: Refusal,
  grant: warmline.v1.IAuthorityGrant | null,
): RecordOutcome<GrantStepResult> {
  draft.audit({
    recordId: grantRefusedRecordId(refusal.eventId),
    kind: 'grant',
    payload: grant === null ? new Uint8Array() : v1.AuthorityGrant.encode(grant).finish(),
    summary: {
      event: 'refused',
      reason: refusal.code,
      grantId: refusal.grantId ?? '',
      detail: refusal.message,
    },
  });
  draft.update({ refusals: [...draft.current.refusals, refusal].slice(-REFUSALS_KEPT) });
  return draft.outcome(refused(refusal));
}

function refused(refusal: Refusal): GrantStepResult {
  return { kind: 'refused', code: refusal.code, message: refusal.message };
}

// The mode an authentic grant asked for, so even its refusal is labelled warm or cold.
function modeOf(grant: warmline.v1.IAuthorityGrant | null): warmline.v1.TransferMode {
  try {
    const claims = decodeGrantClaims(grant?.claims ?? new Uint8Array());
    return transferModeOf(transferModeName(claims.transferMode));
  } catch {
    return v1.TransferMode.TRANSFER_MODE_UNSPECIFIED;
  }
}

function grantBytes(grant: warmline.v1.IAuthorityGrant): string {
  return base64(v1.AuthorityGrant.encode(grant).finish());
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
