// The closers the router can reserve, kept current from their presence reports (wl.closer.<id>, the
// latest per closer first, then every change). Read before any message is handled: start-up waits
// until every closer's latest report is in.
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import type { warmline } from '@warmline/contracts';
import { applyPresence, emptyRoster, isRosterError, type Roster } from '@warmline/roster';

@Injectable()
export class CloserRoster implements OnApplicationBootstrap {
  private roster: Roster = emptyRoster();

  constructor(
    @Inject(BUS_CLIENT) private readonly client: JetStreamClient,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const bus = await this.client.connect();
    // Stopped when the bus closes at shutdown.
    const watch = await bus.watchLatest('closer', (envelope) => this.apply(envelope));
    await watch.caughtUp;
  }

  /** The roster as of now. */
  current(): Roster {
    return this.roster;
  }

  private apply(envelope: warmline.v1.Envelope): void {
    if (!envelope.closerPresence) return;
    try {
      this.roster = applyPresence(this.roster, envelope.closerPresence);
    } catch (err) {
      if (!isRosterError(err)) throw err;
      this.logger.warn({
        msg: 'closer presence ignored',
        eventId: envelope.eventId,
        err: err.message,
      });
    }
  }
}
