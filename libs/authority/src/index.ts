// Public face of @warmline/authority: issue, sign and verify the escalation governor's
// AuthorityGrants (ed25519 nkeys), the named refusals, scope names and the clock abstraction.
export type { ConsentWindow, FallbackRule, GrantClaims, GrantConstraints } from './claims.js';
export { decodeGrantClaims } from './claims-codec.js';
export { manualClock, systemClock } from './clock.js';
export type { Clock, ManualClock } from './clock.js';
export {
  DEFAULT_GRANT_TTL_MS,
  DEFAULT_ISSUER,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  DEFAULT_SIGNING_SEED_ENV,
  DEFAULT_TRUSTED_KEYS_ENV,
  MAX_CLOCK_SKEW_LIMIT_MS,
  MAX_GRANT_TTL_MS,
} from './constants.js';
export {
  AuthorityConfigError,
  AuthorityError,
  GrantClaimsInvalidError,
  GrantExpiredError,
  GrantInteractionMismatchError,
  GrantMalformedError,
  GrantNotYetValidError,
  GrantRefusedError,
  GrantScopeError,
  GrantSignatureInvalidError,
  GrantStaleIntentError,
  GrantUntrustedIssuerError,
  SigningKeyError,
  isAuthorityError,
  isGrantRefused,
} from './errors.js';
export type { AuthorityErrorCode, GrantRefusalCode } from './errors.js';
export { GrantSigner } from './grant-signer.js';
export type { GrantClaimsInput, GrantSignerOptions } from './grant-signer.js';
export { GrantVerifier } from './grant-verifier.js';
export type { GrantExpectation, GrantVerifierOptions } from './grant-verifier.js';
export { grantIdempotencyKey } from './idempotency.js';
export {
  generateSigningKey,
  signingKeyFromEnv,
  signingKeyFromSeed,
  trustedIssuerKeysFromEnv,
} from './keys.js';
export type { GeneratedSigningKey, SigningKey } from './keys.js';
export { SCOPES, isScopeName } from './scopes.js';
export type { GrantScope } from '@warmline/contracts';
