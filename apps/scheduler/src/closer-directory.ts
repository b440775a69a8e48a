// The closers the scheduler may book, kept current from closer presence (wl.closer.<closer_id>,
// latest report per closer). Presence state and capacity are about live transfers now; for an
// appointment later only working hours, zone, skills, languages and territories count.
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import type { SchedulingCloser } from '@warmline/scheduling';
import { CloserTable } from './closer-table.js';

@Injectable()
export class CloserDirectory implements OnApplicationBootstrap {
  private readonly table = new CloserTable();

  constructor(
    @Inject(BUS_CLIENT) private readonly client: JetStreamClient,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  /** Loads every closer's latest presence before the scheduler starts consuming. */
  async onApplicationBootstrap(): Promise<void> {
    const bus = await this.client.connect();
    const watch = await bus.watchLatest('closer', (envelope) => {
      if (this.table.apply(envelope) === 'unusable') {
        this.logger.warn({
          msg: 'closer presence unusable for scheduling; closer withdrawn',
          closerId: envelope.closerPresence?.closerId,
        });
      }
    });
    await watch.caughtUp;
    this.logger.info('closers loaded', { closers: this.table.size });
  }

  /** The bookable closers now. */
  closers(): SchedulingCloser[] {
    return this.table.closers();
  }
}
