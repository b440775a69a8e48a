// The consuming side: before any effect (a transfer, a booking) the executor proves that the grant
// it carries was issued by a trusted governor, is current, and covers this interaction and action.
import type { warmline } from '@warmline/contracts';
import type { GrantClaims } from './claims.js';
import { decodeGrantClaims } from './claims-codec.js';
import { systemClock, type Clock } from './clock.js';
import {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  ED25519_SIGNATURE_BYTES,
  MAX_CLOCK_SKEW_LIMIT_MS,
} from './constants.js';
import {
  AuthorityConfigError,
  GrantExpiredError,
  GrantInteractionMismatchError,
  GrantMalformedError,
  GrantNotYetValidError,
  GrantScopeError,
  GrantSignatureInvalidError,
  GrantStaleIntentError,
  GrantUntrustedIssuerError,
} from './errors.js';
import { verifyingKeyFromPublic, type VerifyingKey } from './keys.js';

/** How a GrantVerifier is set up. */
export interface GrantVerifierOptions {
  /** nkey public keys of the governors whose grants are accepted (at least one). */
  readonly trustedIssuerKeys: readonly string[];
  /** Clock difference tolerated on issue and expiry, 0..MAX_CLOCK_SKEW_LIMIT_MS; default 2 s. */
  readonly maxClockSkewMs?: number;
  /** Source of `now` when verify() is not given one; default the system clock. */
  readonly clock?: Clock;
}

/** What the consumer knows and is about to do. */
export interface GrantExpectation {
  /** The interaction the effect acts on. */
  readonly interactionId: string;
  /**
   * The current intent version the consumer knows. A grant decided on an older version is stale;
   * one decided on a newer version (the consumer's view lags the governor's) is accepted.
   */
  readonly intentVersion: number;
  /** The scope the effect needs, e.g. SCOPES.transferLive. */
  readonly requiredScope: string;
  /** True while carrying out one of the grant's fallback rules: fallback_scopes count too. */
  readonly viaFallback?: boolean;
}

/**
 * Verifies AuthorityGrants. Stateless: it does not remember grants it has seen, so replay of a
 * valid grant is stopped by the consumer keying its effect with grantIdempotencyKey().
 */
export class GrantVerifier {
  private readonly trusted: ReadonlyMap<string, VerifyingKey>;
  private readonly maxClockSkewMs: number;
  private readonly clock: Clock;

  constructor(options: GrantVerifierOptions) {
    this.trusted = trustedKeys(options.trustedIssuerKeys);
    this.maxClockSkewMs = clockSkew(options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS);
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Returns the grant's claims when it may authorise `expectation` at `now` (ms, default the
   * verifier's clock); otherwise throws the GrantRefusedError of the first failed check:
   * GRANT_MALFORMED, GRANT_UNTRUSTED_ISSUER, GRANT_SIGNATURE_INVALID, then (on the authenticated
   * claims) GRANT_MALFORMED, GRANT_NOT_YET_VALID, GRANT_EXPIRED, GRANT_INTERACTION_MISMATCH,
   * GRANT_STALE_INTENT, GRANT_SCOPE_MISSING.
   */
  verify(
    grant: warmline.v1.IAuthorityGrant | null | undefined,
    expectation: GrantExpectation,
    now: number = this.clock(),
  ): GrantClaims {
    const parts = grantParts(grant);
    this.authenticate(parts);
    // Claims are decoded only once the signature has proved who wrote them.
    const claims = decodeGrantClaims(parts.claims);
    this.checkValidity(claims, now);
    checkBinding(claims, expectation);
    return claims;
  }

  private authenticate(parts: GrantParts): void {
    const key = this.trusted.get(parts.keyId);
    if (!key) throw new GrantUntrustedIssuerError(parts.keyId);
    if (!key.verify(parts.claims, parts.signature)) {
      throw new GrantSignatureInvalidError(parts.keyId);
    }
  }

  private checkValidity(claims: GrantClaims, now: number): void {
    const skew = this.maxClockSkewMs;
    if (claims.issuedAtMs > now + skew) {
      throw new GrantNotYetValidError(claims.grantId, claims.issuedAtMs, now, skew);
    }
    // expires_at is the last valid instant ("after this instant the grant is void").
    if (now > claims.expiresAtMs + skew) {
      throw new GrantExpiredError(claims.grantId, claims.expiresAtMs, now, skew);
    }
  }
}

interface GrantParts {
  readonly claims: Uint8Array;
  readonly signature: Uint8Array;
  readonly keyId: string;
}

function grantParts(grant: warmline.v1.IAuthorityGrant | null | undefined): GrantParts {
  if (!grant) throw new GrantMalformedError('grant', 'no authority grant');
  const { claims, signature, keyId } = grant;
  if (!claims || claims.length === 0)
    throw new GrantMalformedError('claims', 'grant has no claims');
  if (!signature || signature.length !== ED25519_SIGNATURE_BYTES) {
    throw new GrantMalformedError(
      'signature',
      `grant signature must be ${ED25519_SIGNATURE_BYTES} bytes, got ${signature?.length ?? 0}`,
    );
  }
  if (!keyId) throw new GrantMalformedError('key_id', 'grant has no key_id');
  return { claims, signature, keyId };
}

function checkBinding(claims: GrantClaims, expectation: GrantExpectation): void {
  if (claims.interactionId !== expectation.interactionId) {
    throw new GrantInteractionMismatchError(
      claims.grantId,
      claims.interactionId,
      expectation.interactionId,
    );
  }
  if (claims.intentVersion < expectation.intentVersion) {
    throw new GrantStaleIntentError(
      claims.grantId,
      claims.intentVersion,
      expectation.intentVersion,
    );
  }
  const granted = expectation.viaFallback
    ? [...claims.scopes, ...claims.fallbackScopes]
    : claims.scopes;
  if (!granted.includes(expectation.requiredScope)) {
    throw new GrantScopeError(claims.grantId, expectation.requiredScope, granted);
  }
}

function trustedKeys(keys: readonly string[]): ReadonlyMap<string, VerifyingKey> {
  if (keys.length === 0) {
    throw new AuthorityConfigError(
      'trustedIssuerKeys',
      'at least one trusted issuer key is required',
    );
  }
  const parsed = keys.map((key, i) => verifyingKeyFromPublic(key, `trustedIssuerKeys[${i}]`));
  return new Map(parsed.map((key) => [key.publicKey, key]));
}

function clockSkew(ms: number): number {
  if (Number.isInteger(ms) && ms >= 0 && ms <= MAX_CLOCK_SKEW_LIMIT_MS) return ms;
  throw new AuthorityConfigError(
    'maxClockSkewMs',
    `maxClockSkewMs must be an integer in 0..${MAX_CLOCK_SKEW_LIMIT_MS}, got ${ms}`,
  );
}
