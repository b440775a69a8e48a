// Operational controls that can stop a live transfer whose buyer is ready: operating hours, the
// team's escalation rate and closer capacity. They never stop an appointment; the governor books
// one instead when the appointment's own requirements are met.
import { v1 } from '@warmline/contracts';
import { reason, type DecisionReason } from './decision-reason.js';
import { describeOperatingHours, isWithinOperatingHours } from './operating-hours.js';
import type { CampaignPolicy } from './policy-schema.js';

/** What the app knows about load when it evaluates, counted at `nowMs`. */
export interface ControlsSnapshot {
  /** Live-transfer authorisations of the policy's team in the last minute (RateWindow.countIn). */
  readonly escalationsInWindow: number;
  /** Closers available for a transfer right now. */
  readonly availableClosers: number;
  /** Live transfers authorised or under way that have no closer connected yet. */
  readonly pendingTransfers: number;
}

const Code = v1.DecisionReasonCode;

/** Why the controls forbid a live transfer now (empty when they allow it). */
export function liveTransferControlReasons(
  policy: CampaignPolicy,
  controls: ControlsSnapshot,
  nowMs: number,
): DecisionReason[] {
  const limits = policy.controls;
  const reasons: DecisionReason[] = [];
  if (limits.operatingHours && !isWithinOperatingHours(limits.operatingHours, nowMs)) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_OUTSIDE_OPERATING_HOURS,
        `outside operating hours (${describeOperatingHours(limits.operatingHours)})`,
      ),
    );
  }
  if (controls.escalationsInWindow >= limits.escalationsPerMinute) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_RATE_LIMITED,
        `${controls.escalationsInWindow} live transfers authorised for team ${policy.team} in the last minute (limit ${limits.escalationsPerMinute})`,
      ),
    );
  }
  const capacity = controls.availableClosers * limits.maxPendingTransfersPerAvailableCloser;
  if (controls.availableClosers <= 0) {
    reasons.push(reason(Code.DECISION_REASON_CODE_NO_CLOSER_CAPACITY, 'no closer is available'));
  } else if (controls.pendingTransfers >= capacity) {
    reasons.push(
      reason(
        Code.DECISION_REASON_CODE_NO_CLOSER_CAPACITY,
        `${controls.pendingTransfers} transfers pending for ${controls.availableClosers} available closers (limit ${limits.maxPendingTransfersPerAvailableCloser} per closer)`,
      ),
    );
  }
  return reasons;
}
