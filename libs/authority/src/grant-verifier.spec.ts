import { v1 } from '@warmline/contracts';
import {
  GRANT_TTL_MS,
  INTENT_VERSION,
  INTERACTION,
  T0,
  newConsumer,
  newGovernor,
  signedRaw,
  transferExpectation,
  transferInput,
  withParts,
} from './__fixtures__/grants.js';
import { encodeGrantClaims } from './claims-codec.js';
import { DEFAULT_MAX_CLOCK_SKEW_MS } from './constants.js';
import {
  AuthorityConfigError,
  GrantExpiredError,
  GrantInteractionMismatchError,
  GrantMalformedError,
  GrantScopeError,
  GrantStaleIntentError,
  GrantUntrustedIssuerError,
  isAuthorityError,
  isGrantRefused,
  type GrantRefusedError,
} from './errors.js';
import { GrantVerifier } from './grant-verifier.js';
import { generateSigningKey } from './keys.js';
import { SCOPES } from './scopes.js';

function refusalOf(run: () => unknown): GrantRefusedError {
  try {
    run();
  } catch (err) {
    if (isGrantRefused(err)) return err;
    throw err;
  }
  throw new Error('expected the grant to be refused, but it verified');
}

const governor = newGovernor();

describe('GrantVerifier.verify', () => {
  it('accepts a grant from a trusted governor and returns its claims', () => {
    const governor = newGovernor();
    const { verifier } = newConsumer(governor.key.publicKey);
    const grant = governor.signer.issue(transferInput(), T0);

    const claims = verifier.verify(grant, transferExpectation());

    expect(claims).toEqual({
      grantId: 'grant-1',
      interactionId: INTERACTION,
      intentVersion: INTENT_VERSION,
      scopes: ['transfer.live'],
      issuedAtMs: T0,
      expiresAtMs: T0 + GRANT_TTL_MS,
      issuer: 'agent:escalation-governor',
      policyId: 'solar-q4',
      policyVersion: 3,
      constraints: {
        maxAttempts: 2,
        escalationLimit: 1,
        reservationTimeoutMs: 15_000,
        readinessWindowMs: 90_000,
      },
      fallbackRules: transferInput().fallbackRules,
      fallbackScopes: ['appointment.book'],
      transferMode: v1.TransferMode.TRANSFER_MODE_WARM,
      consentWindow: transferInput().consentWindow,
      campaignId: 'solar',
      decisionId: 'dec-0001',
    });
  });

  it('accepts a grant after it travelled inside an encoded Envelope', () => {
    const governor = newGovernor();
    const { verifier } = newConsumer(governor.key.publicKey);
    const grant = governor.signer.issue(transferInput(), T0);
    const wire = v1.Envelope.encode({ interactionId: INTERACTION, authority: { grant } }).finish();

    const received = v1.Envelope.decode(wire).authority?.grant;

    expect(verifier.verify(received, transferExpectation()).grantId).toBe('grant-1');
  });

  it('accepts a grant decided on a newer intent version than the consumer has seen', () => {
    const { verifier } = newConsumer(governor.key.publicKey);
    const grant = governor.signer.issue(transferInput({ intentVersion: 9 }), T0);

    expect(verifier.verify(grant, transferExpectation({ intentVersion: 8 })).intentVersion).toBe(9);
  });

  it('accepts a fallback scope only while carrying out a fallback', () => {
    const governor = newGovernor();
    const { verifier } = newConsumer(governor.key.publicKey);
    const grant = governor.signer.issue(transferInput(), T0);
    const booking = transferExpectation({ requiredScope: SCOPES.appointmentBook });

    expect(refusalOf(() => verifier.verify(grant, booking)).code).toBe('GRANT_SCOPE_MISSING');
    expect(verifier.verify(grant, { ...booking, viaFallback: true }).grantId).toBe('grant-1');
  });

  it('trusts every configured issuer key', () => {
    const other = newGovernor();
    const { verifier } = newConsumer(governor.key.publicKey, other.key.publicKey);

    expect(() =>
      verifier.verify(other.signer.issue(transferInput(), T0), transferExpectation()),
    ).not.toThrow();
  });

  describe('refuses', () => {
    const { verifier } = newConsumer(governor.key.publicKey);
    const grant = governor.signer.issue(transferInput(), T0);
    const verify = (g: Parameters<GrantVerifier['verify']>[0], now = T0) =>
      refusalOf(() => verifier.verify(g, transferExpectation(), now));

    it.each([
      ['no grant at all', null, 'grant'],
      ['a grant without claims', withParts(grant, { claims: new Uint8Array() }), 'claims'],
      ['a grant without signature', withParts(grant, { signature: null }), 'signature'],
      [
        'a truncated signature',
        withParts(grant, { signature: grant.signature.slice(1) }),
        'signature',
      ],
      ['a grant without key_id', withParts(grant, { keyId: '' }), 'key_id'],
    ])('%s as GRANT_MALFORMED', (_, g, field) => {
      const refusal = verify(g);
      expect(refusal).toBeInstanceOf(GrantMalformedError);
      expect(refusal).toMatchObject({ code: 'GRANT_MALFORMED', field, grantId: null });
    });

    it('authentic claims bytes that do not decode as GRANT_MALFORMED', () => {
      const garbage = signedRaw(governor.key, new Uint8Array([0x0a, 0xff, 0xff]));
      expect(verify(garbage)).toMatchObject({ code: 'GRANT_MALFORMED', field: 'claims' });
    });

    it('authentic claims without an expiry as GRANT_MALFORMED', () => {
      const claims = v1.GrantClaims.encode({
        grantId: 'g1',
        interactionId: INTERACTION,
        intentVersion: INTENT_VERSION,
        scopes: ['transfer.live'],
        issuedAt: { seconds: T0 / 1000 },
      }).finish();
      expect(verify(signedRaw(governor.key, claims))).toMatchObject({
        code: 'GRANT_MALFORMED',
        field: 'expiresAtMs',
      });
    });

    it('a grant signed by another key as GRANT_UNTRUSTED_ISSUER', () => {
      const stranger = newGovernor();
      const refusal = verify(stranger.signer.issue(transferInput(), T0));
      expect(refusal).toBeInstanceOf(GrantUntrustedIssuerError);
      expect(refusal).toMatchObject({
        code: 'GRANT_UNTRUSTED_ISSUER',
        keyId: stranger.key.publicKey,
      });
    });

    it('a grant signed by another key but naming the trusted one as GRANT_SIGNATURE_INVALID', () => {
      const stranger = newGovernor();
      const forged = withParts(stranger.signer.issue(transferInput(), T0), {
        keyId: governor.key.publicKey,
      });
      expect(verify(forged).code).toBe('GRANT_SIGNATURE_INVALID');
    });

    it('modified claims bytes as GRANT_SIGNATURE_INVALID', () => {
      const claims = v1.GrantClaims.decode(grant.claims);
      claims.interactionId = 'call-someone-else';
      const tampered = withParts(grant, { claims: v1.GrantClaims.encode(claims).finish() });
      expect(verify(tampered).code).toBe('GRANT_SIGNATURE_INVALID');
    });

    it('a signature taken from a different grant as GRANT_SIGNATURE_INVALID', () => {
      const other = governor.signer.issue(transferInput({ scopes: [SCOPES.appointmentBook] }), T0);
      const spliced = withParts(grant, { signature: other.signature });
      expect(verify(spliced).code).toBe('GRANT_SIGNATURE_INVALID');
    });

    it('a grant issued beyond the skew in the future as GRANT_NOT_YET_VALID', () => {
      const refusal = verify(grant, T0 - DEFAULT_MAX_CLOCK_SKEW_MS - 1);
      expect(refusal).toMatchObject({
        code: 'GRANT_NOT_YET_VALID',
        grantId: 'grant-1',
        issuedAtMs: T0,
      });
    });

    it('an expired grant as GRANT_EXPIRED', () => {
      const refusal = verify(grant, T0 + GRANT_TTL_MS + 60_000);
      expect(refusal).toBeInstanceOf(GrantExpiredError);
      expect(refusal).toMatchObject({
        code: 'GRANT_EXPIRED',
        grantId: 'grant-1',
        expiresAtMs: T0 + GRANT_TTL_MS,
        nowMs: T0 + GRANT_TTL_MS + 60_000,
      });
    });

    it('a grant for another interaction as GRANT_INTERACTION_MISMATCH', () => {
      const refusal = refusalOf(() =>
        verifier.verify(grant, transferExpectation({ interactionId: 'call-other' }), T0),
      );
      expect(refusal).toBeInstanceOf(GrantInteractionMismatchError);
      expect(refusal).toMatchObject({
        code: 'GRANT_INTERACTION_MISMATCH',
        grantInteractionId: INTERACTION,
        expectedInteractionId: 'call-other',
      });
    });

    it('a grant decided on an older intent version as GRANT_STALE_INTENT', () => {
      const refusal = refusalOf(() =>
        verifier.verify(grant, transferExpectation({ intentVersion: INTENT_VERSION + 1 }), T0),
      );
      expect(refusal).toBeInstanceOf(GrantStaleIntentError);
      expect(refusal).toMatchObject({
        code: 'GRANT_STALE_INTENT',
        grantIntentVersion: INTENT_VERSION,
        currentIntentVersion: INTENT_VERSION + 1,
      });
    });

    it('a grant without the required scope as GRANT_SCOPE_MISSING', () => {
      const booking = governor.signer.issue(
        transferInput({ scopes: [SCOPES.appointmentBook] }),
        T0,
      );
      const refusal = refusalOf(() => verifier.verify(booking, transferExpectation(), T0));
      expect(refusal).toBeInstanceOf(GrantScopeError);
      expect(refusal).toMatchObject({
        code: 'GRANT_SCOPE_MISSING',
        requiredScope: 'transfer.live',
        grantedScopes: ['appointment.book'],
      });
    });

    it('with the first failed check when several fail', () => {
      const stale = refusalOf(() =>
        verifier.verify(
          grant,
          { interactionId: 'call-other', intentVersion: 99, requiredScope: 'x.y' },
          T0 + 10 * GRANT_TTL_MS,
        ),
      );
      expect(stale.code).toBe('GRANT_EXPIRED');
      const stranger = newGovernor().signer.issue(transferInput(), T0);
      expect(verify(withParts(stranger, { signature: new Uint8Array(64) })).code).toBe(
        'GRANT_UNTRUSTED_ISSUER',
      );
    });

    it('with errors that are AuthorityErrors carrying a message', () => {
      const refusal = verify(grant, T0 + 10 * GRANT_TTL_MS);
      expect(isAuthorityError(refusal)).toBe(true);
      expect(refusal.message).toMatch(/grant grant-1 expired \d+ ms ago/);
    });
  });

  describe('clock skew', () => {
    const skew = 5_000;
    const verifier = new GrantVerifier({
      trustedIssuerKeys: [governor.key.publicKey],
      maxClockSkewMs: skew,
    });
    const grant = governor.signer.issue(transferInput(), T0);
    const expiresAt = T0 + GRANT_TTL_MS;
    const at = (now: number) => () => verifier.verify(grant, transferExpectation(), now);

    it('accepts a grant expired by up to the skew and refuses one expired by more', () => {
      expect(at(expiresAt)).not.toThrow();
      expect(at(expiresAt + skew - 1)).not.toThrow();
      expect(at(expiresAt + skew)).not.toThrow();
      expect(refusalOf(at(expiresAt + skew + 1)).code).toBe('GRANT_EXPIRED');
    });

    it('accepts a grant issued up to the skew in the future and refuses one issued later', () => {
      expect(at(T0 - skew)).not.toThrow();
      expect(refusalOf(at(T0 - skew - 1)).code).toBe('GRANT_NOT_YET_VALID');
    });

    it('defaults to the verifier clock', () => {
      const { clock, verifier: clocked } = newConsumer(governor.key.publicKey);
      expect(() => clocked.verify(grant, transferExpectation())).not.toThrow();
      clock.advance(GRANT_TTL_MS + DEFAULT_MAX_CLOCK_SKEW_MS + 1);
      expect(refusalOf(() => clocked.verify(grant, transferExpectation())).code).toBe(
        'GRANT_EXPIRED',
      );
    });
  });
});

