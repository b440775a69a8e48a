// A scenario and the constants built from it are shared by every call of a run; freezing them makes
// an accidental write throw instead of silently changing the rest of the campaign.

/** Freezes `value` and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
