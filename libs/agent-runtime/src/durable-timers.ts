// One timer per interaction that outlives the process: arming it also writes a marker checkpoint
// (`<prefix>.<interactionId>`), so whichever replica starts next fires every marked interaction once
// and lets its handler re-arm it from the stored state. A handler that fails is retried shortly.
// Used for the governor's grant checks, the router's transfer deadlines and perception's gap waits.
import { isStoreError, type WarmlineStore } from '@warmline/store';
import type { AgentLogger } from './agent-logger.js';

/** Pause before retrying a handler that failed (store or bus briefly unavailable). */
export const DURABLE_TIMER_RETRY_MS = 1_000;

export interface DurableTimersOptions {
  readonly store: WarmlineStore;
  readonly logger: Pick<AgentLogger, 'warn'>;
  /** Prefix of the marker checkpoints, e.g. "router.waiting". */
  readonly prefix: string;
  /** What firing does, for the retry warning: "deadline" logs "deadline failed; retrying". */
  readonly label: string;
  /** Handles a due interaction; it re-arms (`schedule`/`arm`) what should fire again. */
  readonly fire: (interactionId: string) => Promise<void>;
}

export class DurableTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: DurableTimersOptions) {}

  /** Fires, now, every interaction any replica left marked (call once at start-up). */
  async resume(): Promise<void> {
    const { store, prefix } = this.options;
    const marked = await store.checkpoints.keys(prefix);
    for (const key of marked) this.arm(key.slice(prefix.length + 1), Date.now());
  }

  /** Stops every timer; later arming does nothing (the markers stay for the next replica). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Arms the interaction's timer for `atMs` and marks it, or disarms and unmarks it for null. */
  async schedule(interactionId: string, atMs: number | null): Promise<void> {
    const { store, prefix } = this.options;
    const marker = `${prefix}.${interactionId}`;
    if (atMs === null) {
      this.disarm(interactionId);
      const stored = await store.checkpoints.get(marker);
      if (stored !== null) await store.checkpoints.delete(marker, stored.revision);
      return;
    }
    try {
      await store.checkpoints.put(marker, new Uint8Array([1]), null);
    } catch (err) {
      if (!isStoreError(err, 'STALE_CHECKPOINT')) throw err; // already marked
    }
    this.arm(interactionId, atMs);
  }

  /** Arms (or re-arms) the timer of an interaction already marked. */
  arm(interactionId: string, atMs: number): void {
    if (this.stopped) return;
    this.disarm(interactionId);
    const delay = Math.max(0, atMs - Date.now());
    this.timers.set(
      interactionId,
      setTimeout(() => void this.fire(interactionId), delay),
    );
  }

  private disarm(interactionId: string): void {
    const timer = this.timers.get(interactionId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(interactionId);
  }

  private async fire(interactionId: string): Promise<void> {
    this.timers.delete(interactionId);
    try {
      await this.options.fire(interactionId);
    } catch (err) {
      this.options.logger.warn({
        msg: `${this.options.label} failed; retrying`,
        interactionId,
        err: String(err),
      });
      this.arm(interactionId, Date.now() + DURABLE_TIMER_RETRY_MS);
    }
  }
}
