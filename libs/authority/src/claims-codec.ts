// GrantClaims <-> the protobuf bytes that are signed. Only this file knows the wire shape.
import { fromOptionalTimestamp, toTimestamp, v1, type warmline } from '@warmline/contracts';
import type { ConsentWindow, GrantClaims, GrantConstraints } from './claims.js';
import { claimsProblem } from './claims-rules.js';
import { GrantMalformedError } from './errors.js';

/** Encodes claims as warmline.v1.GrantClaims: the exact bytes a grant signs and carries. */
export function encodeGrantClaims(claims: GrantClaims): Uint8Array {
  return v1.GrantClaims.encode(v1.GrantClaims.create(toWire(claims))).finish();
}

/**
 * Decodes the `claims` bytes of a grant WITHOUT checking its signature; GrantVerifier.verify is
 * the only way to trust them. Throws GrantMalformedError when the bytes do not decode or the
 * claims break a rule (missing id, times, scopes...).
 */
export function decodeGrantClaims(bytes: Uint8Array): GrantClaims {
  let wire: warmline.v1.GrantClaims;
  try {
    wire = v1.GrantClaims.decode(bytes);
  } catch (cause) {
    throw new GrantMalformedError('claims', `grant claims do not decode: ${messageOf(cause)}`, {
      cause,
    });
  }
  const claims = fromWire(wire);
  const problem = claimsProblem(claims);
  if (problem) throw new GrantMalformedError(problem.field, `grant claims: ${problem.message}`);
  return claims;
}

function toWire(claims: GrantClaims): warmline.v1.IGrantClaims {
  return {
    grantId: claims.grantId,
    interactionId: claims.interactionId,
    intentVersion: claims.intentVersion,
    scopes: [...claims.scopes],
    issuedAt: toTimestamp(claims.issuedAtMs),
    expiresAt: toTimestamp(claims.expiresAtMs),
    issuer: claims.issuer,
    policyId: claims.policyId,
    policyVersion: claims.policyVersion,
    constraints: { ...claims.constraints },
    fallbackRules: claims.fallbackRules.map((rule) => ({ ...rule })),
    fallbackScopes: [...claims.fallbackScopes],
    transferMode: claims.transferMode,
    consentWindow: claims.consentWindow && {
      startAt: toTimestamp(claims.consentWindow.startAtMs),
      endAt: toTimestamp(claims.consentWindow.endAtMs),
      timeZone: claims.consentWindow.timeZone,
      sourceText: claims.consentWindow.sourceText,
    },
    campaignId: claims.campaignId,
    decisionId: claims.decisionId,
  };
}

// An absent timestamp becomes NaN so that claimsProblem names the field.
function fromWire(wire: warmline.v1.GrantClaims): GrantClaims {
  return {
    grantId: wire.grantId,
    interactionId: wire.interactionId,
    intentVersion: wire.intentVersion,
    scopes: [...wire.scopes],
    issuedAtMs: fromOptionalTimestamp(wire.issuedAt) ?? Number.NaN,
    expiresAtMs: fromOptionalTimestamp(wire.expiresAt) ?? Number.NaN,
    issuer: wire.issuer,
    policyId: wire.policyId,
    policyVersion: wire.policyVersion,
    constraints: constraintsFromWire(wire.constraints),
    fallbackRules: wire.fallbackRules.map((rule) => ({
      condition: rule.condition ?? v1.FallbackCondition.FALLBACK_CONDITION_UNSPECIFIED,
      action: rule.action ?? v1.FallbackAction.FALLBACK_ACTION_UNSPECIFIED,
    })),
    fallbackScopes: [...wire.fallbackScopes],
    transferMode: wire.transferMode,
    consentWindow: consentWindowFromWire(wire.consentWindow),
    campaignId: wire.campaignId,
    decisionId: wire.decisionId,
  };
}

function constraintsFromWire(
  wire: warmline.v1.IGrantConstraints | null | undefined,
): GrantConstraints {
  return {
    maxAttempts: wire?.maxAttempts ?? 0,
    escalationLimit: wire?.escalationLimit ?? 0,
    reservationTimeoutMs: wire?.reservationTimeoutMs ?? 0,
    readinessWindowMs: wire?.readinessWindowMs ?? 0,
  };
}

function consentWindowFromWire(
  wire: warmline.v1.IConsentWindow | null | undefined,
): ConsentWindow | null {
  if (!wire) return null;
  return {
    startAtMs: fromOptionalTimestamp(wire.startAt) ?? Number.NaN,
    endAtMs: fromOptionalTimestamp(wire.endAt) ?? Number.NaN,
    timeZone: wire.timeZone ?? '',
    sourceText: wire.sourceText ?? '',
  };
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
