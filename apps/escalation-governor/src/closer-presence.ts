// Closer presence as the governor reads it: a live table fed by a watch of the `closer` family,
// caught up before the agent starts deciding, so the first decision already sees who is available.
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import { BUS_CLIENT, type JetStreamClient, type LatestWatch } from '@warmline/bus';
import { CloserPresenceTable } from './closer-presence-table.js';

/** How long start-up waits for the closer table to catch up before deciding on what it has. */
const CATCH_UP_WAIT_MS = 10_000;

@Injectable()
export class CloserPresence implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly table = new CloserPresenceTable();
  private watch: LatestWatch | null = null;

  constructor(
    @Inject(BUS_CLIENT) private readonly client: JetStreamClient,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const bus = await this.client.connect();
    this.watch = await bus.watchLatest('closer', (envelope) => this.table.apply(envelope));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), CATCH_UP_WAIT_MS);
    });
    const outcome = await Promise.race([
      this.watch.caughtUp.then(() => 'caught-up' as const),
      late,
    ]);
    clearTimeout(timer);
    if (outcome === 'late') {
      this.logger.warn({ msg: 'closer presence not caught up; deciding on what has arrived' });
    }
    this.logger.info('closer presence loaded', { availableClosers: this.table.available() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.watch?.stop();
  }

  /** Closers available for a transfer right now. */
  available(): number {
    return this.table.available();
  }
}
