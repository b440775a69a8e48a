/** The governor's validated settings (GovernorSettings). */
export const GOVERNOR_SETTINGS: unique symbol = Symbol('warmline.escalation-governor.settings');

/** The GrantSigner holding the governor's signing key. */
export const GRANT_SIGNER: unique symbol = Symbol('warmline.escalation-governor.grant-signer');
