// How many calls each simulated closer is on, against their capacity. A closer at capacity is
// reported busy (the governor's capacity control reads presence) and a dial to them gets BUSY; when
// a call ends below capacity they are available again.
import type { PresenceName } from '@warmline/simulation';

/** A presence change to publish for a closer. */
export interface PresenceChange {
  readonly closerId: string;
  readonly presence: Extract<PresenceName, 'available' | 'busy'>;
}

/** Calls on line per closer. */
export class CloserLoad {
  private readonly onLine = new Map<string, Set<string>>();

  /** `capacities`: each closer's id and how many calls they take at once. */
  constructor(private readonly capacities: ReadonlyMap<string, number>) {}

  /** True when `closerId` is on as many calls as they take (unknown closers never are). */
  isFull(closerId: string): boolean {
    const capacity = this.capacities.get(closerId);
    return capacity !== undefined && this.load(closerId) >= capacity;
  }

  /** Calls `closerId` is on. */
  load(closerId: string): number {
    return this.onLine.get(closerId)?.size ?? 0;
  }

  /** `closerId` took `interactionId`; `busy` when that filled their capacity. Repeats change nothing. */
  connect(closerId: string, interactionId: string): PresenceChange | null {
    const calls = this.onLine.get(closerId) ?? new Set<string>();
    if (calls.has(interactionId) || !this.capacities.has(closerId)) return null;
    const wasFull = this.isFull(closerId);
    calls.add(interactionId);
    this.onLine.set(closerId, calls);
    return !wasFull && this.isFull(closerId) ? { closerId, presence: 'busy' } : null;
  }

  /** `closerId`'s call `interactionId` ended; `available` when that freed a full closer. */
  release(closerId: string, interactionId: string): PresenceChange | null {
    const calls = this.onLine.get(closerId);
    if (calls === undefined || !calls.has(interactionId)) return null;
    const wasFull = this.isFull(closerId);
    calls.delete(interactionId);
    return wasFull && !this.isFull(closerId) ? { closerId, presence: 'available' } : null;
  }

  /** Every call on line, as [closerId, interactionId] pairs. */
  calls(): [string, string][] {
    return [...this.onLine].flatMap(([closerId, set]) =>
      [...set].map((iid): [string, string] => [closerId, iid]),
    );
  }
}
