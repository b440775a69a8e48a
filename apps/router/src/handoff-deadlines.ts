// Timers for the transfers' deadlines (a reservation the desk has not answered, a dial telephony has
// not reported on). A marker checkpoint per waiting interaction lets any replica take the timers over
// after a restart: at start-up every marked interaction is looked at once, and re-armed from its record.
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AGENT_LOGGER, STORE, type AgentLogger } from '@warmline/agent-runtime';
import { isStoreError, type WarmlineStore } from '@warmline/store';
import { TransferDriver } from './transfer-driver.js';

/** Prefix of the markers of interactions with a deadline. */
const WAITING_PREFIX = 'router.waiting';

/** Pause before retrying a deadline whose handling failed (store or bus briefly unavailable). */
const RETRY_MS = 1_000;

@Injectable()
export class HandoffDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    @Inject(STORE) private readonly store: WarmlineStore,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly driver: TransferDriver,
  ) {}

  /** Takes over every deadline left by any replica before this one started. */
  async onApplicationBootstrap(): Promise<void> {
    const waiting = await this.store.checkpoints.keys(WAITING_PREFIX);
    for (const key of waiting) this.arm(key.slice(WAITING_PREFIX.length + 1), Date.now());
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Arms the interaction's timer for `atMs` (disarms it for null) and marks it for restarts. */
  async track(interactionId: string, atMs: number | null): Promise<void> {
    const marker = `${WAITING_PREFIX}.${interactionId}`;
    if (atMs === null) {
      this.disarm(interactionId);
      const stored = await this.store.checkpoints.get(marker);
      if (stored !== null) await this.store.checkpoints.delete(marker, stored.revision);
      return;
    }
    try {
      await this.store.checkpoints.put(marker, new Uint8Array([1]), null);
    } catch (err) {
      if (!isStoreError(err, 'STALE_CHECKPOINT')) throw err; // already marked
    }
    this.arm(interactionId, atMs);
  }

  private arm(interactionId: string, atMs: number): void {
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
      await this.track(interactionId, await this.driver.tick(interactionId));
    } catch (err) {
      this.logger.warn({ msg: 'deadline failed; retrying', interactionId, err: String(err) });
      this.arm(interactionId, Date.now() + RETRY_MS);
    }
  }
}
