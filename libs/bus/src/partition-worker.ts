// One replica's loop over one partition consumer. `for await` (not a callback) so each message is
// handled and settled before the next is taken, and errors and back-pressure are not lost.
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { PartitionConsumer } from './consumers.js';
import { describe } from './errors.js';
import type { BusLogger } from './logger.js';
import { processDelivery, type DeliveryPipeline } from './process-delivery.js';

/** Pause before re-opening a consume loop that the client ended on its own (e.g. a lost consumer). */
const RESTART_DELAY_MS = 1_000;

/** Pulls and processes the messages of one partition consumer until stopped. */
export class PartitionWorker {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private consuming = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    readonly consumer: PartitionConsumer,
    private readonly pipeline: DeliveryPipeline,
    private readonly logger: BusLogger,
  ) {}

  /** True while a consume loop is open on the server consumer. */
  get isConsuming(): boolean {
    return this.consuming;
  }

  /** Opens the consume loop; resolves once the first pull is set up (or fails on a missing consumer). */
  async start(): Promise<void> {
    const first = await this.open();
    this.loop = this.run(first);
  }

  /**
   * Stops pulling, lets the message in flight finish for up to `graceMs`, and returns. A message
   * left unsettled is redelivered by the server after its ack wait.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    void this.messages?.close();
    if (this.loop === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const graceOver = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.loop, graceOver]);
    clearTimeout(timer);
  }

  private async open(): Promise<ConsumerMessages> {
    const consumer = await this.js.consumers.get(this.consumer.stream, this.consumer.name);
    // One message per pull: the server hands out at most one per partition anyway (max_ack_pending 1).
    this.messages = await consumer.consume({ max_messages: 1 });
    this.consuming = true;
    return this.messages;
  }

  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | null = first;
    while (!this.stopping && !this.nc.isClosed()) {
      try {
        messages ??= await this.open();
        await this.drainInto(messages);
      } catch (error) {
        this.logger.error(`consume loop of ${this.consumer.name} failed: ${describe(error)}`);
      }
      this.consuming = false;
      messages = null;
      if (!this.stopping && !this.nc.isClosed())
        await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
    }
  }

  private async drainInto(messages: ConsumerMessages): Promise<void> {
    for await (const m of messages) {
      if (this.stopping) {
        this.handBack(m);
        break;
      }
      await processDelivery(m, this.pipeline);
    }
  }

  // Taken from the server but not started: give it straight back to the other replicas.
  private handBack(m: JsMsg): void {
    try {
      m.nak();
    } catch {
      // Not sent: the server redelivers it after the ack wait.
    }
  }
}
