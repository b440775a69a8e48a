/** The scheduler's validated settings (SchedulerSettings). */
export const SCHEDULER_SETTINGS: unique symbol = Symbol('warmline.scheduler.settings');

/** The GrantVerifier trusting the configured governors. */
export const GRANT_VERIFIER: unique symbol = Symbol('warmline.scheduler.grant-verifier');
