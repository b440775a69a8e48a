// Policies and scenarios are shared by every evaluation (every call) of a process; freezing them
// makes an accidental write throw in strict mode instead of silently changing the rest of the run.

/** Freezes `value` and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
