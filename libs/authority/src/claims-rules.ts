// The rules a GrantClaims must satisfy. The signer refuses to sign claims that break them and the
// verifier refuses decoded claims that break them, so both sides agree on what a usable grant is.
import { isValidId } from '@warmline/contracts';
import type { GrantClaims } from './claims.js';
import { isScopeName } from './scopes.js';

/** A broken rule: the field (TypeScript name) and what is wrong with it. */
export interface ClaimsProblem {
  readonly field: string;
  readonly message: string;
}

const UINT32_MAX = 0xffff_ffff;

/** The first rule `claims` breaks, or `null` when it is usable. */
export function claimsProblem(claims: GrantClaims): ClaimsProblem | null {
  return (
    idProblem('grantId', claims.grantId) ??
    idProblem('interactionId', claims.interactionId) ??
    uintProblem('intentVersion', claims.intentVersion, 1) ??
    scopesProblem('scopes', claims.scopes, 1) ??
    scopesProblem('fallbackScopes', claims.fallbackScopes, 0) ??
    lifetimeProblem(claims) ??
    uintProblem('policyVersion', claims.policyVersion, 0) ??
    constraintsProblem(claims) ??
    consentWindowProblem(claims)
  );
}

function idProblem(field: string, id: string): ClaimsProblem | null {
  return isValidId(id)
    ? null
    : { field, message: `${field} must match [A-Za-z0-9_-]{1,128}, got ${JSON.stringify(id)}` };
}

function uintProblem(field: string, value: number, min: number): ClaimsProblem | null {
  return Number.isInteger(value) && value >= min && value <= UINT32_MAX
    ? null
    : { field, message: `${field} must be an integer in ${min}..${UINT32_MAX}, got ${value}` };
}

function scopesProblem(
  field: string,
  scopes: readonly string[],
  min: number,
): ClaimsProblem | null {
  if (scopes.length < min) return { field, message: `${field} must name at least ${min} scope` };
  const bad = scopes.find((scope) => !isScopeName(scope));
  return bad === undefined
    ? null
    : {
        field,
        message: `${field}: ${JSON.stringify(bad)} is not a scope name like "transfer.live"`,
      };
}

function lifetimeProblem(claims: GrantClaims): ClaimsProblem | null {
  if (!Number.isFinite(claims.issuedAtMs)) {
    return { field: 'issuedAtMs', message: 'issuedAtMs must be a finite time' };
  }
  return Number.isFinite(claims.expiresAtMs) && claims.expiresAtMs > claims.issuedAtMs
    ? null
    : { field: 'expiresAtMs', message: 'expiresAtMs must be a finite time after issuedAtMs' };
}

function constraintsProblem({ constraints }: GrantClaims): ClaimsProblem | null {
  return (
    uintProblem('constraints.maxAttempts', constraints.maxAttempts, 0) ??
    uintProblem('constraints.escalationLimit', constraints.escalationLimit, 0) ??
    uintProblem('constraints.reservationTimeoutMs', constraints.reservationTimeoutMs, 0) ??
    uintProblem('constraints.readinessWindowMs', constraints.readinessWindowMs, 0)
  );
}

function consentWindowProblem({ consentWindow }: GrantClaims): ClaimsProblem | null {
  if (consentWindow === null) return null;
  const { startAtMs, endAtMs } = consentWindow;
  return Number.isFinite(startAtMs) && Number.isFinite(endAtMs) && endAtMs > startAtMs
    ? null
    : { field: 'consentWindow', message: 'consentWindow must end after it starts' };
}
