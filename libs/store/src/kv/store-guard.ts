import { StoreClosedError, StoreError, StoreUnavailableError } from '../port/errors.js';

/**
 * Runs the adapter's operations: refuses them once the store is closed, and turns any error that is
 * not already a store error (connection lost, timeout, server fault) into StoreUnavailableError, so no
 * NATS error type crosses the port.
 */
export class StoreGuard {
  #closed = false;
  readonly #inFlight = new Set<Promise<unknown>>();

  get closed(): boolean {
    return this.#closed;
  }

  /** Marks the store closed; returns false when it already was. */
  close(): boolean {
    const wasOpen = !this.#closed;
    this.#closed = true;
    return wasOpen;
  }

  /** Resolves once every operation started before now has finished (each is bounded by its timeout). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }

  /** Runs `operation` unless the store is closed, translating foreign errors. */
  run<T>(name: string, operation: () => Promise<T>): Promise<T> {
    if (this.#closed) {
      return Promise.reject(new StoreClosedError(name));
    }
    const running = this.#translate(name, operation);
    this.#inFlight.add(running);
    void running.then(
      () => this.#inFlight.delete(running),
      () => this.#inFlight.delete(running),
    );
    return running;
  }

  async #translate<T>(name: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      if (err instanceof StoreError) {
        throw err;
      }
      throw new StoreUnavailableError(name, err);
    }
  }
}
