// The JetStream KV adapter on a real nats-server: the shared store contract, then what only this
// adapter has (bucket provisioning and verification, recovery from a writer killed between writes).
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Kvm } from '@nats-io/kv';
import { startNatsServer } from '@warmline/testing';
import { describeStoreContract } from '../contract/index.js';
import { encodeIntentState } from '../codec/intent-state-codec.js';
import { intentState, plain } from '../contract/fixtures.js';
import {
  CorruptStoredValueError,
  StoreClosedError,
  StoreNotProvisionedError,
  StoreUnavailableError,
} from '../port/errors.js';
import type { WarmlineStore } from '../port/warmline-store.js';
import { KV_BUCKETS } from './buckets.js';
import { openKvStore } from './open-kv-store.js';
import { provisionKvStore } from './provision-kv-store.js';

type NatsServer = Awaited<ReturnType<typeof startNatsServer>>;

/** A fresh server with provisioned buckets; every store opened on it is closed by `dispose`. */
async function freshProvisionedServer() {
  const server = await startNatsServer();
  const admin = await connect({ servers: server.url });
  await provisionKvStore(admin);
  const opened: WarmlineStore[] = [];
  const open = async () => {
    const store = await openKvStore({ servers: server.url });
    opened.push(store);
    return store;
  };
  const dispose = async () => {
    await Promise.all(opened.map((s) => s.close()));
    await admin.close();
    await server.stop();
  };
  return { server, admin, open, dispose };
}

describeStoreContract('JetStream KV', async () => {
  const env = await freshProvisionedServer();
  const store = await env.open();
  return {
    intents: store.intents,
    audit: store.audit,
    idempotency: store.idempotency,
    checkpoints: store.checkpoints,
    close: () => store.close(),
    openAgain: env.open,
    dispose: env.dispose,
  };
});

describe('JetStream KV adapter', () => {
  let server: NatsServer;
  let nc: NatsConnection;

  beforeEach(async () => {
    server = await startNatsServer();
    nc = await connect({ servers: server.url });
  });

  afterEach(async () => {
    await nc.close();
    await server.stop();
  });

  describe('provisioning', () => {
    it('refuses to open before provisioning, naming every missing bucket', async () => {
      const err = await openKvStore({ nc }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreNotProvisionedError);
      for (const bucket of Object.values(KV_BUCKETS)) {
        expect((err as Error).message).toContain(bucket);
      }
    });

    it('names the one bucket that is missing', async () => {
      await provisionKvStore(nc);
      await (await new Kvm(nc).open(KV_BUCKETS.audit)).destroy();
      const err = await openKvStore({ nc }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreNotProvisionedError);
      expect((err as StoreNotProvisionedError).missing).toBe(`KV bucket ${KV_BUCKETS.audit}`);
    });

    it('creates file-backed buckets once and leaves existing ones alone', async () => {
      const first = await provisionKvStore(nc);
      expect(first).toEqual({ created: Object.values(KV_BUCKETS), existing: [] });
      const second = await provisionKvStore(nc);
      expect(second).toEqual({ created: [], existing: Object.values(KV_BUCKETS) });
      for (const bucket of Object.values(KV_BUCKETS)) {
        const status = await (await new Kvm(nc).open(bucket)).status();
        expect({
          storage: status.storage,
          history: status.history,
          replicas: status.replicas,
        }).toEqual({
          storage: 'file',
          history: 1,
          replicas: 1,
        });
      }
    });

    it('refuses a replica count JetStream cannot use', async () => {
      await expect(provisionKvStore(nc, { replicas: 2 })).rejects.toThrow(
        /replicas must be 1, 3 or 5/,
      );
    });
  });

  describe('on a provisioned server', () => {
    beforeEach(async () => {
      await provisionKvStore(nc);
    });

    it('records a version whose writer died before recording it, before any later version', async () => {
      const store = await openKvStore({ nc });
      await store.intents.create(intentState('call-crash', 1));
      // What a writer killed between its two writes leaves: version 2 current, absent from history.
      const current = await new Kvm(nc).open(KV_BUCKETS.intentState);
      const entry = await current.get('call-crash');
      await current.update(
        'call-crash',
        encodeIntentState(intentState('call-crash', 2, 'orphan')),
        entry?.revision ?? 0,
      );

      await store.intents.compareAndSet('call-crash', 2, intentState('call-crash', 3));
      const history = await store.intents.history('call-crash');
      expect(history.map(plain)).toEqual(
        [
          intentState('call-crash', 1),
          intentState('call-crash', 2, 'orphan'),
          intentState('call-crash', 3),
        ].map(plain),
      );
      await store.close();
    });

    it('includes the current version in history even when its writer died before recording it', async () => {
      const store = await openKvStore({ nc });
      await store.intents.create(intentState('call-read', 1));
      const current = await new Kvm(nc).open(KV_BUCKETS.intentState);
      const entry = await current.get('call-read');
      await current.update(
        'call-read',
        encodeIntentState(intentState('call-read', 2)),
        entry?.revision ?? 0,
      );

      expect((await store.intents.history('call-read')).map((s) => s.version)).toEqual([1, 2]);
      const versions = await new Kvm(nc).open(KV_BUCKETS.intentHistory);
      expect(await versions.get('call-read.2')).not.toBeNull();
      await store.close();
    });

    it('reports a value it cannot decode as corrupt, naming where it is', async () => {
      const store = await openKvStore({ nc });
      await (await new Kvm(nc).open(KV_BUCKETS.audit)).put('call-x.r1', 'not json');
      const err = await store.audit.list('call-x').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CorruptStoredValueError);
      expect((err as Error).message).toContain(`${KV_BUCKETS.audit}/call-x.r1`);
      await store.close();
    });

    it('leaves a connection it was given open when closed', async () => {
      const store = await openKvStore({ nc });
      await store.close();
      expect(nc.isClosed()).toBe(false);
      await expect(store.intents.get('call-1')).rejects.toBeInstanceOf(StoreClosedError);
    });

    it('turns a lost server into StoreUnavailableError', async () => {
      const store = await openKvStore({
        servers: server.url,
        timeoutMs: 300,
        connection: { maxReconnectAttempts: 0 },
      });
      await server.stop();
      const err = await store.intents.get('call-1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect((err as StoreUnavailableError).operation).toBe('intents.get');
      await store.close();
    });
  });
});
