// A verified grant's terms as the router applies them. Limits the grant leaves at 0 ("policy
// default") take the router's defaults, and the intent state the transfer starts on supplies what the
// grant does not carry: the readiness peak (for the readiness window) and who the buyer needs.
import type { GrantClaims } from '@warmline/authority';
import { fromOptionalTimestamp, type warmline } from '@warmline/contracts';
import type { FallbackGrant } from '@warmline/handoff';
import type { TransferTerms } from './interaction-record.js';
import type { RouterSettings } from './router-settings.js';

/** The terms of a transfer under `claims`, started on `intent` (null when none is stored yet). */
export function transferTerms(
  claims: GrantClaims,
  intent: warmline.v1.IIntentState | null,
  settings: RouterSettings,
): TransferTerms {
  const peakAtMs = fromOptionalTimestamp(intent?.readiness?.peakAt);
  return {
    grantId: claims.grantId,
    intentVersion: claims.intentVersion,
    expiresAtMs: claims.expiresAtMs,
    scopes: [...claims.scopes],
    fallbackScopes: [...claims.fallbackScopes],
    fallbackRules: claims.fallbackRules.map((rule) => ({
      condition: rule.condition,
      action: rule.action,
    })),
    maxAttempts: claims.constraints.maxAttempts || settings.defaultMaxAttempts,
    reservationTimeoutMs:
      claims.constraints.reservationTimeoutMs || settings.defaultReservationTimeoutMs,
    readinessWindowMs: claims.constraints.readinessWindowMs,
    readinessPeakAtMs: peakAtMs !== undefined && peakAtMs > 0 ? peakAtMs : null,
    dialTimeoutMs: settings.dialTimeoutMs,
    ringGraceMs: settings.ringGraceMs,
    // Skills are not in the policy yet: any closer with the buyer's language and territory will do.
    needs: {
      skills: [],
      language: intent?.buyerLanguage ?? '',
      territory: intent?.territory ?? '',
    },
  };
}

/** What the handoff library's fallback rules need from the terms. */
export function fallbackGrantOf(terms: TransferTerms): FallbackGrant {
  return {
    maxAttempts: terms.maxAttempts,
    fallbackRules: terms.fallbackRules,
    fallbackScopes: terms.fallbackScopes,
    scopes: terms.scopes,
    readinessWindowMs: terms.readinessWindowMs,
    readinessPeakAtMs: terms.readinessPeakAtMs,
  };
}
