// Timers for the transfers' deadlines (a reservation the desk has not answered, a dial telephony has
// not reported on). Durable: any replica takes the timers over after a restart — at start-up every
// waiting interaction is looked at once, and re-armed from its record.
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AGENT_LOGGER, DurableTimers, STORE, type AgentLogger } from '@warmline/agent-runtime';
import type { WarmlineStore } from '@warmline/store';
import { TransferDriver } from './transfer-driver.js';

@Injectable()
export class HandoffDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: DurableTimers;

  constructor(
    @Inject(STORE) store: WarmlineStore,
    @Inject(AGENT_LOGGER) logger: AgentLogger,
    private readonly driver: TransferDriver,
  ) {
    this.timers = new DurableTimers({
      store,
      logger,
      prefix: 'router.waiting',
      label: 'deadline',
      fire: async (interactionId) =>
        this.track(interactionId, await this.driver.tick(interactionId)),
    });
  }

  /** Takes over every deadline left by any replica before this one started. */
  onApplicationBootstrap(): Promise<void> {
    return this.timers.resume();
  }

  onApplicationShutdown(): void {
    this.timers.stop();
  }

  /** Arms the interaction's timer for `atMs` (disarms it for null) and marks it for restarts. */
  track(interactionId: string, atMs: number | null): Promise<void> {
    return this.timers.schedule(interactionId, atMs);
  }
}
