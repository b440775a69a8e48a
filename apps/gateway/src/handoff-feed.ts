// Every HandoffEvent / ReservationEvent published on `handoff` from now on, fanned out to whoever
// follows (the SSE streams). One ordered consumer per gateway replica — ephemeral, unacknowledged,
// delivering only new messages — started by the first follower and kept until shutdown.
import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import { decodeEnvelope, streamFor, streamSubjects, type warmline } from '@warmline/contracts';

/** Someone following the feed: the interaction it wants (null: all), and what to call. */
export interface HandoffFollower {
  readonly interactionId: string | null;
  /** Called with each matching envelope, in stream order. */
  deliver(envelope: warmline.v1.Envelope): void;
  /** Called when the feed stopped (shutdown or a lost consumer); the follower should end. */
  end(): void;
}

interface RunningFeed {
  readonly messages: ConsumerMessages;
  readonly loop: Promise<void>;
}

@Injectable()
export class HandoffFeed implements OnApplicationShutdown {
  private readonly followers = new Set<HandoffFollower>();
  private running: Promise<RunningFeed> | null = null;
  private stopping = false;

  constructor(
    @Inject(BUS_CLIENT) private readonly client: JetStreamClient,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  /**
   * Adds a follower; resolves (with the function that removes it) once the feed runs, so every event
   * published after that reaches it. Rejects when the bus cannot be reached.
   */
  async follow(follower: HandoffFollower): Promise<() => void> {
    this.followers.add(follower);
    try {
      this.running ??= this.start();
      await this.running;
    } catch (err) {
      this.followers.delete(follower);
      this.running = null;
      throw err;
    }
    return () => {
      this.followers.delete(follower);
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const running = await this.running?.catch(() => null);
    await running?.messages.close();
    await running?.loop;
    this.endAll();
  }

  private async start(): Promise<RunningFeed> {
    const bus = await this.client.connect();
    const js = jetstream(bus.unwrap());
    const consumer = await js.consumers.get(streamFor('handoff'), {
      filter_subjects: streamSubjects('handoff')[0] ?? '>',
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume();
    const loop = this.run(messages);
    return { messages, loop };
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const m of messages) this.dispatch(m.subject, m.data);
    } catch (err) {
      this.logger.warn({ msg: 'handoff feed failed', err: String(err) });
    }
    if (this.stopping) return;
    // The consumer is gone: end the streams (clients reconnect) and start afresh on the next follower.
    this.logger.warn({ msg: 'handoff feed ended; followers disconnected' });
    this.running = null;
    this.endAll();
  }

  private dispatch(subject: string, data: Uint8Array): void {
    let envelope: warmline.v1.Envelope;
    try {
      envelope = decodeEnvelope(data);
    } catch (err) {
      this.logger.warn({ msg: 'undecodable handoff message skipped', subject, err: String(err) });
      return;
    }
    for (const follower of this.followers) {
      if (follower.interactionId !== null && follower.interactionId !== envelope.interactionId) {
        continue;
      }
      try {
        follower.deliver(envelope);
      } catch (err) {
        this.logger.warn({ msg: 'handoff follower failed', err: String(err) });
      }
    }
  }

  private endAll(): void {
    const followers = [...this.followers];
    this.followers.clear();
    for (const follower of followers) follower.end();
  }
}
