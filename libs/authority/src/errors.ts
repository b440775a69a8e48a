// Every error of this library carries a stable `code`. A consumer dead-letters a refused grant with
// DeadLetterReason GRANT_REFUSED and `error_code` = the refusal's code (e.g. "GRANT_EXPIRED").

/** Codes of the reasons a grant is refused by GrantVerifier, in the order they are checked. */
export type GrantRefusalCode =
  | 'GRANT_MALFORMED'
  | 'GRANT_UNTRUSTED_ISSUER'
  | 'GRANT_SIGNATURE_INVALID'
  | 'GRANT_NOT_YET_VALID'
  | 'GRANT_EXPIRED'
  | 'GRANT_INTERACTION_MISMATCH'
  | 'GRANT_STALE_INTENT'
  | 'GRANT_SCOPE_MISSING';

/** Every code an AuthorityError can carry. */
export type AuthorityErrorCode =
  | GrantRefusalCode
  | 'GRANT_CLAIMS_INVALID'
  | 'SIGNING_KEY_INVALID'
  | 'AUTHORITY_CONFIG_INVALID';

/** Base class of every error thrown by @warmline/authority. */
export abstract class AuthorityError extends Error {
  abstract readonly code: AuthorityErrorCode;
}

/** True when `err` is one of this library's errors. */
export function isAuthorityError(err: unknown): err is AuthorityError {
  return err instanceof AuthorityError;
}

/** A grant failed verification: the effect it asked for must not happen. */
export abstract class GrantRefusedError extends AuthorityError {
  abstract override readonly code: GrantRefusalCode;

  /** Id of the refused grant; `null` when it was refused before its claims could be trusted. */
  abstract readonly grantId: string | null;
}

/** True when `err` says a grant was refused (as opposed to a configuration or signing problem). */
export function isGrantRefused(err: unknown): err is GrantRefusedError {
  return err instanceof GrantRefusedError;
}

/** No grant, a missing claims/signature/key_id, or claims that do not decode into a usable GrantClaims. */
export class GrantMalformedError extends GrantRefusedError {
  readonly code = 'GRANT_MALFORMED';
  readonly grantId = null;

  constructor(
    /** The offending field, e.g. "signature" or "claims.expires_at". */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GrantMalformedError';
  }
}

/** The grant's key_id is not one of the verifier's trusted issuer keys: it was signed by another key. */
export class GrantUntrustedIssuerError extends GrantRefusedError {
  readonly code = 'GRANT_UNTRUSTED_ISSUER';
  readonly grantId = null;

  constructor(readonly keyId: string) {
    super(`grant signed by untrusted key ${keyId}`);
    this.name = 'GrantUntrustedIssuerError';
  }
}

/** The signature does not match the claims under the named key: forged or tampered. */
export class GrantSignatureInvalidError extends GrantRefusedError {
  readonly code = 'GRANT_SIGNATURE_INVALID';
  readonly grantId = null;

  constructor(readonly keyId: string) {
    super(`grant signature does not verify under key ${keyId}`);
    this.name = 'GrantSignatureInvalidError';
  }
}

/** The grant was issued later than now plus the tolerated clock skew. */
export class GrantNotYetValidError extends GrantRefusedError {
  readonly code = 'GRANT_NOT_YET_VALID';

  constructor(
    readonly grantId: string,
    readonly issuedAtMs: number,
    readonly nowMs: number,
    readonly maxClockSkewMs: number,
  ) {
    super(
      `grant ${grantId} is issued ${issuedAtMs - nowMs} ms in the future (skew tolerated: ${maxClockSkewMs} ms)`,
    );
    this.name = 'GrantNotYetValidError';
  }
}

/** The grant expired more than the tolerated clock skew ago. */
export class GrantExpiredError extends GrantRefusedError {
  readonly code = 'GRANT_EXPIRED';

  constructor(
    readonly grantId: string,
    readonly expiresAtMs: number,
    readonly nowMs: number,
    readonly maxClockSkewMs: number,
  ) {
    super(
      `grant ${grantId} expired ${nowMs - expiresAtMs} ms ago (skew tolerated: ${maxClockSkewMs} ms)`,
    );
    this.name = 'GrantExpiredError';
  }
}

/** The grant authorises a different interaction than the one being acted on. */
export class GrantInteractionMismatchError extends GrantRefusedError {
  readonly code = 'GRANT_INTERACTION_MISMATCH';

  constructor(
    readonly grantId: string,
    readonly grantInteractionId: string,
    readonly expectedInteractionId: string,
  ) {
    super(
      `grant ${grantId} is for interaction ${grantInteractionId}, not ${expectedInteractionId}`,
    );
    this.name = 'GrantInteractionMismatchError';
  }
}

/** The grant was decided on an intent version older than the one the consumer now knows. */
export class GrantStaleIntentError extends GrantRefusedError {
  readonly code = 'GRANT_STALE_INTENT';

  constructor(
    readonly grantId: string,
    readonly grantIntentVersion: number,
    readonly currentIntentVersion: number,
  ) {
    super(
      `grant ${grantId} was decided on intent version ${grantIntentVersion}; the current version is ${currentIntentVersion}`,
    );
    this.name = 'GrantStaleIntentError';
  }
}

/** The grant does not carry the scope the action needs. */
export class GrantScopeError extends GrantRefusedError {
  readonly code = 'GRANT_SCOPE_MISSING';

  constructor(
    readonly grantId: string,
    readonly requiredScope: string,
    readonly grantedScopes: readonly string[],
  ) {
    super(
      `grant ${grantId} lacks scope ${requiredScope} (granted: ${grantedScopes.join(', ') || 'none'})`,
    );
    this.name = 'GrantScopeError';
  }
}

/** The issuer was asked to sign claims that no verifier would accept (bad id, version, scope, ttl...). */
export class GrantClaimsInvalidError extends AuthorityError {
  readonly code = 'GRANT_CLAIMS_INVALID';

  constructor(
    /** The offending input field, e.g. "interactionId". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'GrantClaimsInvalidError';
  }
}

/** A signing seed is missing or malformed. The message names where it came from, never the seed. */
export class SigningKeyError extends AuthorityError {
  readonly code = 'SIGNING_KEY_INVALID';

  constructor(
    /** Where the seed came from, e.g. "env WARMLINE_GRANT_SIGNING_SEED". */
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SigningKeyError';
  }
}

/** Signer or verifier options are invalid (skew out of range, untrusted key list empty...). */
export class AuthorityConfigError extends AuthorityError {
  readonly code = 'AUTHORITY_CONFIG_INVALID';

  constructor(
    /** The offending option, e.g. "maxClockSkewMs". */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthorityConfigError';
  }
}
