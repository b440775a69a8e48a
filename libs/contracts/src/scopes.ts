/** Scopes an AuthorityGrant can carry (GrantClaims.scopes / fallback_scopes). */
export const GRANT_SCOPES = {
  /** Perform a live transfer to a human closer. */
  transferLive: 'transfer.live',
  /** Book an appointment with a closer. */
  appointmentBook: 'appointment.book',
} as const;

/** A grant scope string. */
export type GrantScope = (typeof GRANT_SCOPES)[keyof typeof GRANT_SCOPES];
