// Re-checks unused grants on a timer: they expire, and readiness decays, without any new intent
// version. A marker checkpoint per watched interaction lets any replica re-arm the timers after a
// restart.
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
import { isStoreError, type WarmlineStore } from '@warmline/store';
import {
  grantCheckAtMs,
  interactionKey,
  type GovernedInteraction,
} from './governed-interaction.js';
import type { GovernorSettings } from './governor-settings.js';
import { revocationStep, type GrantExpiry } from './revocation-step.js';
import { TeamCapacity } from './team-capacity.js';
import { GOVERNOR_SETTINGS } from './tokens.js';

/** Prefix of the markers of interactions whose grant is watched. */
const WATCH_PREFIX = 'escalation-governor.watch';

/** Pause before retrying a check that failed (store or bus briefly unavailable). */
const CHECK_RETRY_MS = 1_000;

@Injectable()
export class GrantWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(STORE) private readonly store: WarmlineStore,
    @Inject(GOVERNOR_SETTINGS) private readonly settings: GovernorSettings,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly teams: TeamCapacity,
  ) {}

  /** Picks up every grant left watched by any replica before this one started. */
  async onApplicationBootstrap(): Promise<void> {
    const watched = await this.store.checkpoints.keys(WATCH_PREFIX);
    for (const key of watched) this.arm(key.slice(WATCH_PREFIX.length + 1), Date.now());
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Arms (or disarms, for null) the grant check of an interaction and records it for restarts. */
  async schedule(interactionId: string, atMs: number | null): Promise<void> {
    const marker = `${WATCH_PREFIX}.${interactionId}`;
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
    const key = interactionKey(interactionId);
    const interval = this.settings.grantCheckIntervalMs;
    try {
      const nowMs = Date.now();
      const expiry = await this.steps.run<GovernedInteraction, GrantExpiry>(key, (current) =>
        revocationStep(current, this.settings.policies, nowMs, interval),
      );
      if (expiry) {
        this.logger.info('grant revoked', { interactionId, grantId: expiry.revokedGrantId });
        await this.teams.release(expiry.released);
      }
      const stored = await this.steps.read(key);
      const governed = (stored?.checkpoint.state ?? null) as GovernedInteraction | null;
      const next = grantCheckAtMs(governed, Date.now(), interval);
      if (next === null) await this.schedule(interactionId, null);
      // Still watched (its marker stays); one past its expiry that could not be revoked (its policy
      // is gone) is not spun on.
      else this.arm(interactionId, next <= nowMs ? nowMs + interval : next);
    } catch (err) {
      this.logger.warn({ msg: 'grant check failed; retrying', interactionId, err: String(err) });
      this.arm(interactionId, Date.now() + CHECK_RETRY_MS);
    }
  }
}
