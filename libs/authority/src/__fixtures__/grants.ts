// Shared by the specs: a governor key, a verifier trusting it, and a typical live-transfer grant.
import { v1, type warmline } from '@warmline/contracts';
import { manualClock, type ManualClock } from '../clock.js';
import { GrantSigner, type GrantClaimsInput } from '../grant-signer.js';
import type { GrantExpectation } from '../grant-verifier.js';
import { GrantVerifier } from '../grant-verifier.js';
import { generateSigningKey, signingKeyFromSeed, type SigningKey } from '../keys.js';
import { SCOPES } from '../scopes.js';

/** 2026-11-24T14:00:00Z: the instant every spec starts at. */
export const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

export const INTERACTION = 'call-7f3a';

/** The intent version the typical grant is decided on. */
export const INTENT_VERSION = 7;

export const GRANT_TTL_MS = 60_000;

/** A live-transfer decision with an appointment fallback. */
export function transferInput(overrides: Partial<GrantClaimsInput> = {}): GrantClaimsInput {
  return {
    interactionId: INTERACTION,
    intentVersion: INTENT_VERSION,
    scopes: [SCOPES.transferLive],
    policyId: 'solar-q4',
    policyVersion: 3,
    decisionId: 'dec-0001',
    campaignId: 'solar',
    constraints: {
      maxAttempts: 2,
      escalationLimit: 1,
      reservationTimeoutMs: 15_000,
      readinessWindowMs: 90_000,
    },
    fallbackRules: [
      {
        condition: v1.FallbackCondition.FALLBACK_CONDITION_CLOSER_DECLINED,
        action: v1.FallbackAction.FALLBACK_ACTION_NEXT_CLOSER,
      },
      {
        condition: v1.FallbackCondition.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
        action: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
      },
    ],
    fallbackScopes: [SCOPES.appointmentBook],
    transferMode: v1.TransferMode.TRANSFER_MODE_WARM,
    consentWindow: {
      startAtMs: T0 + 86_400_000,
      endAtMs: T0 + 90_000_000,
      timeZone: 'America/Chicago',
      sourceText: 'tomorrow after 3',
    },
    ...overrides,
  };
}

/** What a router acting on the typical grant expects. */
export function transferExpectation(overrides: Partial<GrantExpectation> = {}): GrantExpectation {
  return {
    interactionId: INTERACTION,
    intentVersion: INTENT_VERSION,
    requiredScope: SCOPES.transferLive,
    ...overrides,
  };
}

export interface Governor {
  readonly key: SigningKey;
  readonly signer: GrantSigner;
}

/** A governor with a fresh key whose grants live GRANT_TTL_MS. */
export function newGovernor(): Governor {
  const key = signingKeyFromSeed(generateSigningKey().seed);
  let sequence = 0;
  const signer = new GrantSigner({
    signingKey: key,
    ttlMs: GRANT_TTL_MS,
    newGrantId: () => `grant-${++sequence}`,
  });
  return { key, signer };
}

export interface Consumer {
  readonly clock: ManualClock;
  readonly verifier: GrantVerifier;
}

/** A consumer trusting `keys`, its clock at T0, tolerating 2 s of skew. */
export function newConsumer(...keys: string[]): Consumer {
  const clock = manualClock(T0);
  return { clock, verifier: new GrantVerifier({ trustedIssuerKeys: keys, clock }) };
}

/** A copy of `grant` with some fields replaced. */
export function withParts(
  grant: warmline.v1.IAuthorityGrant,
  parts: Partial<warmline.v1.IAuthorityGrant>,
): warmline.v1.AuthorityGrant {
  return v1.AuthorityGrant.create({ ...grant, ...parts });
}

/** A grant whose claims are `claims` (any bytes), genuinely signed by `key`. */
export function signedRaw(key: SigningKey, claims: Uint8Array): warmline.v1.AuthorityGrant {
  return v1.AuthorityGrant.create({ claims, signature: key.sign(claims), keyId: key.publicKey });
}