describe('GrantVerifier options', () => {
  const trustedIssuerKeys = [generateSigningKey().publicKey];

  it.each([-1, 30_001, 1.5, Number.NaN])('refuses a max clock skew of %p', (maxClockSkewMs) => {
    expect(() => new GrantVerifier({ trustedIssuerKeys, maxClockSkewMs })).toThrow(
      AuthorityConfigError,
    );
  });

  it('allows a skew of 0 and of the 30 s limit', () => {
    expect(() => new GrantVerifier({ trustedIssuerKeys, maxClockSkewMs: 0 })).not.toThrow();
    expect(() => new GrantVerifier({ trustedIssuerKeys, maxClockSkewMs: 30_000 })).not.toThrow();
  });

  it('needs at least one trusted key', () => {
    expect(() => new GrantVerifier({ trustedIssuerKeys: [] })).toThrow(
      expect.objectContaining({ code: 'AUTHORITY_CONFIG_INVALID', field: 'trustedIssuerKeys' }),
    );
  });

  it('refuses a malformed trusted key, naming its position', () => {
    const keys = [...trustedIssuerKeys, 'ANOTAKEY'];
    expect(() => new GrantVerifier({ trustedIssuerKeys: keys })).toThrow(
      expect.objectContaining({ code: 'AUTHORITY_CONFIG_INVALID', field: 'trustedIssuerKeys[1]' }),
    );
  });

  it('refuses a seed given as a trusted key without echoing it', () => {
    const { seed } = generateSigningKey();
    let message = '';
    try {
      new GrantVerifier({ trustedIssuerKeys: [seed] });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/seed where a public key belongs/);
    expect(message).not.toContain(seed);
  });

  it('signs claims that another signer encoded identically (no canonicalisation needed)', () => {
    // The signature covers the bytes as carried; re-encoding the decoded claims is not required.
    const grant = newGovernor().signer.issue(transferInput(), T0);
    const reencoded = encodeGrantClaims(
      new GrantVerifier({ trustedIssuerKeys: [grant.keyId], clock: () => T0 }).verify(
        grant,
        transferExpectation(),
      ),
    );
    expect(Buffer.from(reencoded).equals(Buffer.from(grant.claims))).toBe(true);
  });
});
