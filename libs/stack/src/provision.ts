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

/** Creates what is missing (idempotent); returns what it did. */
export async function provision(broker: StackBroker): Promise<ProvisionSummary> {
  const nc = await connect({ servers: broker.url, ...broker.credentials(ADMIN_USER) });
  try {
    const streams = await provisionStreams(await jetstreamManager(nc));
    const buckets = await provisionKvStore(nc);
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
