// Every HandoffEvent / ReservationEvent on `handoff`, fanned out to whoever follows (the SSE
// streams). Followers from now on share one ordered consumer per gateway replica — ephemeral,
// unacknowledged, delivering only new messages — started by the first follower and kept until
// shutdown. A follower resuming after a stream sequence it already has (SSE `Last-Event-ID`) gets an
// ordered consumer of its own that replays from there and then stays live, so a reconnect loses
// nothing the stream still retains.
import {
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type OrderedConsumerOptions,
} from '@nats-io/jetstream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AGENT_LOGGER, type AgentLogger } from '@warmline/agent-runtime';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import {
  decodeEnvelope,
  streamFor,
  streamSubjects,
  subjectFor,
  type warmline,
} from '@warmline/contracts';

const STREAM = streamFor('handoff');

/** Someone following the feed: the interaction it wants (null: all), and what to call. */
export interface HandoffFollower {
  readonly interactionId: string | null;
  /** Called with each matching envelope and its stream sequence, in stream order. */
  deliver(envelope: warmline.v1.Envelope, sequence: number): void;
  /** Called when the feed stopped (shutdown or a lost consumer); the follower should end. */
  end(): void;
}

/**
 * Events a resuming follower asked for that the stream no longer has: those before
 * `resumedAtSequence` were removed by the stream's limits (RETENTION), or the sequence asked for is
 * beyond the stream's end, so the stream was replaced since (STREAM_RESET) and replay starts over.
 */
export interface ResumeGap {
  readonly reason: 'RETENTION' | 'STREAM_RESET';
  readonly afterSequence: number;
  readonly resumedAtSequence: number;
}

/** What `resume` gives back: how to stop following, and what could not be replayed. */
export interface Resumed {
  readonly unfollow: () => void;
  readonly gap: ResumeGap | null;
}

/** The stream's bounds, as JetStream reports them (first is last + 1 when it is empty). */
export interface StreamBounds {
  readonly firstSequence: number;
  readonly lastSequence: number;
}

/** Where replay after `afterSequence` starts, and the gap to report, given the stream's bounds. */
export function resumePoint(
  afterSequence: number,
  bounds: StreamBounds,
): { startSequence: number; gap: ResumeGap | null } {
  const first = Math.max(bounds.firstSequence, 1);
  if (afterSequence > bounds.lastSequence) {
    return {
      startSequence: first,
      gap: { reason: 'STREAM_RESET', afterSequence, resumedAtSequence: first },
    };
  }
  if (afterSequence + 1 < first) {
    return {
      startSequence: first,
      gap: { reason: 'RETENTION', afterSequence, resumedAtSequence: first },
    };
  }
  return { startSequence: afterSequence + 1, gap: null };
}

interface RunningFeed {
  readonly messages: ConsumerMessages;
  readonly loop: Promise<void>;
}

@Injectable()
export class HandoffFeed implements OnApplicationShutdown {
  private readonly followers = new Set<HandoffFollower>();
  /** The resumed followers, each with its own consumer. */
  private readonly replays = new Map<RunningFeed, HandoffFollower>();
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
      this.running ??= this.startShared();
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

  /**
   * Follows from just after stream sequence `afterSequence`: every retained event after it, then
   * every new one, on a consumer of the follower's own. Rejects when the bus cannot be reached.
   */
  async resume(follower: HandoffFollower, afterSequence: number): Promise<Resumed> {
    if (this.stopping) throw new Error('the gateway is stopping');
    const bus = await this.client.connect();
    const jsm = await jetstreamManager(bus.unwrap());
    const { state } = await jsm.streams.info(STREAM);
    const { startSequence, gap } = resumePoint(afterSequence, {
      firstSequence: state.first_seq,
      lastSequence: state.last_seq,
    });
    let replay: RunningFeed | null = null;
    const started = await this.open(
      {
        filter_subjects:
          follower.interactionId === null
            ? allSubjects()
            : subjectFor('handoff', follower.interactionId),
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: startSequence,
      },
      (envelope, sequence) => deliverTo(follower, envelope, sequence, this.logger),
      () => {
        if (replay) this.replays.delete(replay);
        follower.end();
      },
    );
    replay = started;
    this.replays.set(started, follower);
    return {
      gap,
      unfollow: () => {
        this.replays.delete(started);
        void started.messages.close();
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const running = await this.running?.catch(() => null);
    const resumed = [...this.replays.values()];
    const feeds = [...(running ? [running] : []), ...this.replays.keys()];
    this.replays.clear();
    await Promise.all(feeds.map((feed) => feed.messages.close()));
    await Promise.all(feeds.map((feed) => feed.loop));
    for (const follower of resumed) follower.end();
    this.endAll();
  }

  private startShared(): Promise<RunningFeed> {
    return this.open(
      { filter_subjects: allSubjects(), deliver_policy: DeliverPolicy.New },
      (envelope, sequence) => {
        for (const follower of this.followers) {
          deliverTo(follower, envelope, sequence, this.logger);
        }
      },
      () => {
        // The consumer is gone: end the streams (clients reconnect) and start afresh on the next
        // follower.
        this.logger.warn({ msg: 'handoff feed ended; followers disconnected' });
        this.running = null;
        this.endAll();
      },
    );
  }

  /** Starts an ordered consumer on the handoff stream, decoding each message for `dispatch`. */
  private async open(
    options: Partial<OrderedConsumerOptions>,
    dispatch: (envelope: warmline.v1.Envelope, sequence: number) => void,
    ended: () => void,
  ): Promise<RunningFeed> {
    const bus = await this.client.connect();
    const consumer = await jetstream(bus.unwrap()).consumers.get(STREAM, options);
    const messages = await consumer.consume();
    const loop = (async () => {
      try {
        for await (const m of messages) {
          const envelope = this.decode(m.subject, m.data);
          if (envelope) dispatch(envelope, m.seq);
        }
      } catch (err) {
        this.logger.warn({ msg: 'handoff feed failed', err: String(err) });
      }
      if (!this.stopping) ended();
    })();
    return { messages, loop };
  }

  private decode(subject: string, data: Uint8Array): warmline.v1.Envelope | null {
    try {
      return decodeEnvelope(data);
    } catch (err) {
      this.logger.warn({ msg: 'undecodable handoff message skipped', subject, err: String(err) });
      return null;
    }
  }

  private endAll(): void {
    const followers = [...this.followers];
    this.followers.clear();
    for (const follower of followers) follower.end();
  }
}

function allSubjects(): string {
  return streamSubjects('handoff')[0] ?? '>';
}

function deliverTo(
  follower: HandoffFollower,
  envelope: warmline.v1.Envelope,
  sequence: number,
  logger: AgentLogger,
): void {
  if (follower.interactionId !== null && follower.interactionId !== envelope.interactionId) return;
  try {
    follower.deliver(envelope, sequence);
  } catch (err) {
    logger.warn({ msg: 'handoff follower failed', err: String(err) });
  }
}
