// What the governor keeps per interaction between events, as one checkpoint: the policy library's
// InteractionRecord plus what the app needs to act later without a new intent version — the newest
// intent state (time-driven revocation), the signed grant in force (its audit record when it ends),
// the versions already decided (redeliveries) and the sequence of what it published.
import { warmline, type IIntentState } from '@warmline/contracts';
import { newInteractionRecord, type InteractionRecord } from '@warmline/policy';

/** The grant in force, as the app needs it beyond the record's ActiveGrant. */
export interface GrantInForce {
  readonly grantId: string;
  /** The decision that issued it (`dec-<decisionId>` caused any revocation of it). */
  readonly decisionId: string;
  /** The policy team whose pending live transfers it counts in. */
  readonly team: string;
  /** The signed AuthorityGrant, protobuf bytes in base64. */
  readonly signed: string;
  /** A live transfer that fell back to booking an appointment under this grant. */
  readonly booking: boolean;
}

/** The governor's checkpoint of one interaction (plain JSON). */
export interface GovernedInteraction {
  readonly record: InteractionRecord;
  /** The newest intent state seen, protobuf bytes in base64. */
  readonly latestState: string | null;
  /** Intent versions decided on (the newest MAX_DECIDED_VERSIONS), so a redelivery decides nothing. */
  readonly decidedVersions: readonly number[];
  readonly grant: GrantInForce | null;
  /** Envelopes published for the interaction so far; the next one gets sequence + 1. */
  readonly sequence: number;
}

/** Decided versions remembered per interaction; older redeliveries are denied as stale instead. */
export const MAX_DECIDED_VERSIONS = 64;

/** Checkpoint key of an interaction. */
export function interactionKey(interactionId: string): string {
  return `escalation-governor.interaction.${interactionId}`;
}

/** The checkpoint of an interaction the governor has not seen yet. */
export function newGovernedInteraction(state: IIntentState): GovernedInteraction {
  return {
    record: newInteractionRecord(state.interactionId ?? '', state.campaignId ?? ''),
    latestState: null,
    decidedVersions: [],
    grant: null,
    sequence: 0,
  };
}

/** `versions` with `version` added, keeping the newest MAX_DECIDED_VERSIONS. */
export function withDecidedVersion(versions: readonly number[], version: number): number[] {
  return [...versions, version].sort((a, b) => a - b).slice(-MAX_DECIDED_VERSIONS);
}

/** The state as stored in the checkpoint. */
export function storedIntentState(state: IIntentState): string {
  return Buffer.from(warmline.v1.IntentState.encode(state).finish()).toString('base64');
}

/** The state stored by storedIntentState. */
export function intentStateOf(stored: string): warmline.v1.IntentState {
  return warmline.v1.IntentState.decode(Buffer.from(stored, 'base64'));
}

/** The signed grant stored in GrantInForce.signed. */
export function storedGrant(grant: warmline.v1.IAuthorityGrant): string {
  return Buffer.from(warmline.v1.AuthorityGrant.encode(grant).finish()).toString('base64');
}

/**
 * When the grant in force must next be re-checked for expiry and readiness decay: while it is
 * authorised but unused, at most `intervalMs` from now and never after it expires; null otherwise
 * (no grant, or the router is executing it and enforces its limits itself).
 */
export function grantCheckAtMs(
  governed: GovernedInteraction | null,
  nowMs: number,
  intervalMs: number,
): number | null {
  const active = governed?.record.activeGrant;
  if (!active || governed.record.phase !== 'authorised') return null;
  return Math.min(active.expiresAtMs, nowMs + intervalMs);
}
