/** Clock skew a verifier tolerates by default, in milliseconds. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 2_000;

/** The largest skew a verifier may be configured with: beyond it expiry would stop meaning much. */
export const MAX_CLOCK_SKEW_LIMIT_MS = 30_000;

/** Lifetime of a grant unless the signer or the issue call says otherwise, in milliseconds. */
export const DEFAULT_GRANT_TTL_MS = 120_000;

/**
 * The longest lifetime a grant may be issued with. A grant authorises acting on a buyer who is on
 * the line now; a longer-lived grant would outlast the readiness it was decided on.
 */
export const MAX_GRANT_TTL_MS = 3_600_000;

/** Principal written into GrantClaims.issuer unless the signer is told otherwise. */
export const DEFAULT_ISSUER = 'agent:escalation-governor';

/** Environment variable that holds the governor's nkey seed by default. */
export const DEFAULT_SIGNING_SEED_ENV = 'WARMLINE_GRANT_SIGNING_SEED';

/** Length of an ed25519 signature in bytes. */
export const ED25519_SIGNATURE_BYTES = 64;

/** Environment variable that lists the trusted issuer public keys by default (comma/space separated). */
export const DEFAULT_TRUSTED_KEYS_ENV = 'WARMLINE_GRANT_TRUSTED_KEYS';
