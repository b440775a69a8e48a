const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Free time kept between two bookings of one closer, on both sides of each booking, in milliseconds. */
export const DEFAULT_BUFFER_MS = 10 * MINUTE_MS;

/** Step between candidate slot starts, aligned to the closer's local midnight, in milliseconds. */
export const DEFAULT_SLOT_GRANULARITY_MS = 15 * MINUTE_MS;

/** The earliest a slot may start, counted from "now", in milliseconds: nobody can join a meeting that starts this second. */
export const DEFAULT_MIN_LEAD_TIME_MS = 15 * MINUTE_MS;

/** How far before and after the consent window alternatives are looked for, in milliseconds. */
export const DEFAULT_ALTERNATIVES_HORIZON_MS = 14 * DAY_MS;

/** How many alternatives an unavailable answer offers at most. */
export const DEFAULT_MAX_ALTERNATIVES = 3;

/** Minutes in a day: a working period ends at most at minute 1440 (the next local midnight). */
export const MINUTES_PER_DAY = 1440;

/** Suffix of every invite UID, so a calendar client can tell Warmline's appointments apart. */
export const UID_DOMAIN = 'warmline';

/** Longest idempotency key accepted, in characters (a grant id plus an attempt fits many times over). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 256;

export { DAY_MS, MINUTE_MS };
