import { v1 } from '@warmline/contracts';
import fc from 'fast-check';
import { T0, newConsumer, newGovernor, withParts } from './__fixtures__/grants.js';
import { MAX_GRANT_TTL_MS } from './constants.js';
import { isGrantRefused } from './errors.js';
import type { GrantClaimsInput } from './grant-signer.js';
import { SCOPES } from './scopes.js';

// Signing and verifying cost tens of milliseconds each under Jest's VM (a few ms in plain Node),
// so run counts are kept modest; the properties hold for every run, not on average.

const UINT32_MAX = 0xffff_ffff;
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/);
const uint32 = fc.integer({ min: 0, max: UINT32_MAX });
const instant = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });

const consentWindow = fc
  .tuple(instant, fc.integer({ min: 1, max: 30 * 86_400_000 }), fc.string(), fc.string())
  .map(([startAtMs, length, timeZone, sourceText]) => ({
    startAtMs,
    endAtMs: startAtMs + length,
    timeZone,
    sourceText,
  }));

const claimsInput: fc.Arbitrary<GrantClaimsInput> = fc.record({
  interactionId: id,
  intentVersion: fc.integer({ min: 1, max: UINT32_MAX }),
  scopes: fc.subarray([SCOPES.transferLive, SCOPES.appointmentBook], { minLength: 1 }),
  policyId: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
  policyVersion: uint32,
  decisionId: id,
  campaignId: fc.string(),
  constraints: fc.record({
    maxAttempts: uint32,
    escalationLimit: uint32,
    reservationTimeoutMs: uint32,
    readinessWindowMs: uint32,
  }),
  fallbackRules: fc.array(
    fc.record({
      condition: fc.integer({ min: 0, max: 7 }),
      action: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 4 },
  ),
  fallbackScopes: fc.subarray([SCOPES.appointmentBook, SCOPES.transferLive]),
  transferMode: fc.integer({ min: 0, max: 2 }),
  consentWindow: fc.option(consentWindow, { nil: null }),
  ttlMs: fc.integer({ min: 1, max: MAX_GRANT_TTL_MS }),
});

const governor = newGovernor();
const { verifier } = newConsumer(governor.key.publicKey);

describe('GrantVerifier properties', () => {
  it('verifies every grant the signer issues and returns exactly what was signed', () => {
    fc.assert(
      fc.property(claimsInput, instant, (input, now) => {
        const grant = governor.signer.issue(input, now);
        const claims = verifier.verify(
          grant,
          {
            interactionId: input.interactionId,
            intentVersion: input.intentVersion,
            requiredScope: input.scopes[0] ?? '',
          },
          now,
        );
        const { ttlMs, ...rest } = input;
        expect(claims).toMatchObject({ ...rest, issuedAtMs: now, expiresAtMs: now + (ttlMs ?? 0) });
      }),
      { numRuns: 15 },
    );
  });

  // A few grants of varied shape and size, signed once; each run flips one byte of one of them.
  const grants = fc
    .sample(claimsInput, { numRuns: 4, seed: 20261124 })
    .map((input) => ({ input, grant: governor.signer.issue(input, T0) }));
  const expectationOf = (input: GrantClaimsInput) => ({
    interactionId: input.interactionId,
    intentVersion: input.intentVersion,
    requiredScope: input.scopes[0] ?? '',
  });

  /** `bytes` with byte `at` (modulo length) xor-ed with a non-zero `mask`. */
  function flipped(bytes: Uint8Array, at: number, mask: number): Uint8Array {
    const copy = Uint8Array.from(bytes);
    const i = at % copy.length;
    copy[i] = (copy[i] ?? 0) ^ mask;
    return copy;
  }

  function refusalCode(run: () => unknown): string {
    try {
      run();
    } catch (err) {
      if (isGrantRefused(err)) return err.code;
      throw err;
    }
    return 'VERIFIED';
  }

  it('refuses a grant whose claims differ from the signed bytes in any single byte', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...grants),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        ({ input, grant }, at, mask) => {
          const tampered = withParts(grant, { claims: flipped(grant.claims, at, mask) });
          const code = refusalCode(() => verifier.verify(tampered, expectationOf(input), T0));
          expect(code).toBe('GRANT_SIGNATURE_INVALID');
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refuses a grant whose signature differs in any single byte', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...grants),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        ({ input, grant }, at, mask) => {
          const tampered = withParts(grant, { signature: flipped(grant.signature, at, mask) });
          const code = refusalCode(() => verifier.verify(tampered, expectationOf(input), T0));
          expect(code).toBe('GRANT_SIGNATURE_INVALID');
        },
      ),
      { numRuns: 30 },
    );
  });

  it('still verifies the untouched grants (so the refusals above are due to the flips)', () => {
    for (const { input, grant } of grants) {
      expect(refusalCode(() => verifier.verify(grant, expectationOf(input), T0))).toBe('VERIFIED');
    }
    expect(grants.map(({ grant }) => v1.AuthorityGrant.verify(grant))).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
