// The typed view of warmline.v1.GrantClaims: every field present (proto3 defaults filled in), times
// in milliseconds since the epoch. Signer and verifier both go through this shape.
import type { warmline } from '@warmline/contracts';

/** Operational limits the executor must respect (see GrantConstraints in authority.proto). */
export interface GrantConstraints {
  /** Closers to try for one live transfer; 0 = policy default. */
  readonly maxAttempts: number;
  /** Escalations (grants) per interaction, counting this one; 0 = policy default. */
  readonly escalationLimit: number;
  /** How long a closer reservation may stay pending. */
  readonly reservationTimeoutMs: number;
  /** How long after the readiness peak the buyer may still be connected. */
  readonly readinessWindowMs: number;
}

/** What to do when a live transfer fails with `condition`. */
export interface FallbackRule {
  readonly condition: warmline.v1.FallbackCondition;
  readonly action: warmline.v1.FallbackAction;
}

/** The buyer's consented time window for an appointment. */
export interface ConsentWindow {
  readonly startAtMs: number;
  /** Exclusive end. */
  readonly endAtMs: number;
  /** IANA time zone the buyer spoke in. */
  readonly timeZone: string;
  /** The buyer's words that set the window, verbatim. */
  readonly sourceText: string;
}

/** What a grant asserts, as verified (or as about to be signed). */
export interface GrantClaims {
  readonly grantId: string;
  /** The only interaction the grant may act on. */
  readonly interactionId: string;
  /** Intent version the decision was made on. */
  readonly intentVersion: number;
  /** Actions granted, e.g. "transfer.live". */
  readonly scopes: readonly string[];
  readonly issuedAtMs: number;
  /** The grant is void after this instant. */
  readonly expiresAtMs: number;
  /** Issuing principal, e.g. "agent:escalation-governor". */
  readonly issuer: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly constraints: GrantConstraints;
  /** Checked in order; the first matching rule wins. */
  readonly fallbackRules: readonly FallbackRule[];
  /** Scopes usable only while carrying out a fallback rule. */
  readonly fallbackScopes: readonly string[];
  readonly transferMode: warmline.v1.TransferMode;
  /** `null` when the buyer gave no window. */
  readonly consentWindow: ConsentWindow | null;
  readonly campaignId: string;
  /** The EscalationDecision that issued the grant. */
  readonly decisionId: string;
}
