// The governor's decision on one intent version: DENY when no escalation may happen at all, HOLD
// while any hold condition or unmet requirement remains, else the best action the controls allow.
import { v1, type IIntentState, type warmline } from '@warmline/contracts';
import type { ConsentWindow } from '@warmline/authority';
import { satisfiedDetail, unmetRequirements } from './action-requirements.js';
import { consentWindowOf } from './consent-window.js';
import { distinctReasons, reason, type DecisionReason } from './decision-reason.js';
import { denialReasons } from './denial-conditions.js';
import { checkEscalationInput } from './escalation-input.js';
import { grantPlanFor, type GrantPlan } from './grant-plan.js';
import { holdReasons } from './hold-conditions.js';
import { isTerminalPhase, transition, type InteractionPhase } from './interaction-phase.js';
import type { InteractionRecord } from './interaction-record.js';
import { liveTransferControlReasons, type ControlsSnapshot } from './live-transfer-controls.js';
import type { CampaignPolicy } from './policy-schema.js';
import type { EscalationAction } from './vocabulary.js';

/** Everything one decision depends on; time and load are inputs. */
export interface EscalationInput {
  /** The campaign's policy (PolicyBook.policyFor), or null when it has none. */
  readonly policy: CampaignPolicy | null;
  /** The intent version to decide on. */
  readonly state: IIntentState;
  /** Readiness at `nowMs`, already decayed (readinessAt). */
  readonly readinessNow: number;
  readonly record: InteractionRecord;
  readonly controls: ControlsSnapshot;
  readonly nowMs: number;
}

/** The decision, ready to be signed (grantPlan) and published (escalationDecisionOf). */
export interface Verdict {
  readonly interactionId: string;
  readonly campaignId: string;
  readonly intentVersion: number;
  readonly outcome: warmline.v1.EscalationOutcome;
  /** Never empty: every unmet requirement for HOLD/DENY, POLICY_SATISFIED first for authorisations. */
  readonly reasons: readonly DecisionReason[];
  /** The record's phase the verdict was made in. */
  readonly previousPhase: InteractionPhase;
  /** The phase after the verdict is published. */
  readonly nextPhase: InteractionPhase;
  /** Present exactly for AUTHORIZE_LIVE_TRANSFER and AUTHORIZE_APPOINTMENT. */
  readonly grantPlan: GrantPlan | null;
  /** The policy evaluated; null with POLICY_NOT_FOUND. */
  readonly policyId: string | null;
  readonly policyVersion: number | null;
  /** The readiness the verdict saw. */
  readonly readiness: number;
}

const Code = v1.DecisionReasonCode;
const Outcome = v1.EscalationOutcome;

/**
 * Decides on `input.state` (see the README for the rule table). Pure: the same input always gives
 * the same verdict. Throws EscalationInputError for a state without interaction id or version, or
 * a readiness / time / controls count that is not a number in range.
 */
export function evaluateEscalation(input: EscalationInput): Verdict {
  checkEscalationInput(input);
  const { policy, state, record } = input;
  const verdictOf = verdictBuilder(input);
  if (policy === null || !covers(policy, state.campaignId ?? '')) {
    const detail = policy
      ? `policy ${policy.id} does not apply to campaign ${state.campaignId}`
      : `no policy for campaign ${state.campaignId || '(none)'}`;
    return verdictOf(
      Outcome.ESCALATION_OUTCOME_DENY,
      [reason(Code.DECISION_REASON_CODE_POLICY_NOT_FOUND, detail)],
      record.phase,
    );
  }
  const denials = denialReasons(input, policy);
  if (denials.length > 0) {
    const ended = state.callHealth?.callEnded === true && !isTerminalPhase(record.phase);
    return verdictOf(
      Outcome.ESCALATION_OUTCOME_DENY,
      denials,
      ended ? 'closed' : record.phase,
      policy,
    );
  }
  return decideAction(input, policy, verdictOf);
}

function decideAction(
  input: EscalationInput,
  policy: CampaignPolicy,
  verdictOf: VerdictBuilder,
): Verdict {
  const { state, readinessNow, nowMs, record } = input;
  const holds = holdReasons(state, policy);
  const unmet = (action: EscalationAction) =>
    enabled(action, policy) ? unmetRequirements(action, policy, state, readinessNow, nowMs) : null;
  const live = unmet('live_transfer');
  const appointment = unmet('appointment');
  const liveReady = holds.length === 0 && live?.length === 0;
  const controls = liveReady ? liveTransferControlReasons(policy, input.controls, nowMs) : [];

  if (liveReady && controls.length === 0) {
    return verdictOf(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      [satisfied('live_transfer', input, policy)],
      'authorised',
      policy,
      'live_transfer',
    );
  }
  // An appointment is the fallback, never a shortcut: only when a live transfer is off, blocked by
  // the controls, or declined by the buyer — not while the buyer may still agree to be connected.
  const declined = declinedLiveTransfer(state);
  const appointmentHolds = holds.filter((r) => !isPermissionWithdrawal(r));
  const appointmentReady = appointmentHolds.length === 0 && appointment?.length === 0;
  const warranted = !policy.actions.liveTransfer.enabled || controls.length > 0 || declined;
  const noSlot =
    appointmentReady && warranted ? noSlotReason(record.windowWithoutSlot, state) : null;
  if (appointmentReady && warranted && noSlot === null) {
    // Why not the live transfer is part of the record: the controls that stopped it, or the refusal.
    const why = declined ? [declinedReason(state)] : controls;
    return verdictOf(
      Outcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
      [satisfied('appointment', input, policy), ...why],
      'authorised',
      policy,
      'appointment',
    );
  }
  const reasons = distinctReasons([
    ...holds,
    ...(live ?? []),
    ...(appointment ?? []),
    ...controls,
    ...(noSlot ? [noSlot] : []),
  ]);
  const next = liveReady ? transition(record.phase, 'ready') : phaseAfterHold(record.phase, state);
  return verdictOf(Outcome.ESCALATION_OUTCOME_HOLD, reasons, next, policy);
}

