// Re-checks unused grants on a timer: they expire, and readiness decays, without any new intent
// version. The timers are durable: any replica re-arms them after a restart.
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  AGENT_LOGGER,
  DurableTimers,
  STEPS,
  STORE,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import type { WarmlineStore } from '@warmline/store';
import {
  grantCheckAtMs,
  interactionKey,
  type GovernedInteraction,
} from './governed-interaction.js';
import type { GovernorSettings } from './governor-settings.js';
import { revocationStep, type GrantExpiry } from './revocation-step.js';
import { TeamCapacity } from './team-capacity.js';
import { GOVERNOR_SETTINGS } from './tokens.js';

@Injectable()
export class GrantWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: DurableTimers;

  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(STORE) store: WarmlineStore,
    @Inject(GOVERNOR_SETTINGS) private readonly settings: GovernorSettings,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly teams: TeamCapacity,
  ) {
    this.timers = new DurableTimers({
      store,
      logger,
      prefix: 'escalation-governor.watch',
      label: 'grant check',
      fire: (interactionId) => this.check(interactionId),
    });
  }

  /** Picks up every grant left watched by any replica before this one started. */
  onApplicationBootstrap(): Promise<void> {
    return this.timers.resume();
  }

  onApplicationShutdown(): void {
    this.timers.stop();
  }

  /** Arms (or disarms, for null) the grant check of an interaction and records it for restarts. */
  schedule(interactionId: string, atMs: number | null): Promise<void> {
    return this.timers.schedule(interactionId, atMs);
  }

  private async check(interactionId: string): Promise<void> {
    const key = interactionKey(interactionId);
    const interval = this.settings.grantCheckIntervalMs;
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
    else this.timers.arm(interactionId, next <= nowMs ? nowMs + interval : next);
  }
}
