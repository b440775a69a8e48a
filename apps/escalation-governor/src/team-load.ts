// A closer team's load, shared by every governor replica in one checkpoint: the live transfers
// authorised in the last minute (the escalationsPerMinute window) and those still waiting for a
// closer. A replica claims a live transfer by writing its grant over the exact revision it decided
// on, so two replicas can never both take the last slot.
import {
  ESCALATION_RATE_WINDOW_MS,
  RateWindow,
  type CampaignPolicy,
  type ControlsSnapshot,
} from '@warmline/policy';

/** A live-transfer grant not yet connected, failed or expired. */
export interface PendingTransfer {
  readonly grantId: string;
  readonly interactionId: string;
  readonly expiresAtMs: number;
}

/** One team's checkpoint (plain JSON). */
export interface TeamLoad {
  readonly window: RateWindow;
  readonly pending: readonly PendingTransfer[];
}

/** Checkpoint key of a team's load. */
export function teamKey(team: string): string {
  return `escalation-governor.team.${team}`;
}

/** The controls the policy evaluation sees at `nowMs`; no load yet counts as none. */
export function controlsOf(
  load: TeamLoad | null,
  availableClosers: number,
  nowMs: number,
): ControlsSnapshot {
  return {
    escalationsInWindow: load
      ? RateWindow.countIn(load.window, nowMs, ESCALATION_RATE_WINDOW_MS)
      : 0,
    availableClosers,
    pendingTransfers: load ? live(load.pending, nowMs).length : 0,
  };
}

/** `load` with `transfer` authorised at `nowMs`: counted in the window and pending. */
export function withClaim(
  load: TeamLoad | null,
  transfer: PendingTransfer,
  policy: CampaignPolicy,
  nowMs: number,
): TeamLoad {
  // The window must hold more instants than the limit it is compared with (counts saturate).
  const window =
    load?.window ??
    RateWindow.empty({ maxEvents: Math.max(1024, policy.controls.escalationsPerMinute + 1) });
  const pending = live(load?.pending ?? [], nowMs).filter((p) => p.grantId !== transfer.grantId);
  return { window: RateWindow.record(window, nowMs), pending: [...pending, transfer] };
}

/** `load` without the pending transfer of `grantId` (and expired ones); null when it had neither. */
export function withRelease(
  load: TeamLoad | null,
  grantId: string,
  nowMs: number,
): TeamLoad | null {
  if (load === null) return null;
  const pending = live(load.pending, nowMs).filter((p) => p.grantId !== grantId);
  return pending.length === load.pending.length ? null : { ...load, pending };
}

function live(pending: readonly PendingTransfer[], nowMs: number): PendingTransfer[] {
  return pending.filter((p) => p.expiresAtMs > nowMs);
}
