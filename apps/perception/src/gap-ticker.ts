// Releases events held behind a missing sequence once the gap has been waited for long enough. The
// timers are durable: any replica picks them up after a restart.
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
  DurableTimers,
  STEPS,
  STORE,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { nextTickAtMs, type PerceptionState } from '@warmline/signals';
import type { WarmlineStore } from '@warmline/store';
import { perceptionKey, tickStep, type PerceptionStepResult } from './perception-step.js';
import type { PerceptionSettings } from './perception-settings.js';
import { PERCEPTION_SETTINGS } from './tokens.js';

@Injectable()
export class GapTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: DurableTimers;
  private readonly refreshes = new Map<string, Promise<void>>();

  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(STORE) store: WarmlineStore,
    @Inject(PERCEPTION_SETTINGS) private readonly settings: PerceptionSettings,
    @Inject(AGENT_LOGGER) logger: AgentLogger,
  ) {
    this.timers = new DurableTimers({
      store,
      logger,
      prefix: 'perception.waiting',
      label: 'gap tick',
      fire: (interactionId) => this.tick(interactionId),
    });
  }

  /** Picks up every gap left waiting by any replica before this one started. */
  onApplicationBootstrap(): Promise<void> {
    return this.timers.resume();
  }

  onApplicationShutdown(): void {
    this.timers.stop();
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
    await this.timers.schedule(
      interactionId,
      state ? nextTickAtMs(state, this.settings.limits) : null,
    );
  }

  private async tick(interactionId: string): Promise<void> {
    await this.steps.run<PerceptionState, PerceptionStepResult>(
      perceptionKey(interactionId),
      (current) => tickStep(current, Date.now(), this.settings),
    );
    await this.refresh(interactionId);
  }
}
