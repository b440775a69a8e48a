// All partition consumers of one family for this replica.
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { ensurePartitionConsumers } from './consumers.js';
import type { BusLogger } from './logger.js';
import { PartitionWorker } from './partition-worker.js';
import type { DeliveryPipeline } from './process-delivery.js';

/** Runs this replica's share of a family: one worker per partition consumer. */
export class FamilyConsumer {
  private workers: PartitionWorker[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly agent: string,
    private readonly ackWaitMs: number,
    private readonly pipeline: DeliveryPipeline,
    private readonly logger: BusLogger,
  ) {}

  /** Creates the agent's partition consumers if needed and starts pulling from all of them. */
  async start(): Promise<void> {
    const consumers = await ensurePartitionConsumers(
      this.jsm,
      this.agent,
      this.pipeline.family,
      this.ackWaitMs,
    );
    const js = this.jsm.jetstream();
    this.workers = consumers.map(
      (c) => new PartitionWorker(this.nc, js, c, this.pipeline, this.logger),
    );
    await Promise.all(this.workers.map((w) => w.start()));
  }

  /** Partition consumers with an open consume loop. */
  get consumersRunning(): number {
    return this.workers.filter((w) => w.isConsuming).length;
  }

  /** Partition consumers this family should have running. */
  get consumersExpected(): number {
    return this.workers.length;
  }

  /** Stops every partition, each given up to `graceMs` to finish its message in flight. */
  async stop(graceMs: number): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop(graceMs)));
  }
}
