// At most `limit` calls in flight: a new call waits for a slot before it is placed.

/** A counting gate, first come first served. */
export class ConcurrencyGate {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`the concurrency limit must be a whole number ≥ 1, got ${limit}`);
    }
  }

  /** Calls holding a slot. */
  get active(): number {
    return this.inFlight;
  }

  /** Resolves once a slot is free (and taken). */
  acquire(): Promise<void> {
    if (this.inFlight < this.limit) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Frees a slot: the longest waiter takes it. */
  release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.inFlight = Math.max(0, this.inFlight - 1);
  }
}
