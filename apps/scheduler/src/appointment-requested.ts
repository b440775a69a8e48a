// What the scheduler is asked when a grant arrives, as the wire message it publishes first: the
// grant's consent window (never anything wider), the configured length, the buyer's language and
// territory from intent state, the brief, and the key the booking is made under at most once.
import { grantIdempotencyKey, type GrantClaims } from '@warmline/authority';
import { toTimestamp, type warmline } from '@warmline/contracts';
import { derivedId } from './derived-id.js';

/** The failed live transfer a booking falls back from. */
export interface FallbackOrigin {
  readonly handoffId: string;
  readonly failureReason: warmline.v1.HandoffFailureReason;
}

export interface RequestedInput {
  readonly durationMs: number;
  /** The interaction's intent state, when the store has one. */
  readonly intent: warmline.v1.IIntentState | null;
  readonly brief: warmline.v1.IHandoffBrief | null;
  readonly fallback: FallbackOrigin | null;
}

/** Suffix of a grant's booking key: a grant books one appointment. */
const BOOKING_KEY_SUFFIX = 'booking';

/** The key a grant's booking is made under: `<grantIdempotencyKey>.booking`. */
export function bookingKey(claims: Pick<GrantClaims, 'grantId'>): string {
  return `${grantIdempotencyKey(claims)}.${BOOKING_KEY_SUFFIX}`;
}

/** The id the grant's appointment gets (the same on every replica and every redelivery). */
export function appointmentIdFor(claims: Pick<GrantClaims, 'grantId'>): string {
  return derivedId('appt', claims.grantId);
}

/** The AppointmentRequested for a verified grant; one request per grant (request id = grant id). */
export function appointmentRequested(
  claims: GrantClaims,
  input: RequestedInput,
): warmline.v1.IAppointmentRequested {
  const window = claims.consentWindow;
  return {
    requestId: claims.grantId,
    grantId: claims.grantId,
    window: window && {
      startAt: toTimestamp(window.startAtMs),
      endAt: toTimestamp(window.endAtMs),
      timeZone: window.timeZone,
      sourceText: window.sourceText,
    },
    durationMs: input.durationMs,
    skills: [],
    language: input.intent?.buyerLanguage || input.brief?.buyerLanguage || '',
    territory: input.intent?.territory ?? '',
    idempotencyKey: bookingKey(claims),
    handoffId: input.fallback?.handoffId ?? '',
    fallbackReason: input.fallback?.failureReason ?? 0,
    brief: input.brief,
  };
}
