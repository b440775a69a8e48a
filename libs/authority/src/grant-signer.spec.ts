import { v1 } from '@warmline/contracts';
import { GRANT_TTL_MS, T0, newGovernor, transferInput } from './__fixtures__/grants.js';
import { decodeGrantClaims } from './claims-codec.js';
import { manualClock } from './clock.js';
import { DEFAULT_GRANT_TTL_MS, MAX_GRANT_TTL_MS } from './constants.js';
import { AuthorityConfigError, GrantClaimsInvalidError } from './errors.js';
import { GrantSigner } from './grant-signer.js';
import { generateSigningKey, signingKeyFromSeed } from './keys.js';

const signingKey = signingKeyFromSeed(generateSigningKey().seed);

describe('GrantSigner.issue', () => {
  it('signs the claims with the governor key and names that key', () => {
    const { key, signer } = newGovernor();
    const grant = signer.issue(transferInput(), T0);

    expect(grant).toBeInstanceOf(v1.AuthorityGrant);
    expect(grant.keyId).toBe(key.publicKey);
    expect(signer.keyId).toBe(key.publicKey);
    expect(grant.signature).toHaveLength(64);
    expect(Buffer.from(grant.signature).equals(Buffer.from(key.sign(grant.claims)))).toBe(true);
  });

  it('stamps issue and expiry times from now and the ttl', () => {
    const { signer } = newGovernor();
    const claims = decodeGrantClaims(signer.issue(transferInput(), T0 + 0.7).claims);

    expect(claims.issuedAtMs).toBe(T0);
    expect(claims.expiresAtMs).toBe(T0 + GRANT_TTL_MS);
  });

  it('lets one grant override the default lifetime', () => {
    const { signer } = newGovernor();
    const claims = decodeGrantClaims(signer.issue(transferInput({ ttlMs: 5_000 }), T0).claims);

    expect(claims.expiresAtMs - claims.issuedAtMs).toBe(5_000);
  });

  it('defaults to its clock, a 2 minute lifetime and a random UUID grant id', () => {
    const clock = manualClock(T0);
    const signer = new GrantSigner({ signingKey, clock });
    const first = decodeGrantClaims(signer.issue(transferInput()).claims);
    clock.advance(1_000);
    const second = decodeGrantClaims(signer.issue(transferInput()).claims);

    expect(first.issuedAtMs).toBe(T0);
    expect(first.expiresAtMs).toBe(T0 + DEFAULT_GRANT_TTL_MS);
    expect(second.issuedAtMs).toBe(T0 + 1_000);
    expect(first.grantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second.grantId).not.toBe(first.grantId);
    expect(first.issuer).toBe('agent:escalation-governor');
  });

  it('fills absent optional claims with their defaults', () => {
    const { signer } = newGovernor();
    const input = transferInput({
      campaignId: undefined,
      constraints: { maxAttempts: 3 },
      fallbackRules: undefined,
      fallbackScopes: undefined,
      transferMode: undefined,
      consentWindow: undefined,
    });
    const claims = decodeGrantClaims(signer.issue(input, T0).claims);

    expect(claims).toMatchObject({
      campaignId: '',
      constraints: {
        maxAttempts: 3,
        escalationLimit: 0,
        reservationTimeoutMs: 0,
        readinessWindowMs: 0,
      },
      fallbackRules: [],
      fallbackScopes: [],
      transferMode: v1.TransferMode.TRANSFER_MODE_UNSPECIFIED,
      consentWindow: null,
    });
  });

  it.each([
    ['interactionId', { interactionId: 'call.with.dots' }],
    ['interactionId', { interactionId: '' }],
    ['intentVersion', { intentVersion: 0 }],
    ['intentVersion', { intentVersion: 2.5 }],
    ['scopes', { scopes: [] }],
    ['scopes', { scopes: ['Transfer Live'] }],
    ['fallbackScopes', { fallbackScopes: ['appointment'] }],
    ['policyId', { policyId: ' ' }],
    ['decisionId', { decisionId: '' }],
    ['policyVersion', { policyVersion: -1 }],
    ['constraints.maxAttempts', { constraints: { maxAttempts: 2 ** 32 } }],
    [
      'consentWindow',
      { consentWindow: { startAtMs: T0, endAtMs: T0, timeZone: 'UTC', sourceText: '' } },
    ],
    ['ttlMs', { ttlMs: 0 }],
    ['ttlMs', { ttlMs: MAX_GRANT_TTL_MS + 1 }],
  ])('refuses to sign claims with a bad %s', (field, overrides) => {
    const { signer } = newGovernor();
    expect(() => signer.issue(transferInput(overrides), T0)).toThrow(
      expect.objectContaining({ code: 'GRANT_CLAIMS_INVALID', field }),
    );
  });

  it('refuses a non-finite now', () => {
    const { signer } = newGovernor();
    expect(() => signer.issue(transferInput(), Number.NaN)).toThrow(GrantClaimsInvalidError);
  });

  it('refuses a grant id generator that yields an unusable id', () => {
    const signer = new GrantSigner({ signingKey, newGrantId: () => 'not/an/id' });
    expect(() => signer.issue(transferInput(), T0)).toThrow(
      expect.objectContaining({ code: 'GRANT_CLAIMS_INVALID', field: 'grantId' }),
    );
  });
});

describe('GrantSigner options', () => {
  it.each([0, -5, 1.5, MAX_GRANT_TTL_MS + 1])('refuses a default ttl of %p', (ttlMs) => {
    expect(() => new GrantSigner({ signingKey, ttlMs })).toThrow(AuthorityConfigError);
  });

  it('refuses an empty issuer', () => {
    expect(() => new GrantSigner({ signingKey, issuer: '' })).toThrow(
      expect.objectContaining({ code: 'AUTHORITY_CONFIG_INVALID', field: 'issuer' }),
    );
  });

  it('writes a configured issuer into the claims', () => {
    const signer = new GrantSigner({ signingKey, issuer: 'agent:governor-eu' });
    expect(decodeGrantClaims(signer.issue(transferInput(), T0).claims).issuer).toBe(
      'agent:governor-eu',
    );
  });
});
