import {
  DAY_MS,
  DEFAULT_ALTERNATIVES_HORIZON_MS,
  DEFAULT_BUFFER_MS,
  DEFAULT_MAX_ALTERNATIVES,
  DEFAULT_MIN_LEAD_TIME_MS,
  DEFAULT_SLOT_GRANULARITY_MS,
  MINUTE_MS,
} from './constants.js';
import { InvalidSchedulingOptionsError } from './errors.js';

/** How slots are searched; every field is optional and defaults as documented. */
export interface SchedulingOptions {
  /** Free time kept before and after every booking (default 10 min). */
  readonly bufferMs?: number;
  /** Step between slot starts, counted from the closer's local midnight; whole minutes, at most a
   * day (default 15 min). */
  readonly granularityMs?: number;
  /** A slot starts at least this long after now (default 15 min). */
  readonly minLeadTimeMs?: number;
  /** Alternatives are looked for this far before and after the window (default 14 days). */
  readonly alternativesHorizonMs?: number;
  /** At most this many alternatives (default 3). */
  readonly maxAlternatives?: number;
}

/** SchedulingOptions with every default filled in and checked. */
export type ResolvedSchedulingOptions = Required<SchedulingOptions>;

/** Fills in defaults and checks ranges; throws InvalidSchedulingOptionsError naming the option. */
export function resolveSchedulingOptions(
  options: SchedulingOptions = {},
): ResolvedSchedulingOptions {
  const resolved: ResolvedSchedulingOptions = {
    bufferMs: options.bufferMs ?? DEFAULT_BUFFER_MS,
    granularityMs: options.granularityMs ?? DEFAULT_SLOT_GRANULARITY_MS,
    minLeadTimeMs: options.minLeadTimeMs ?? DEFAULT_MIN_LEAD_TIME_MS,
    alternativesHorizonMs: options.alternativesHorizonMs ?? DEFAULT_ALTERNATIVES_HORIZON_MS,
    maxAlternatives: options.maxAlternatives ?? DEFAULT_MAX_ALTERNATIVES,
  };
  requireNonNegativeInteger(resolved.bufferMs, 'bufferMs');
  requireNonNegativeInteger(resolved.minLeadTimeMs, 'minLeadTimeMs');
  requireNonNegativeInteger(resolved.alternativesHorizonMs, 'alternativesHorizonMs');
  requireNonNegativeInteger(resolved.maxAlternatives, 'maxAlternatives');
  const { granularityMs } = resolved;
  if (
    !Number.isSafeInteger(granularityMs) ||
    granularityMs <= 0 ||
    granularityMs % MINUTE_MS !== 0 ||
    granularityMs > DAY_MS
  ) {
    throw new InvalidSchedulingOptionsError(
      'granularityMs',
      `must be a whole number of minutes between 1 min and 1 day, got ${granularityMs}`,
    );
  }
  return resolved;
}

function requireNonNegativeInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidSchedulingOptionsError(field, `must be a non-negative integer, got ${value}`);
  }
}