/**
 * NO_SLOT_IN_WINDOW when the scheduler already found no slot in the window the buyer consented to
 * now: booking it again would only fail again. Null for a new window (or none found wanting).
 */
function noSlotReason(
  without: ConsentWindow | null | undefined,
  state: IIntentState,
): DecisionReason | null {
  const window = consentWindowOf(state);
  if (!without || !window) return null;
  if (window.startAtMs !== without.startAtMs || window.endAtMs !== without.endAtMs) return null;
  return reason(
    Code.DECISION_REASON_CODE_NO_SLOT_IN_WINDOW,
    `no slot was found in the consented window ${new Date(window.startAtMs).toISOString()} – ${new Date(window.endAtMs).toISOString()}; another window is needed`,
  );
}

/** The buyer refused to be connected: permission withdrawn, or refused before it was ever given. */
function declinedLiveTransfer(state: IIntentState): boolean {
  const permission = permissionMarker(state);
  if (!permission) return false;
  const status = permission.status ?? v1.MarkerStatus.MARKER_STATUS_UNSPECIFIED;
  // A negation of an absent marker is recorded as evidence on an ABSENT marker.
  return (
    status === v1.MarkerStatus.MARKER_STATUS_REVOKED ||
    (status === v1.MarkerStatus.MARKER_STATUS_ABSENT && (permission.evidence ?? []).length > 0)
  );
}

function declinedReason(state: IIntentState): DecisionReason {
  const quote = permissionMarker(state)?.evidence?.at(-1)?.quote;
  return reason(
    permissionMarker(state)?.status === v1.MarkerStatus.MARKER_STATUS_REVOKED
      ? Code.DECISION_REASON_CODE_MARKER_REVOKED
      : Code.DECISION_REASON_CODE_MARKER_NOT_VALIDATED,
    `the buyer declined a live transfer${quote ? `: "${quote}"` : ''}`,
    v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
  );
}

// A withdrawn permission to connect holds a live transfer, not a booking the buyer agreed to.
function isPermissionWithdrawal(r: DecisionReason): boolean {
  return (
    r.code === Code.DECISION_REASON_CODE_MARKER_REVOKED &&
    r.markerKind === v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION
  );
}

function permissionMarker(state: IIntentState): warmline.v1.IIntentMarker | undefined {
  return (state.markers ?? []).find(
    (m) => m.kind === v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
  );
}

function satisfied(
  action: EscalationAction,
  input: EscalationInput,
  policy: CampaignPolicy,
): DecisionReason {
  return reason(
    Code.DECISION_REASON_CODE_POLICY_SATISFIED,
    satisfiedDetail(action, policy, input.readinessNow),
  );
}

// The first intent version may carry nothing yet (a call just answered): the interaction stays engaged.
function phaseAfterHold(phase: InteractionPhase, state: IIntentState): InteractionPhase {
  const markers = (state.markers ?? []).some(
    (marker) => (marker.status ?? 0) > v1.MarkerStatus.MARKER_STATUS_ABSENT,
  );
  const evidence = markers || (state.objections ?? []).length > 0;
  return evidence || phase !== 'engaged' ? transition(phase, 'evidence') : phase;
}

function enabled(action: EscalationAction, policy: CampaignPolicy): boolean {
  return action === 'live_transfer'
    ? policy.actions.liveTransfer.enabled
    : policy.actions.appointment.enabled;
}

function covers(policy: CampaignPolicy, campaignId: string): boolean {
  return policy.campaigns.includes('*') || policy.campaigns.includes(campaignId);
}

type VerdictBuilder = (
  outcome: warmline.v1.EscalationOutcome,
  reasons: readonly DecisionReason[],
  nextPhase: InteractionPhase,
  policy?: CampaignPolicy,
  action?: EscalationAction,
) => Verdict;

function verdictBuilder({ state, record, readinessNow }: EscalationInput): VerdictBuilder {
  return (outcome, reasons, nextPhase, policy, action) => ({
    interactionId: state.interactionId ?? '',
    campaignId: state.campaignId ?? '',
    intentVersion: state.version ?? 0,
    outcome,
    reasons,
    previousPhase: record.phase,
    nextPhase,
    grantPlan: policy && action ? grantPlanFor(action, policy, state) : null,
    policyId: policy?.id ?? null,
    policyVersion: policy?.version ?? null,
    readiness: readinessNow,
  });
}
