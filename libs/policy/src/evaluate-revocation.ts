// After authorising, every new intent version (and the passing of time) is checked against the
// grant in force: a buyer who withdraws a marker, raises an objection or hangs up must not be
// transferred on yesterday's yes.
import { v1, type IIntentState, type warmline } from '@warmline/contracts';
import { requirementsOf } from './action-requirements.js';
import { compared } from './decision-reason.js';
import { checkEscalationInput } from './escalation-input.js';
import type { InteractionRecord } from './interaction-record.js';
import type { CampaignPolicy } from './policy-schema.js';
import { actionLabel, markerNameOf, type EscalationAction, type MarkerName } from './vocabulary.js';

/** What evaluateRevocation looks at. */
export interface RevocationInput {
  readonly record: InteractionRecord;
  /** The newest intent version. */
  readonly state: IIntentState;
  /** Readiness at `nowMs`, already decayed (readinessAt). */
  readonly readinessNow: number;
  /** The policy the grant was issued under. */
  readonly policy: CampaignPolicy;
  readonly nowMs: number;
}

/** A grant to withdraw: publish it as GrantRevoked (grantRevokedOf), then recordRevocation. */
export interface Revocation {
  readonly grantId: string;
  readonly reason: warmline.v1.GrantRevocationReason;
  readonly detail: string;
  /** The intent version that invalidated the grant; 0 when time did (expiry). */
  readonly intentVersion: number;
}

const Reason = v1.GrantRevocationReason;

/**
 * The revocation the active grant needs, or null (no active grant, or it still stands). Checked in
 * order, first match wins: call ended, marker revoked, objection raised, a marker the granted action
 * requires no longer validated (its evidence withdrawn, e.g. the "yes" turned out to be cut by an
 * interruption reported after it), then — only while the grant is not yet being executed (phase
 * authorised) — expiry and readiness decayed below the action's threshold. A state older than the
 * grant's version says nothing new; only expiry applies.
 */
export function evaluateRevocation(input: RevocationInput): Revocation | null {
  checkEscalationInput(input);
  const { record, state, nowMs } = input;
  const grant = record.activeGrant;
  if (grant === null) return null;
  const version = state.version ?? 0;
  const current = version >= grant.intentVersion;
  const revoke = (
    reason: warmline.v1.GrantRevocationReason,
    detail: string,
    byVersion = version,
  ) => ({
    grantId: grant.grantId,
    reason,
    detail,
    intentVersion: byVersion,
  });

  if (current) {
    const found =
      intentChange(state, grant.action) ??
      withdrawnEvidence(state, requirementsOf(grant.action, input.policy).requiredMarkers);
    if (found) return revoke(found.reason, found.detail);
  }
  if (record.phase !== 'authorised') return null;
  if (nowMs >= grant.expiresAtMs) {
    return revoke(
      Reason.GRANT_REVOCATION_REASON_EXPIRED,
      `grant expired at ${new Date(grant.expiresAtMs).toISOString()}`,
      0,
    );
  }
  const threshold = requirementsOf(grant.action, input.policy).readinessThreshold;
  if (current && input.readinessNow < threshold) {
    return revoke(
      Reason.GRANT_REVOCATION_REASON_READINESS_DECAYED,
      `readiness ${compared(input.readinessNow, '<', threshold)} (${actionLabel(grant.action)})`,
    );
  }
  return null;
}

// A required marker that is no longer VALIDATED (exploratory again, or gone) means the grant rests on
// evidence the buyer's state no longer holds; it is revoked like a withdrawn marker.
function withdrawnEvidence(
  state: IIntentState,
  required: readonly MarkerName[],
): { reason: warmline.v1.GrantRevocationReason; detail: string } | null {
  const validated = new Set(
    (state.markers ?? [])
      .filter((marker) => marker.status === v1.MarkerStatus.MARKER_STATUS_VALIDATED)
      .map((marker) => markerNameOf(marker.kind ?? 0)),
  );
  const withdrawn = required.filter((name) => !validated.has(name));
  if (withdrawn.length === 0) return null;
  return {
    reason: Reason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
    detail: `${withdrawn.join(', ')} no longer validated`,
  };
}

// A buyer who declines to be connected has not withdrawn the booking they agreed to instead: a
// revoked escalation_permission revokes a live transfer, never an appointment.
function intentChange(
  state: IIntentState,
  action: EscalationAction,
): { reason: warmline.v1.GrantRevocationReason; detail: string } | null {
  if (state.callHealth?.callEnded) {
    return {
      reason: Reason.GRANT_REVOCATION_REASON_INTERACTION_CLOSED,
      detail: 'the call has ended',
    };
  }
  const revoked = (state.markers ?? []).filter(
    (marker) =>
      marker.status === v1.MarkerStatus.MARKER_STATUS_REVOKED &&
      !(
        action === 'appointment' && marker.kind === v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION
      ),
  );
  if (revoked.length > 0) {
    const names = revoked.map(
      (marker) => markerNameOf(marker.kind ?? 0) ?? `marker ${marker.kind}`,
    );
    return {
      reason: Reason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
      detail: `${names.join(', ')} revoked by the buyer`,
    };
  }
  const raised = (state.objections ?? []).filter(
    (objection) => objection.status === v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
  );
  if (raised.length > 0) {
    const topics = raised.map(
      (objection) => `"${objection.topic || objection.objectionId || '?'}"`,
    );
    return {
      reason: Reason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
      detail: `objection ${topics.join(', ')} raised`,
    };
  }
  return null;
}
