// Releases events held behind a missing sequence once the gap has been waited for long enough. A
// marker checkpoint per waiting interaction lets any replica pick the timers up after a restart.
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

  /** Arms (or disarms, for null) the gap timer of an interaction and records it for restarts. */
  async schedule(interactionId: string, atMs: number | null): Promise<void> {
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
      const stored = await this.steps.read(key);
      const state = stored?.checkpoint.state as PerceptionState | undefined;
      await this.schedule(interactionId, state ? nextTickAtMs(state, this.settings.limits) : null);
    } catch (err) {
      this.logger.warn({ msg: 'gap tick failed; retrying', interactionId, err: String(err) });
      this.arm(interactionId, Date.now() + TICK_RETRY_MS);
    }
  }
}
