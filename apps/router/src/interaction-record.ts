// What the router keeps per interaction (checkpoint `router.handoff.<interaction_id>`): the highest
// intent version it has seen on decisions, the live transfer (at most one at a time, never a second
// one after a bridge), the grants it refused, and reservations still to be freed in the ledger. Plain
// JSON, written with compare-and-set, so every replica and every restart sees the same story.
import type { FallbackRuleInput, Handoff } from '@warmline/handoff';
import type { InteractionNeeds } from '@warmline/roster';

/** The handoff record of one interaction. */
export interface InteractionRecord {
  readonly interactionId: string;
  /** Highest intent version seen on decisions and revocations: grants decided on older ones are stale. */
  readonly intentVersion: number;
  /** Last Envelope.sequence this router used for the interaction. */
  readonly sequence: number;
  /** The current (or last) transfer; `null` before the first grant. */
  readonly transfer: Transfer | null;
  /** Transfers before the current one, most recent last. */
  readonly earlier: readonly EndedTransfer[];
  /** Grants the governor revoked (a late or replayed copy must not start a transfer). */
  readonly revokedGrantIds: readonly string[];
  /** Recent refusals, so a redelivered decision is refused again without new effects. */
  readonly refusals: readonly Refusal[];
  /** Reservations to free in the ledger once this record is committed (outbox). */
  readonly releases: readonly LedgerRelease[];
}

/** One live transfer: the handoff record and everything needed to drive it without re-reading the grant. */
export interface Transfer {
  readonly handoff: Handoff;
  /** Event id of the decision that started it. */
  readonly decisionEventId: string;
  /** The AuthorityGrant, protobuf bytes as base64: carried by every telephony command. */
  readonly grant: string;
  readonly terms: TransferTerms;
  /** The HandoffBrief, protobuf bytes as base64; `null` in cold mode. */
  readonly brief: string | null;
  /** The closer of the current attempt and where to dial them; `null` before one is chosen. */
  readonly target: DialTarget | null;
  /** The current attempt's reservation (warm mode). */
  readonly reservation: HeldReservation | null;
  /** When the router must look again if nothing happens (reservation timeout, ring guard). */
  readonly deadline: Deadline | null;
  /** Timeline entries already published as HandoffEvents. */
  readonly published: number;
}

/** The grant's terms as the router applies them (zeros already resolved to the router's defaults). */
export interface TransferTerms {
  readonly grantId: string;
  readonly intentVersion: number;
  /** The grant is void after this instant; checked before every forward command. */
  readonly expiresAtMs: number;
  readonly scopes: readonly string[];
  readonly fallbackScopes: readonly string[];
  readonly fallbackRules: readonly FallbackRuleInput[];
  readonly maxAttempts: number;
  readonly reservationTimeoutMs: number;
  readonly readinessWindowMs: number;
  /** When readiness peaked, from the intent state the transfer started on; `null` = unknown. */
  readonly readinessPeakAtMs: number | null;
  readonly dialTimeoutMs: number;
  readonly ringGraceMs: number;
  readonly needs: InteractionNeeds;
}

/** The closer an attempt dials. */
export interface DialTarget {
  readonly closerId: string;
  readonly address: string;
}

/** A reservation as the transfer sees it (the ledger holds the capacity). */
export interface HeldReservation {
  readonly id: string;
  readonly closerId: string;
  readonly attempt: number;
  readonly reservedAtMs: number;
  readonly expiresAtMs: number;
  readonly accepted: boolean;
  readonly ended: boolean;
}

/** What to check when nothing happened by `atMs`. */
export interface Deadline {
  readonly kind: 'reservation' | 'ring';
  readonly attempt: number;
  readonly atMs: number;
}

/** How a reservation is to end in the ledger. */
export type ReleaseOutcome = 'rejected' | 'timeout' | 'ended';

/** A reservation to free in the ledger. */
export interface LedgerRelease {
  readonly closerId: string;
  readonly reservationId: string;
  readonly outcome: ReleaseOutcome;
  readonly reason: string;
}

/** A transfer that is over. */
export interface EndedTransfer {
  readonly handoffId: string;
  readonly grantId: string;
  readonly phase: Handoff['phase'];
  readonly bridged: boolean;
}

/** A refused decision. */
export interface Refusal {
  readonly eventId: string;
  /** The grant's id when it was authentic; `null` when it could not be trusted. */
  readonly grantId: string | null;
  readonly code: string;
  readonly message: string;
}

/** Refusals remembered per interaction (older ones are only in the audit trail). */
export const REFUSALS_KEPT = 50;

/** The record of an interaction the router has not seen yet. */
export function emptyRecord(interactionId: string): InteractionRecord {
  return {
    interactionId,
    intentVersion: 0,
    sequence: 0,
    transfer: null,
    earlier: [],
    revokedGrantIds: [],
    refusals: [],
    releases: [],
  };
}
