/** The kinds of record an interaction's audit story is made of. */
export const AUDIT_RECORD_KINDS = [
  'decision',
  'grant',
  'handoff',
  'appointment',
  'evidence',
] as const;
export type AuditRecordKind = (typeof AUDIT_RECORD_KINDS)[number];

/** What happened to an authority grant; a `grant` record carries it in `summary.event`. */
export const GRANT_AUDIT_EVENTS = ['issued', 'used', 'refused', 'revoked'] as const;
export type GrantAuditEvent = (typeof GRANT_AUDIT_EVENTS)[number];

/** Grant events that must say why, in `summary.reason`. */
export const GRANT_EVENTS_REQUIRING_REASON: readonly GrantAuditEvent[] = ['refused', 'revoked'];

/** Short, human-readable facts about a record (shown without decoding the payload). */
export type AuditSummary = Readonly<Record<string, string | number>>;

/**
 * One entry of an interaction's audit trail.
 * - `decision`: an EscalationDecision; `grant`: an AuthorityGrant with `summary.event` (issued / used /
 *   refused / revoked) and, for refused / revoked, `summary.reason`; `handoff`: a HandoffEvent (transfer
 *   state); `appointment`: an AppointmentEvent; `evidence`: the signal that became a marker's evidence.
 */
export interface AuditRecord {
  readonly interactionId: string;
  /** Unique within the interaction; appending it again is a no-op (at-least-once delivery). */
  readonly recordId: string;
  readonly kind: AuditRecordKind;
  /** When it happened, in milliseconds since the epoch. */
  readonly at: number;
  /** The protobuf bytes of the contracts message the record is about. */
  readonly payload: Uint8Array;
  readonly summary?: AuditSummary;
}

/** Result of an append: `appended` is false when the record id was already stored. */
export interface AppendResult {
  readonly appended: boolean;
}

export interface AuditListOptions {
  /** Only records of these kinds (all kinds when omitted). */
  readonly kinds?: readonly AuditRecordKind[];
}

/** Append-only audit trail: records are never changed or removed. */
export interface AuditLog {
  /**
   * Stores a record once. Appending a record id that is already stored keeps the stored record
   * untouched and reports `{ appended: false }`.
   */
  append(record: AuditRecord): Promise<AppendResult>;

  /** The interaction's story: its records ordered by `at`, then by append order. */
  list(interactionId: string, options?: AuditListOptions): Promise<AuditRecord[]>;
}
