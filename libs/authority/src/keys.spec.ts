import { createCurve } from '@nats-io/nkeys';
import { AuthorityConfigError, SigningKeyError } from './errors.js';
import {
  generateSigningKey,
  signingKeyFromEnv,
  signingKeyFromSeed,
  trustedIssuerKeysFromEnv,
  verifyingKeyFromPublic,
} from './keys.js';

/** The error `run` throws (fails the test when it throws nothing). */
function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

/** `seed` with one character changed: still base32, but the checksum no longer matches. */
function corrupt(seed: string): string {
  const i = 20;
  return seed.slice(0, i) + (seed[i] === 'A' ? 'B' : 'A') + seed.slice(i + 1);
}

describe('signing keys', () => {
  it('generates an account key pair whose seed loads back to the same public key', () => {
    const generated = generateSigningKey();

    expect(generated.seed).toMatch(/^SA[A-Z2-7]{56}$/);
    expect(generated.publicKey).toMatch(/^A[A-Z2-7]{55}$/);
    expect(signingKeyFromSeed(generated.seed).publicKey).toBe(generated.publicKey);
    expect(generateSigningKey().publicKey).not.toBe(generated.publicKey);
  });

  it('signs so that the matching public key verifies, and nothing else does', () => {
    const key = signingKeyFromSeed(generateSigningKey().seed);
    const data = new TextEncoder().encode('claims');
    const signature = key.sign(data);

    expect(verifyingKeyFromPublic(key.publicKey).verify(data, signature)).toBe(true);
    expect(verifyingKeyFromPublic(generateSigningKey().publicKey).verify(data, signature)).toBe(
      false,
    );
    expect(verifyingKeyFromPublic(key.publicKey).verify(data, signature.subarray(1))).toBe(false);
  });

  it('tolerates surrounding whitespace in a seed (as pasted into a secret)', () => {
    const { seed, publicKey } = generateSigningKey();
    expect(signingKeyFromSeed(`  ${seed}\n`).publicKey).toBe(publicKey);
  });

  it.each([
    ['an empty seed', () => '', /the nkey seed is empty/],
    [
      'a seed with a bad checksum',
      () => corrupt(generateSigningKey().seed),
      /not a valid nkey seed/,
    ],
    ['a public key', () => generateSigningKey().publicKey, /not a valid nkey seed/],
    [
      'a curve seed',
      () => new TextDecoder().decode(createCurve().getSeed()),
      /curve nkey seed cannot sign/,
    ],
  ])('refuses %s, naming the source and never the seed', (_, make, pattern) => {
    const seed = make();
    const err = errorOf(() => signingKeyFromSeed(seed, 'governor seed file'));

    expect(err).toBeInstanceOf(SigningKeyError);
    expect(err).toMatchObject({ code: 'SIGNING_KEY_INVALID', source: 'governor seed file' });
    expect(err.message).toMatch(pattern);
    expect(err.message).toMatch(/^governor seed file: /);
    if (seed !== '') expect(err.message).not.toContain(seed.trim());
  });

  it('loads the seed from an environment variable', () => {
    const { seed, publicKey } = generateSigningKey();
    expect(signingKeyFromEnv('GOV_SEED', { GOV_SEED: seed }).publicKey).toBe(publicKey);
    expect(signingKeyFromEnv(undefined, { WARMLINE_GRANT_SIGNING_SEED: seed }).publicKey).toBe(
      publicKey,
    );
  });

  it('names the environment variable when it is unset or malformed', () => {
    expect(errorOf(() => signingKeyFromEnv('GOV_SEED', {})).message).toBe(
      'environment variable GOV_SEED is not set',
    );
    const bad = corrupt(generateSigningKey().seed);
    const err = errorOf(() => signingKeyFromEnv('GOV_SEED', { GOV_SEED: bad }));
    expect(err.message).toMatch(/^environment variable GOV_SEED: not a valid nkey seed/);
    expect(err.message).not.toContain(bad);
  });
});

describe('trusted issuer keys', () => {
  it('reads a comma or whitespace separated list from the environment', () => {
    const a = generateSigningKey().publicKey;
    const b = generateSigningKey().publicKey;

    expect(trustedIssuerKeysFromEnv('KEYS', { KEYS: ` ${a},\n${b} ` })).toEqual([a, b]);
    expect(trustedIssuerKeysFromEnv(undefined, { WARMLINE_GRANT_TRUSTED_KEYS: a })).toEqual([a]);
  });

  it('refuses an unset or empty list and a malformed entry, naming the variable', () => {
    expect(() => trustedIssuerKeysFromEnv('KEYS', {})).toThrow(
      expect.objectContaining({ code: 'AUTHORITY_CONFIG_INVALID', field: 'KEYS' }),
    );
    expect(() => trustedIssuerKeysFromEnv('KEYS', { KEYS: ' , ' })).toThrow(AuthorityConfigError);
    const good = generateSigningKey().publicKey;
    expect(() => trustedIssuerKeysFromEnv('KEYS', { KEYS: `${good},UNOPE` })).toThrow(
      expect.objectContaining({ field: 'KEYS[1]' }),
    );
  });

  it('refuses a curve public key', () => {
    expect(() => verifyingKeyFromPublic(createCurve().getPublicKey())).toThrow(/curve key/);
  });
});
