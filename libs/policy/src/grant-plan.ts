// Everything GrantSigner.issue needs for an authorisation except the decision id and the signature:
// `signer.issue({ ...verdict.grantPlan, decisionId }, nowMs)`.
import type { ConsentWindow, FallbackRule, GrantConstraints } from '@warmline/authority';
import { GRANT_SCOPES, v1, type IIntentState, type warmline } from '@warmline/contracts';
import { consentWindowOf } from './consent-window.js';
import type { CampaignPolicy } from './policy-schema.js';
import { fallbackActionOf, fallbackConditionOf, type EscalationAction } from './vocabulary.js';

/** The unsigned content of a grant, bound to the evaluated intent version. */
export interface GrantPlan {
  readonly action: EscalationAction;
  readonly interactionId: string;
  readonly campaignId: string;
  /** The intent version evaluated: the grant is bound to it. */
  readonly intentVersion: number;
  /** ["transfer.live"] or ["appointment.book"]. */
  readonly scopes: readonly string[];
  /** ["appointment.book"] for a live transfer whose fallback rules book appointments; else []. */
  readonly fallbackScopes: readonly string[];
  readonly constraints: GrantConstraints;
  /** The live transfer's fallback rules in policy order; [] for appointments. */
  readonly fallbackRules: readonly FallbackRule[];
  /** WARM / COLD for live transfers; UNSPECIFIED for appointments. */
  readonly transferMode: warmline.v1.TransferMode;
  /** The buyer's consented window, or null when none was given. */
  readonly consentWindow: ConsentWindow | null;
  /** The action's grantTtlMs. */
  readonly ttlMs: number;
  readonly policyId: string;
  readonly policyVersion: number;
}

/** The grant plan for authorising `action` on `state` under `policy`. */
export function grantPlanFor(
  action: EscalationAction,
  policy: CampaignPolicy,
  state: IIntentState,
): GrantPlan {
  const common = {
    action,
    interactionId: state.interactionId ?? '',
    campaignId: state.campaignId ?? '',
    intentVersion: state.version ?? 0,
    consentWindow: consentWindowOf(state),
    policyId: policy.id,
    policyVersion: policy.version,
  };
  const escalationLimit = policy.controls.escalationLimitPerInteraction;
  if (action === 'appointment') {
    const appointment = policy.actions.appointment;
    return {
      ...common,
      scopes: [GRANT_SCOPES.appointmentBook],
      fallbackScopes: [],
      // Transfer limits do not apply to a booking; 0 is the wire's "not set".
      constraints: {
        maxAttempts: 0,
        escalationLimit,
        reservationTimeoutMs: 0,
        readinessWindowMs: 0,
      },
      fallbackRules: [],
      transferMode: v1.TransferMode.TRANSFER_MODE_UNSPECIFIED,
      ttlMs: appointment.grantTtlMs,
    };
  }
  const live = policy.actions.liveTransfer;
  const booksOnFailure = live.fallbackRules.some((rule) => rule.then === 'book_appointment');
  return {
    ...common,
    scopes: [GRANT_SCOPES.transferLive],
    fallbackScopes: booksOnFailure ? [GRANT_SCOPES.appointmentBook] : [],
    constraints: {
      maxAttempts: live.maxAttempts,
      escalationLimit,
      reservationTimeoutMs: live.reservationTimeoutMs,
      readinessWindowMs: live.readinessWindowMs,
    },
    fallbackRules: live.fallbackRules.map((rule) => ({
      condition: fallbackConditionOf(rule.when),
      action: fallbackActionOf(rule.then),
    })),
    transferMode:
      live.transferMode === 'cold'
        ? v1.TransferMode.TRANSFER_MODE_COLD
        : v1.TransferMode.TRANSFER_MODE_WARM,
    ttlMs: live.grantTtlMs,
  };
}
