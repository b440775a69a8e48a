// Creates the store's KV buckets. Run by the provisioning step with the admin user (agents' users may
// not create streams); agents only open and verify the buckets (openKvStore).
import { jetstreamManager, StorageType } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  KV_BUCKET_DESCRIPTIONS,
  KV_BUCKET_ROLES,
  KV_BUCKETS,
  KV_HISTORY_PER_KEY,
} from './buckets.js';
import { isBucketMissing } from './kv-errors.js';

export interface ProvisionKvStoreOptions {
  /** JetStream replicas of each bucket: 1 on one machine (default), 3 or 5 in a cluster. */
  readonly replicas?: number;
}

export interface ProvisionKvStoreResult {
  /** Buckets this call created. */
  readonly created: string[];
  /** Buckets that already existed; they are left exactly as they were. */
  readonly existing: string[];
}

/** Creates every missing bucket of the store (file storage); never changes an existing one. */
export async function provisionKvStore(
  nc: NatsConnection,
  options: ProvisionKvStoreOptions = {},
): Promise<ProvisionKvStoreResult> {
  const replicas = options.replicas ?? 1;
  if (![1, 3, 5].includes(replicas)) {
    throw new RangeError(`replicas must be 1, 3 or 5, got ${replicas}`);
  }
  const jsm = await jetstreamManager(nc);
  const kvm = new Kvm(nc);
  const result: ProvisionKvStoreResult = { created: [], existing: [] };
  for (const role of KV_BUCKET_ROLES) {
    const bucket = KV_BUCKETS[role];
    if (await bucketExists(jsm, bucket)) {
      result.existing.push(bucket);
      continue;
    }
    await kvm.create(bucket, {
      description: KV_BUCKET_DESCRIPTIONS[role],
      history: KV_HISTORY_PER_KEY,
      replicas,
      storage: StorageType.File,
      // Reads go to the stream leader: a replica could answer with a value older than our own write.
      allow_direct: false,
    });
    result.created.push(bucket);
  }
  return result;
}

async function bucketExists(
  jsm: Awaited<ReturnType<typeof jetstreamManager>>,
  bucket: string,
): Promise<boolean> {
  try {
    await jsm.streams.info(`KV_${bucket}`);
    return true;
  } catch (err) {
    if (isBucketMissing(err)) {
      return false;
    }
    throw err;
  }
}
