// The provisioning step, as the admin user: every stream of the bus and every bucket of the store.
// Agents never create either; they verify at start-up and refuse to run without them.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { provisionStreams } from '@warmline/bus';
import { ADMIN_USER } from '@warmline/nats-server';
import { provisionKvStore } from '@warmline/store';
import type { StackBroker } from './broker.js';

export interface ProvisionSummary {
  readonly streamsCreated: number;
  readonly streamsUnchanged: number;
  readonly bucketsCreated: number;
  readonly bucketsExisting: number;
}

/** What the provisioning step may vary per deployment. */
export interface ProvisionOptions {
  /** JetStream replicas of every stream and bucket: 1 on one machine, 3 or 5 in a cluster. */
  readonly replicas?: number;
}

/**
 * Creates what is missing (idempotent); returns what it did. A stream's replica count is brought to
 * `replicas`; an existing KV bucket is never changed (recreate it to change its replicas).
 */
export async function provision(
  broker: StackBroker,
  options: ProvisionOptions = {},
): Promise<ProvisionSummary> {
  const nc = await connect({ servers: broker.url, ...broker.credentials(ADMIN_USER) });
  try {
    const replicas = options.replicas ?? 1;
    const streams = await provisionStreams(await jetstreamManager(nc), { replicas });
    const buckets = await provisionKvStore(nc, { replicas });
    return {
      streamsCreated: streams.created.length,
      streamsUnchanged: streams.unchanged.length + streams.updated.length,
      bucketsCreated: buckets.created.length,
      bucketsExisting: buckets.existing.length,
    };
  } finally {
    await nc.close();
  }
}
