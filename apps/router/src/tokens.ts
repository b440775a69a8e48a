/** The router's validated RouterSettings. */
export const ROUTER_SETTINGS: unique symbol = Symbol('warmline.router.settings');

/** The GrantVerifier trusting the governors of RouterSettings.trustedIssuerKeys. */
export const GRANT_VERIFIER: unique symbol = Symbol('warmline.router.grant-verifier');

/** How telephony commands leave the router (TelephonyPort). */
export const TELEPHONY_PORT: unique symbol = Symbol('warmline.router.telephony-port');
