// Shared inputs of the scheduler's unit tests: settings, two closers in different zones, a verified
// grant's claims and the context of a triggering event, on fixed dates (Mon 2 Mar 2026 onwards).
import type { Effect } from '@warmline/agent-runtime';
import { generateSigningKey, type GrantClaims } from '@warmline/authority';
import { v1, type warmline } from '@warmline/contracts';
import { schedulingCloser } from '@warmline/scheduling';
import { appointmentRequested } from '../appointment-requested.js';
import type { BookingContext, BookingInput } from '../booking-step.js';
import { readSchedulerSettings } from '../scheduler-settings.js';

export const MINUTE = 60_000;
/** Monday 2 March 2026, 12:00 UTC (Berlin is UTC+1, New York UTC-5 that week). */
export const NOW = Date.UTC(2026, 2, 2, 12);
/** Tuesday 3 March 2026 at `hour`:00 UTC. */
export const tuesdayAt = (hour: number, minute = 0) => Date.UTC(2026, 2, 3, hour, minute);

export const settings = readSchedulerSettings({
  WARMLINE_GRANT_TRUSTED_KEYS: generateSigningKey().publicKey,
  WARMLINE_INVITE_ORGANIZER_EMAIL: 'scheduling@acme.example',
});

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  startMinute: 9 * 60,
  endMinute: 17 * 60,
}));

export const berlin = schedulingCloser({
  closerId: 'c-berlin',
  displayName: 'Lena Berg',
  address: 'mailto:lena@closers.example',
  timeZone: 'Europe/Berlin',
  workingHours: weekdays,
  languages: ['en-GB', 'de'],
});

export const newYork = schedulingCloser({
  closerId: 'c-newyork',
  displayName: 'Ana Ruiz',
  address: '+12125550100',
  timeZone: 'America/New_York',
  workingHours: weekdays,
  languages: ['en-US'],
});

export const closers = [berlin, newYork];

/** A verified appointment grant's claims, window given in UTC ms. */
export function claims(
  grantId: string,
  window: { startMs: number; endMs: number } | null,
  overrides: Partial<GrantClaims> = {},
): GrantClaims {
  return {
    grantId,
    interactionId: 'call-1',
    intentVersion: 3,
    scopes: ['appointment.book'],
    issuedAtMs: NOW,
    expiresAtMs: NOW + 2 * MINUTE,
    issuer: 'agent:escalation-governor',
    policyId: 'default',
    policyVersion: 1,
    constraints: {
      maxAttempts: 0,
      escalationLimit: 0,
      reservationTimeoutMs: 0,
      readinessWindowMs: 0,
    },
    fallbackRules: [],
    fallbackScopes: [],
    transferMode: v1.TransferMode.TRANSFER_MODE_UNSPECIFIED,
    consentWindow: window && {
      startAtMs: window.startMs,
      endAtMs: window.endMs,
      timeZone: 'America/Chicago',
      sourceText: 'Tuesday any time',
    },
    campaignId: 'solar',
    decisionId: 'd-1',
    ...overrides,
  };
}

export const grant: warmline.v1.IAuthorityGrant = {
  claims: new Uint8Array([1, 2, 3]),
  signature: new Uint8Array(64),
  keyId: 'AKEY',
};

export function context(overrides: Partial<BookingContext> = {}): BookingContext {
  return {
    interactionId: 'call-1',
    causationId: 'ev-decision-1',
    nowMs: NOW,
    intentVersion: 3,
    grant,
    ...overrides,
  };
}

/** The booking input for a grant: what was asked, the appointment id, the closers. */
export function bookingInput(
  grantClaims: GrantClaims,
  brief: warmline.v1.IHandoffBrief | null = null,
): BookingInput {
  return {
    context: context(),
    requested: appointmentRequested(grantClaims, {
      durationMs: settings.appointmentDurationMs,
      intent: null,
      brief,
      fallback: null,
    }),
    appointmentId: `appt-${grantClaims.grantId}`,
    closers,
  };
}

/** The envelopes a step's effects publish, in order. */
export function publishedEnvelopes(effects: readonly Effect[]): warmline.v1.IEnvelope[] {
  return effects.flatMap((e) => (e.kind === 'publish' ? [e.envelope] : []));
}
