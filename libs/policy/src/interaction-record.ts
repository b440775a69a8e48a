// What the governor remembers about one interaction between intent versions. Plain JSON data, so the
// app stores it as it is (KV / Mongo); every change goes through the reducers below, which keep the
// phase, the active grant and the grant count consistent.
import type { ConsentWindow } from '@warmline/authority';
import { v1 } from '@warmline/contracts';
import { InteractionRecordError } from './errors.js';
import type { Revocation } from './evaluate-revocation.js';
import type { Verdict } from './evaluate-escalation.js';
import { isTerminalPhase, transition, type InteractionPhase } from './interaction-phase.js';
import type { EscalationAction } from './vocabulary.js';

/** The grant an interaction currently holds. */
export interface ActiveGrant {
  readonly grantId: string;
  readonly action: EscalationAction;
  readonly scopes: readonly string[];
  readonly fallbackScopes: readonly string[];
  /** The intent version the grant was decided on. */
  readonly intentVersion: number;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  /** The consent window the grant books inside (absent in records stored before it was kept). */
  readonly consentWindow?: ConsentWindow | null;
}

/** The governor's per-interaction state. */
export interface InteractionRecord {
  readonly interactionId: string;
  readonly campaignId: string;
  readonly phase: InteractionPhase;
  /** The newest intent version evaluated; older versions are stale. 0 before the first. */
  readonly latestIntentVersion: number;
  /** The grant in force, or null. */
  readonly activeGrant: ActiveGrant | null;
  /** Grants issued so far, revoked ones included (counts against escalationLimitPerInteraction). */
  readonly grantsIssued: number;
  /** EscalationDecision.decision_id of the last decision, or null. */
  readonly lastDecisionId: string | null;
  /**
   * The consent window the scheduler last found no slot in (absent or null: none). An appointment in
   * that same window is not authorised again; a new window from the buyer is.
   */
  readonly windowWithoutSlot?: ConsentWindow | null;
}

/** What the signer stamped on a grant: pass the decoded GrantClaims (they have these fields). */
export interface IssuedGrant {
  readonly grantId: string;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
}

/** Execution reports from the router / scheduler / telephony that move the lifecycle. */
export type ExecutionEvent =
  | 'transfer-started'
  | 'connected'
  | 'scheduled'
  | 'returned-to-ai'
  | 'closed';

/** The record of an interaction the governor has not decided on yet. */
export function newInteractionRecord(interactionId: string, campaignId: string): InteractionRecord {
  return {
    interactionId,
    campaignId,
    phase: 'engaged',
    latestIntentVersion: 0,
    activeGrant: null,
    grantsIssued: 0,
    lastDecisionId: null,
    windowWithoutSlot: null,
  };
}

/**
 * The record after publishing `verdict` as decision `decisionId`. For an authorisation pass the
 * issued grant (e.g. `decodeGrantClaims(grant.claims)`); it becomes the active grant. Throws
 * InteractionRecordError when the verdict was made on another interaction or phase (re-evaluate),
 * or when the grant is missing for an authorisation or present for a HOLD/DENY.
 */
export function recordDecision(
  record: InteractionRecord,
  verdict: Verdict,
  issued: { readonly decisionId: string; readonly grant?: IssuedGrant | null },
): InteractionRecord {
  if (verdict.interactionId !== record.interactionId || verdict.previousPhase !== record.phase) {
    throw new InteractionRecordError(
      `verdict for ${verdict.interactionId} in phase ${verdict.previousPhase} does not fit record ${record.interactionId} in phase ${record.phase}; re-evaluate`,
    );
  }
  const plan = verdict.grantPlan;
  const grant = issued.grant ?? null;
  if ((plan === null) !== (grant === null)) {
    throw new InteractionRecordError(
      plan
        ? 'an authorisation needs the issued grant'
        : `a ${outcomeName(verdict)} carries no grant`,
    );
  }
  return {
    ...record,
    phase: verdict.nextPhase,
    // A DENY that closes the interaction voids whatever grant was still held.
    activeGrant: isTerminalPhase(verdict.nextPhase) ? null : record.activeGrant,
    latestIntentVersion: Math.max(record.latestIntentVersion, verdict.intentVersion),
    lastDecisionId: issued.decisionId,
    ...(plan &&
      grant && {
        grantsIssued: record.grantsIssued + 1,
        activeGrant: {
          grantId: grant.grantId,
          action: plan.action,
          scopes: [...plan.scopes],
          fallbackScopes: [...plan.fallbackScopes],
          intentVersion: plan.intentVersion,
          issuedAtMs: grant.issuedAtMs,
          expiresAtMs: grant.expiresAtMs,
          consentWindow: plan.consentWindow,
        },
      }),
  };
}

/**
 * The record after publishing `revocation`: no active grant, back to qualifying (or closed when the
 * call ended). Throws InteractionRecordError when it revokes a grant the record does not hold.
 */
export function recordRevocation(
  record: InteractionRecord,
  revocation: Revocation,
): InteractionRecord {
  if (record.activeGrant?.grantId !== revocation.grantId) {
    throw new InteractionRecordError(
      `revocation of grant ${revocation.grantId} does not match the active grant ${record.activeGrant?.grantId ?? 'none'}`,
    );
  }
  const closed =
    revocation.reason === v1.GrantRevocationReason.GRANT_REVOCATION_REASON_INTERACTION_CLOSED;
  return {
    ...record,
    phase: transition(record.phase, closed ? 'closed' : 'revoked'),
    latestIntentVersion: Math.max(record.latestIntentVersion, revocation.intentVersion),
    activeGrant: null,
  };
}

/**
 * The record after an execution report. A connect, booking, return to the AI or hang-up uses up
 * the active grant; a started transfer keeps it (the router is acting under it). Throws
 * IllegalTransitionError for a report the lifecycle does not allow (e.g. connected while qualifying).
 */
export function recordExecution(
  record: InteractionRecord,
  event: ExecutionEvent,
): InteractionRecord {
  return {
    ...record,
    phase: transition(record.phase, event),
    activeGrant: event === 'transfer-started' ? record.activeGrant : null,
  };
}

/**
 * The record after the scheduler found no slot for the grant in force: back to the AI, as for
 * `returned-to-ai`, remembering the grant's consent window so the same booking is not authorised
 * again. Throws IllegalTransitionError when the phase allows no return to the AI.
 */
export function recordNoSlot(record: InteractionRecord): InteractionRecord {
  return {
    ...recordExecution(record, 'returned-to-ai'),
    windowWithoutSlot: record.activeGrant?.consentWindow ?? null,
  };
}

function outcomeName(verdict: Verdict): string {
  return v1.EscalationOutcome[verdict.outcome].replace('ESCALATION_OUTCOME_', '');
}
