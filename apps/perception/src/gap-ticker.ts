// Releases events held behind a missing sequence once the gap has been waited for long enough. A
// marker checkpoint per waiting interaction lets any replica pick the timers up after a restart.
// The timer always follows the stored state: every refresh re-reads it, one refresh at a time per
// interaction, so a tick that released everything cannot disarm the gap an event arriving at the
// same moment opened (that race left a burst's last held event waiting forever).
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  STORE,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { nextTickAtMs, type PerceptionState } from '@warmline/signals';
import { isStoreError, type WarmlineStore } from '@warmline/store';
import { perceptionKey, tickStep, type PerceptionStepResult } from './perception-step.js';
import type { PerceptionSettings } from './perception-settings.js';
import { PERCEPTION_SETTINGS } from './tokens.js';

/** Prefix of the markers of interactions waiting for a gap. */
const WAITING_PREFIX = 'perception.waiting';

/** Pause before retrying a tick that failed (store or bus briefly unavailable). */
const TICK_RETRY_MS = 1_000;

@Injectable()
export class GapTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly refreshes = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(STORE) private readonly store: WarmlineStore,
    @Inject(PERCEPTION_SETTINGS) private readonly settings: PerceptionSettings,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  /** Picks up every gap left waiting by any replica before this one started. */
  async onApplicationBootstrap(): Promise<void> {
    const waiting = await this.store.checkpoints.keys(WAITING_PREFIX);
    for (const key of waiting) this.arm(key.slice(WAITING_PREFIX.length + 1), Date.now());
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * Arms the interaction's gap timer for its stored state (or disarms it when nothing is held) and
   * records it for restarts. Call after every committed step; calls for one interaction run in order.
   */
  refresh(interactionId: string): Promise<void> {
    const previous = this.refreshes.get(interactionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.follow(interactionId));
    this.refreshes.set(interactionId, next);
    const settled = () => {
      if (this.refreshes.get(interactionId) === next) this.refreshes.delete(interactionId);
    };
    next.then(settled, settled);
    return next;
  }

  private async follow(interactionId: string): Promise<void> {
    const stored = await this.steps.read(perceptionKey(interactionId));
    const state = stored?.checkpoint.state as PerceptionState | undefined;
    await this.schedule(interactionId, state ? nextTickAtMs(state, this.settings.limits) : null);
  }

  private async schedule(interactionId: string, atMs: number | null): Promise<void> {
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
    const key = perceptionKey(interactionId);
    try {
      await this.steps.run<PerceptionState, PerceptionStepResult>(key, (current) =>
        tickStep(current, Date.now(), this.settings),
      );
      await this.refresh(interactionId);
    } catch (err) {
      this.logger.warn({ msg: 'gap tick failed; retrying', interactionId, err: String(err) });
      this.arm(interactionId, Date.now() + TICK_RETRY_MS);
    }
  }
}
