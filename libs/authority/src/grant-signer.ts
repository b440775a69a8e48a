// The issuing side: the escalation governor turns an authorised decision into a signed grant.
import { isValidId, v1, type warmline } from '@warmline/contracts';
import type { ConsentWindow, FallbackRule, GrantClaims, GrantConstraints } from './claims.js';
import { encodeGrantClaims } from './claims-codec.js';
import { claimsProblem, type ClaimsProblem } from './claims-rules.js';
import { systemClock, type Clock } from './clock.js';
import { DEFAULT_GRANT_TTL_MS, DEFAULT_ISSUER, MAX_GRANT_TTL_MS } from './constants.js';
import { AuthorityConfigError, GrantClaimsInvalidError } from './errors.js';
import type { SigningKey } from './keys.js';

/** How a GrantSigner is set up. */
export interface GrantSignerOptions {
  /** The governor's key (see signingKeyFromEnv / signingKeyFromSeed). */
  readonly signingKey: SigningKey;
  /** Principal written to GrantClaims.issuer; default "agent:escalation-governor". */
  readonly issuer?: string;
  /** Default grant lifetime, 1..MAX_GRANT_TTL_MS; default DEFAULT_GRANT_TTL_MS. */
  readonly ttlMs?: number;
  /** Source of `now` when issue() is not given one; default the system clock. */
  readonly clock?: Clock;
  /** Grant id generator; default crypto.randomUUID (must yield [A-Za-z0-9_-]{1,128}). */
  readonly newGrantId?: () => string;
}

/** What the governor decided; the signer adds id, issuer, times and the signature. */
export interface GrantClaimsInput {
  readonly interactionId: string;
  /** Intent version the decision was made on (>= 1). */
  readonly intentVersion: number;
  /** At least one action, e.g. [SCOPES.transferLive]. */
  readonly scopes: readonly string[];
  readonly policyId: string;
  readonly policyVersion: number;
  /** The EscalationDecision.decision_id issuing this grant. */
  readonly decisionId: string;
  readonly campaignId?: string;
  /** Missing limits are 0 = policy default. */
  readonly constraints?: Partial<GrantConstraints>;
  readonly fallbackRules?: readonly FallbackRule[];
  readonly fallbackScopes?: readonly string[];
  /** Default TRANSFER_MODE_UNSPECIFIED, which executors treat as warm. */
  readonly transferMode?: warmline.v1.TransferMode;
  readonly consentWindow?: ConsentWindow | null;
  /** Lifetime of this grant, overriding the signer's default. */
  readonly ttlMs?: number;
}

/** Issues signed AuthorityGrants with the governor's key. */
export class GrantSigner {
  private readonly signingKey: SigningKey;
  private readonly issuer: string;
  private readonly ttlMs: number;
  private readonly clock: Clock;
  private readonly newGrantId: () => string;

  constructor(options: GrantSignerOptions) {
    this.signingKey = options.signingKey;
    this.issuer = options.issuer ?? DEFAULT_ISSUER;
    if (this.issuer.trim() === '') {
      throw new AuthorityConfigError('issuer', 'issuer must be a non-empty principal');
    }
    this.ttlMs = options.ttlMs ?? DEFAULT_GRANT_TTL_MS;
    const ttlProblem = checkTtl(this.ttlMs);
    if (ttlProblem) throw new AuthorityConfigError('ttlMs', ttlProblem);
    this.clock = options.clock ?? systemClock;
    this.newGrantId = options.newGrantId ?? (() => globalThis.crypto.randomUUID());
  }

  /** The public key grants are signed with: what verifiers list as a trusted issuer. */
  get keyId(): string {
    return this.signingKey.publicKey;
  }

  /**
   * Signs a grant for `input`, issued at `now` (ms, default the signer's clock) and expiring
   * `ttlMs` later. Throws GrantClaimsInvalidError for claims no verifier would accept.
   */
  issue(input: GrantClaimsInput, now: number = this.clock()): warmline.v1.AuthorityGrant {
    const claims = this.claimsFor(input, now);
    const bytes = encodeGrantClaims(claims);
    return v1.AuthorityGrant.create({
      claims: bytes,
      signature: this.signingKey.sign(bytes),
      keyId: this.signingKey.publicKey,
    });
  }

  private claimsFor(input: GrantClaimsInput, now: number): GrantClaims {
    const ttlMs = input.ttlMs ?? this.ttlMs;
    const ttlProblem = checkTtl(ttlMs);
    if (ttlProblem) throw new GrantClaimsInvalidError('ttlMs', ttlProblem);
    if (!Number.isFinite(now))
      throw new GrantClaimsInvalidError('now', `now must be finite, got ${now}`);
    // Timestamps carry whole milliseconds, so the verifier sees exactly what was signed.
    const issuedAtMs = Math.floor(now);
    const claims = assembleClaims(input, {
      grantId: this.newGrantId(),
      issuer: this.issuer,
      issuedAtMs,
      expiresAtMs: issuedAtMs + ttlMs,
    });
    const problem = provenanceProblem(input) ?? claimsProblem(claims);
    if (problem) throw new GrantClaimsInvalidError(problem.field, problem.message);
    return claims;
  }
}

type SignerFields = Pick<GrantClaims, 'grantId' | 'issuer' | 'issuedAtMs' | 'expiresAtMs'>;

function assembleClaims(input: GrantClaimsInput, fields: SignerFields): GrantClaims {
  return {
    ...fields,
    interactionId: input.interactionId,
    intentVersion: input.intentVersion,
    scopes: [...input.scopes],
    policyId: input.policyId,
    policyVersion: input.policyVersion,
    constraints: {
      maxAttempts: input.constraints?.maxAttempts ?? 0,
      escalationLimit: input.constraints?.escalationLimit ?? 0,
      reservationTimeoutMs: input.constraints?.reservationTimeoutMs ?? 0,
      readinessWindowMs: input.constraints?.readinessWindowMs ?? 0,
    },
    fallbackRules: [...(input.fallbackRules ?? [])],
    fallbackScopes: [...(input.fallbackScopes ?? [])],
    transferMode: input.transferMode ?? v1.TransferMode.TRANSFER_MODE_UNSPECIFIED,
    consentWindow: input.consentWindow ?? null,
    campaignId: input.campaignId ?? '',
    decisionId: input.decisionId,
  };
}

// Verifiers do not need these, but the audit trail does: every grant names its policy and decision.
function provenanceProblem(input: GrantClaimsInput): ClaimsProblem | null {
  if (input.policyId.trim() === '') return { field: 'policyId', message: 'policyId is required' };
  return isValidId(input.decisionId)
    ? null
    : { field: 'decisionId', message: `decisionId must match [A-Za-z0-9_-]{1,128}` };
}

function checkTtl(ttlMs: number): string | null {
  return Number.isInteger(ttlMs) && ttlMs >= 1 && ttlMs <= MAX_GRANT_TTL_MS
    ? null
    : `ttlMs must be an integer in 1..${MAX_GRANT_TTL_MS}, got ${ttlMs}`;
}
