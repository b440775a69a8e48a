// Opens the store on JetStream KV: binds to the provisioned buckets and verifies they exist. It never
// creates or changes a bucket (that is the provisioning step's job).
import { jetstream } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import { StoreNotProvisionedError } from '../port/errors.js';
import type { WarmlineStore } from '../port/warmline-store.js';
import { KV_BUCKET_ROLES, KV_BUCKETS, type KvBucketRole } from './buckets.js';
import { isBucketMissing } from './kv-errors.js';
import { KvWarmlineStore } from './kv-warmline-store.js';

/** How long one KV operation may take before it fails (as StoreUnavailableError). */
export const DEFAULT_KV_TIMEOUT_MS = 5_000;

interface CommonOptions {
  /** Per-operation timeout in milliseconds (default {@link DEFAULT_KV_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

/** Use a connection the caller owns (and closes); closing the store leaves it open. */
export interface OpenKvStoreOnConnection extends CommonOptions {
  readonly nc: NatsConnection;
}

/** Connect to `servers`; the store owns the connection and drains it on close. */
export interface OpenKvStoreOnServers extends CommonOptions {
  readonly servers: string | string[];
  /** Further connection options: credentials, name, reconnect policy… */
  readonly connection?: Omit<NodeConnectionOptions, 'servers'>;
}

export type OpenKvStoreOptions = OpenKvStoreOnConnection | OpenKvStoreOnServers;

/**
 * Opens the JetStream KV store.
 * @throws StoreNotProvisionedError naming every missing bucket.
 */
export async function openKvStore(options: OpenKvStoreOptions): Promise<WarmlineStore> {
  const ownsConnection = !('nc' in options);
  const nc =
    'nc' in options
      ? options.nc
      : await connect({ ...options.connection, servers: options.servers });
  try {
    const buckets = await openBuckets(nc, options.timeoutMs ?? DEFAULT_KV_TIMEOUT_MS);
    return new KvWarmlineStore(buckets, ownsConnection ? nc : null);
  } catch (err) {
    if (ownsConnection) {
      await nc.close();
    }
    throw err;
  }
}

async function openBuckets(nc: NatsConnection, timeout: number): Promise<Record<KvBucketRole, KV>> {
  const kvm = new Kvm(jetstream(nc, { timeout }));
  const opened = await Promise.all(
    KV_BUCKET_ROLES.map((role) => openBucket(kvm, KV_BUCKETS[role])),
  );
  const missing = KV_BUCKET_ROLES.filter((_, i) => opened[i] === null).map(
    (role) => KV_BUCKETS[role],
  );
  if (missing.length > 0) {
    throw new StoreNotProvisionedError(
      `KV bucket${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  return Object.fromEntries(KV_BUCKET_ROLES.map((role, i) => [role, opened[i]])) as Record<
    KvBucketRole,
    KV
  >;
}

/** The bound bucket, or null when its stream does not exist (binding alone does not check). */
async function openBucket(kvm: Kvm, bucket: string): Promise<KV | null> {
  const kv = await kvm.open(bucket);
  try {
    await kv.status();
    return kv;
  } catch (err) {
    if (isBucketMissing(err)) {
      return null;
    }
    throw err;
  }
}
