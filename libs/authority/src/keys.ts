// ed25519 keys in NATS nkey form: a seed ("S...") signs, a public key ("A...", "U...") names the
// issuer in AuthorityGrant.key_id and verifies. The nkeys KeyPair stays inside this file.
import { createAccount, fromPublic, fromSeed, type KeyPair } from '@nats-io/nkeys';
import { DEFAULT_SIGNING_SEED_ENV, DEFAULT_TRUSTED_KEYS_ENV } from './constants.js';
import { AuthorityConfigError, SigningKeyError } from './errors.js';

/** A private key that signs grant claims. Holds the seed in memory; never log it. */
export interface SigningKey {
  /** The nkey public key, written to AuthorityGrant.key_id. */
  readonly publicKey: string;
  /** ed25519 signature (64 bytes) over `data`. */
  sign(data: Uint8Array): Uint8Array;
}

/** A freshly generated key pair, for development, tests and provisioning scripts. */
export interface GeneratedSigningKey {
  /** The nkey seed ("SA..."): the secret to put in the governor's environment. */
  readonly seed: string;
  /** The nkey public key ("A..."): what consumers list as a trusted issuer. */
  readonly publicKey: string;
}

/** A trusted issuer's public key. */
export interface VerifyingKey {
  readonly publicKey: string;
  /** True when `signature` is a valid ed25519 signature of `data` by this key. */
  verify(data: Uint8Array, signature: Uint8Array): boolean;
}

// Curve keys ("X...") encrypt; they cannot sign, so they are never an issuer.
const CURVE_KEY_PREFIX = 'X';

/** Generates a new issuer key pair (an nkey account key). */
export function generateSigningKey(): GeneratedSigningKey {
  const pair = createAccount();
  return { seed: new TextDecoder().decode(pair.getSeed()), publicKey: pair.getPublicKey() };
}

/**
 * Loads a signing key from an nkey seed string. `source` names where the seed came from for the
 * error message (the seed itself never appears in an error). Throws SigningKeyError when the seed
 * is empty, malformed, fails its checksum or is a curve (encryption-only) seed.
 */
export function signingKeyFromSeed(seed: string, source = 'seed'): SigningKey {
  const text = seed.trim();
  if (text === '') throw new SigningKeyError(source, `${source}: the nkey seed is empty`);
  const pair = pairFromSeed(text, source);
  const publicKey = pair.getPublicKey();
  if (publicKey.startsWith(CURVE_KEY_PREFIX)) {
    throw new SigningKeyError(
      source,
      `${source}: a curve nkey seed cannot sign; use an account or user seed`,
    );
  }
  return { publicKey, sign: (data) => pair.sign(data) };
}

/**
 * Loads the signing key from environment variable `variable` (default WARMLINE_GRANT_SIGNING_SEED).
 * Throws SigningKeyError naming the variable when it is unset or malformed.
 */
export function signingKeyFromEnv(
  variable: string = DEFAULT_SIGNING_SEED_ENV,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SigningKey {
  const source = `environment variable ${variable}`;
  const value = env[variable];
  if (value === undefined) throw new SigningKeyError(source, `${source} is not set`);
  return signingKeyFromSeed(value, source);
}

/**
 * Parses a trusted issuer's nkey public key. Throws AuthorityConfigError (field `field`) for a
 * malformed key, a seed pasted by mistake, or a curve key.
 */
export function verifyingKeyFromPublic(
  publicKey: string,
  field = 'trustedIssuerKeys',
): VerifyingKey {
  const text = publicKey.trim();
  if (text.startsWith('S')) {
    // Never echo it: it is a secret.
    throw new AuthorityConfigError(field, `${field}: got an nkey seed where a public key belongs`);
  }
  const pair = pairFromPublic(text, field);
  if (text.startsWith(CURVE_KEY_PREFIX)) {
    throw new AuthorityConfigError(field, `${field}: ${text} is a curve key, which cannot sign`);
  }
  return { publicKey: text, verify: (data, signature) => verifies(pair, data, signature) };
}

/**
 * Reads the trusted issuer public keys from environment variable `variable` (default
 * WARMLINE_GRANT_TRUSTED_KEYS), separated by commas or whitespace, each checked as by
 * verifyingKeyFromPublic. Throws AuthorityConfigError naming the variable when it is unset, empty
 * or holds a malformed key.
 */
export function trustedIssuerKeysFromEnv(
  variable: string = DEFAULT_TRUSTED_KEYS_ENV,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
  const keys = (env[variable] ?? '').split(/[\s,]+/).filter((key) => key !== '');
  if (keys.length === 0) {
    throw new AuthorityConfigError(
      variable,
      `environment variable ${variable} lists no issuer keys`,
    );
  }
  return keys.map((key, i) => verifyingKeyFromPublic(key, `${variable}[${i}]`).publicKey);
}

function pairFromSeed(seed: string, source: string): KeyPair {
  try {
    const pair = fromSeed(new TextEncoder().encode(seed));
    pair.getPublicKey(); // derives and checks the key now rather than at the first signature
    return pair;
  } catch (cause) {
    throw new SigningKeyError(source, `${source}: not a valid nkey seed (${reason(cause)})`, {
      cause,
    });
  }
}

function pairFromPublic(publicKey: string, field: string): KeyPair {
  try {
    return fromPublic(publicKey);
  } catch (cause) {
    throw new AuthorityConfigError(
      field,
      `${field}: ${JSON.stringify(publicKey)} is not a valid nkey public key (${reason(cause)})`,
      { cause },
    );
  }
}

// tweetnacl throws on a signature of the wrong size; for a verifier that is simply "does not verify".
function verifies(pair: KeyPair, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return pair.verify(data, signature);
  } catch {
    return false;
  }
}

function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
