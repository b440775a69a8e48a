// The plain (framework-free) bus for one agent replica: a connection, a publisher, and the
// partitioned consumers of the families it handles. The Nest transport and client wrap it.
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Family, InteractionFamily, warmline } from '@warmline/contracts';
import { connectBus } from './connection.js';
import { ConnectionWatch } from './connection-watch.js';
import { DeadLetterWriter } from './dead-letter.js';
import type { EnvelopeHandler } from './delivery.js';
import { describe } from './errors.js';
import { FamilyConsumer } from './family-consumer.js';
import { watchLatest, type LatestHandler, type LatestWatch } from './latest-watch.js';
import { resolveBusOptions, type EventBusOptions, type ResolvedBusOptions } from './options.js';
import { EventPublisher, type EnvelopeInit, type PublishReceipt } from './publisher.js';
import { verifyStreams } from './streams.js';

/** What a health endpoint reports about the bus. */
export interface BusHealth {
  readonly connected: boolean;
  /** Partition consumers with an open consume loop in this replica. */
  readonly consumersRunning: number;
  /** Partition consumers this replica should be running. */
  readonly consumersExpected: number;
}

/** The family that stores dead letters; every consuming agent writes to it. */
const DEAD_LETTER_FAMILY = 'dlq' satisfies Family;

/** One agent replica's connection to the Warmline bus. */
export class EventBus {
  private readonly consumers: FamilyConsumer[] = [];
  private readonly watches: LatestWatch[] = [];
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    readonly options: ResolvedBusOptions,
    private readonly watch: ConnectionWatch,
    readonly publisher: EventPublisher,
  ) {}

  /** Connects as the agent's NATS user; options are validated before anything is opened. */
  static async connect(options: EventBusOptions): Promise<EventBus> {
    const resolved = resolveBusOptions(options);
    const nc = await connectBus(resolved);
    try {
      const jsm = await jetstreamManager(nc);
      const publisher = new EventPublisher(
        jsm.jetstream(),
        {
          agent: resolved.agent,
          instance: resolved.instance,
          principal: resolved.principal,
          scopes: resolved.scopes,
        },
        resolved.serializer,
        resolved.publishTimeoutMs,
      );
      return new EventBus(nc, jsm, resolved, new ConnectionWatch(nc, resolved.logger), publisher);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  /** Publishes one event; see `EventPublisher.publish`. */
  publish(
    family: InteractionFamily,
    interactionId: string,
    init: EnvelopeInit,
  ): Promise<PublishReceipt> {
    return this.publisher.publish(family, interactionId, init);
  }

  /** Publishes a closer's presence on wl.closer.<closer_id>; see `EventPublisher.publishCloserPresence`. */
  publishCloserPresence(
    presence: warmline.v1.ICloserPresence,
    init?: Parameters<EventPublisher['publishCloserPresence']>[1],
  ): Promise<PublishReceipt> {
    return this.publisher.publishCloserPresence(presence, init);
  }

  /**
   * Watches a family keyed by something other than an interaction (closer presence) as a live
   * table: the latest envelope per subject, then every new one. Stopped by `close()`.
   */
  async watchLatest(family: Family, handler: LatestHandler): Promise<LatestWatch> {
    await verifyStreams(this.jsm, [family]);
    const watch = await watchLatest(
      this.jsm.jetstream(),
      family,
      handler,
      this.options.deserializer,
      this.options.logger,
    );
    this.watches.push(watch);
    return watch;
  }

  /**
   * Verifies the needed streams (never creating them), creates this agent's partition consumers
   * and starts handling. Rejects with `StreamsNotReadyError` when provisioning has not run.
   */
  async consume(handlers: ReadonlyMap<InteractionFamily, EnvelopeHandler>): Promise<void> {
    await verifyStreams(this.jsm, [...handlers.keys(), DEAD_LETTER_FAMILY]);
    const deadLetters = new DeadLetterWriter(this.publisher, this.options.agent);
    for (const [family, handler] of handlers) {
      const consumer = new FamilyConsumer(
        this.nc,
        this.jsm,
        this.options.agent,
        this.options.ackWaitMs,
        {
          family,
          handler,
          decode: (data) => this.options.deserializer.deserialize(data),
          retry: this.options.retry,
          deadLetters,
          workingIntervalMs: this.options.workingIntervalMs,
          logger: this.options.logger,
          ...(this.options.observer ? { observer: this.options.observer } : {}),
        },
        this.options.logger,
      );
      this.consumers.push(consumer);
      await consumer.start();
    }
  }

  /** Connection and consumer state, without a round-trip. */
  health(): BusHealth {
    return {
      connected: this.watch.isConnected,
      consumersRunning: this.consumers.reduce((n, c) => n + c.consumersRunning, 0),
      consumersExpected: this.consumers.reduce((n, c) => n + c.consumersExpected, 0),
    };
  }

  /** Calls `listener` whenever the connection is lost (false) or regained (true). */
  onConnectionChange(listener: (connected: boolean) => void): void {
    this.watch.onChange(listener);
  }

  /** The underlying NATS connection. */
  unwrap(): NatsConnection {
    return this.nc;
  }

  /**
   * Stops consuming, lets handlers in flight finish within the grace period, then drains the
   * connection (flushing pending acks and publishes). Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    await Promise.all(this.watches.map((w) => w.stop()));
    await Promise.all(this.consumers.map((c) => c.stop(this.options.shutdownGraceMs)));
    if (this.nc.isClosed()) return;
    try {
      await this.nc.drain();
    } catch (error) {
      this.options.logger.warn(`drain failed, closing: ${describe(error)}`);
      await this.nc.close();
    }
    await this.watch.ended;
  }
}
