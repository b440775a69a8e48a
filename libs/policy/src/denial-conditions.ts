// Conditions under which the governor refuses to escalate at all, whatever the buyer said: the call
// is over, the version is stale (older than one already decided on, or past the decision timeout),
// a grant is already in force, or the interaction used up its escalations.
import { fromOptionalTimestamp, v1 } from '@warmline/contracts';
import { reason, type DecisionReason } from './decision-reason.js';
import type { EscalationInput } from './evaluate-escalation.js';
import { isTerminalPhase } from './interaction-phase.js';
import type { CampaignPolicy } from './policy-schema.js';

const Code = v1.DecisionReasonCode;

/** Every reason no escalation may happen on this intent version (empty when none). */
export function denialReasons(
  input: Pick<EscalationInput, 'state' | 'record' | 'nowMs'>,
  policy: CampaignPolicy,
): DecisionReason[] {
  const { state, record, nowMs } = input;
  const version = state.version ?? 0;
  const reasons: DecisionReason[] = [];
  if (state.callHealth?.callEnded || isTerminalPhase(record.phase)) {
    const detail = state.callHealth?.callEnded
      ? 'the call has ended'
      : `the interaction is ${record.phase}`;
    reasons.push(reason(Code.DECISION_REASON_CODE_INTERACTION_CLOSED, detail));
  }
  if (version < record.latestIntentVersion) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_STALE_INTENT_VERSION,
        `intent version ${version} is older than version ${record.latestIntentVersion}`,
      ),
    );
  }
  const updatedAtMs = fromOptionalTimestamp(state.updatedAt);
  const timeoutMs = policy.controls.decisionTimeoutMs;
  if (updatedAtMs !== undefined && nowMs - updatedAtMs > timeoutMs) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_STALE_INTENT_VERSION,
        `intent version ${version} is ${nowMs - updatedAtMs} ms old, past the decision timeout of ${timeoutMs} ms`,
      ),
    );
  }
  const grant = record.activeGrant;
  if (grant || record.phase === 'authorised' || record.phase === 'transferring') {
    const detail = grant
      ? `grant ${grant.grantId} (${grant.action}, intent version ${grant.intentVersion}) is active`
      : `the interaction is ${record.phase}`;
    reasons.push(reason(Code.DECISION_REASON_CODE_ALREADY_AUTHORISED, detail));
  }
  const limit = policy.controls.escalationLimitPerInteraction;
  if (record.grantsIssued >= limit) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_ESCALATION_LIMIT_REACHED,
        `${record.grantsIssued} of ${limit} escalations used`,
      ),
    );
  }
  return reasons;
}
