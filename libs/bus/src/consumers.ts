// Durable pull consumers: per family an agent reads, one per partition, shared by all its replicas.
// max_ack_pending = 1 keeps one message per partition in flight across every replica, so one
// interaction's events are handled in order while the 16 partitions spread over the replicas.
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  ReplayPolicy,
  type ConsumerConfig,
  type ConsumerInfo,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { PARTITIONS, partitionFilter, type InteractionFamily } from '@warmline/contracts';
import { ACK_WAIT_MS } from './constants.js';
import { streamName } from './streams.js';

/** One durable consumer of an agent: which stream, which partition, which name. */
export interface PartitionConsumer {
  readonly stream: string;
  readonly family: InteractionFamily;
  readonly partition: number;
  readonly name: string;
  readonly filterSubject: string;
}

/** The partitions of a family: `0 … PARTITIONS-1`. */
export function partitions(): number[] {
  return Array.from({ length: PARTITIONS }, (_, p) => p);
}

/** The durable consumer an agent uses for one partition of one family (`<agent>-<family>-p<n>`). */
export function partitionConsumer(
  agent: string,
  family: InteractionFamily,
  partition: number,
): PartitionConsumer {
  return {
    stream: streamName(family),
    family,
    partition,
    name: `${agent}-${family}-p${partition}`,
    filterSubject: partitionFilter(family, partition),
  };
}

/** The server-side configuration of a partition consumer. */
export function consumerConfig(
  consumer: PartitionConsumer,
  ackWaitMs = ACK_WAIT_MS,
): Partial<ConsumerConfig> {
  return {
    durable_name: consumer.name,
    filter_subject: consumer.filterSubject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
    max_ack_pending: 1,
    ack_wait: nanos(ackWaitMs),
    // The server's own max_deliver would silently skip a message once reached. The bus counts
    // deliveries itself and dead-letters on the last one (retrying the dead-letter write if it
    // fails), so the server must keep redelivering. No server-side backoff either: it replaces
    // ack_wait on each delivery, and a short first step would redeliver a slow handler's message
    // to another replica mid-flight, breaking per-partition order. The bus naks with its backoff.
    max_deliver: -1,
  };
}

/**
 * Creates the agent's consumers for `family` if missing, and updates those whose settings differ
 * (consumers belong to the agent; streams do not). Returns them in partition order.
 */
export async function ensurePartitionConsumers(
  jsm: JetStreamManager,
  agent: string,
  family: InteractionFamily,
  ackWaitMs = ACK_WAIT_MS,
): Promise<PartitionConsumer[]> {
  const consumers = partitions().map((p) => partitionConsumer(agent, family, p));
  await Promise.all(consumers.map((c) => ensureConsumer(jsm, c, consumerConfig(c, ackWaitMs))));
  return consumers;
}

async function ensureConsumer(
  jsm: JetStreamManager,
  consumer: PartitionConsumer,
  config: Partial<ConsumerConfig>,
): Promise<void> {
  const existing = await findConsumer(jsm, consumer);
  if (existing === null) {
    await jsm.consumers.add(consumer.stream, config);
  } else if (
    existing.config.ack_wait !== config.ack_wait ||
    existing.config.max_ack_pending !== config.max_ack_pending ||
    existing.config.max_deliver !== config.max_deliver
  ) {
    await jsm.consumers.update(consumer.stream, consumer.name, {
      ack_wait: config.ack_wait,
      max_ack_pending: config.max_ack_pending,
      max_deliver: config.max_deliver,
    });
  }
}

async function findConsumer(
  jsm: JetStreamManager,
  consumer: PartitionConsumer,
): Promise<ConsumerInfo | null> {
  try {
    return await jsm.consumers.info(consumer.stream, consumer.name);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound)
      return null;
    throw error;
  }
}
