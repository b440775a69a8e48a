// The MongoDB adapter on a real MongoDB: the shared store contract, then what only this adapter has
// (provisioning with validators and indexes, the write concern it asks for, recovery from a writer
// killed between writes). No fake stands in for MongoDB: without a server the whole suite is skipped,
// with one line saying so (see "Running the MongoDB tests" in libs/store/README.md).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  Binary,
  Long,
  MongoClient,
  type CommandStartedEvent,
  type Db,
  type Document,
} from 'mongodb';
import { DryMongoBinary, MongoMemoryReplSet, MongoMemoryServer } from 'mongodb-memory-server-core';
import { encodeIntentState } from '../codec/intent-state-codec.js';
import { describeStoreContract } from '../contract/index.js';
import { auditRecord, intentState, plain, uniqueId } from '../contract/fixtures.js';
import {
  CorruptStoredValueError,
  StoreClosedError,
  StoreNotProvisionedError,
  StoreUnavailableError,
} from '../port/errors.js';
import type { WarmlineStore } from '../port/warmline-store.js';
import { MONGO_COLLECTION_ROLES, MONGO_COLLECTIONS, MONGO_INDEXES } from './collections.js';
import {
  mongoClientOptions,
  resolveMongoStoreSettings,
  type MongoStoreWriteConcern,
} from './mongo-store-options.js';
import { openMongoStore } from './open-mongo-store.js';
import { provisionMongoStore } from './provision-mongo-store.js';
import { MONGO_SCHEMAS, MONGO_VALIDATION } from './validators.js';

/** A document written around the adapter, as a damaged or foreign writer would. */
type RawDocument = { _id: string } & Document;

/** Where the tests get a MongoDB: a server the developer runs, or a mongod binary they start themselves. */
type MongoServerSource = { readonly uri: string } | { readonly binary: string };

/**
 * `MONGODB_URI` when set; else a mongod binary (`MONGOMS_SYSTEM_BINARY`, `mongod` on PATH, or one in
 * mongodb-memory-server's cache), which the suite starts as a one-member replica set; else null. Never
 * downloads anything.
 */
async function findMongoServer(): Promise<MongoServerSource | null> {
  const uri = process.env['MONGODB_URI'];
  if (uri) {
    return { uri };
  }
  const binary =
    process.env['MONGOMS_SYSTEM_BINARY'] || findOnPath('mongod') || (await findCachedMongod());
  return binary ? { binary } : null;
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function findCachedMongod(): Promise<string | undefined> {
  try {
    return await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions());
  } catch {
    return undefined; // this platform has no cache layout mongodb-memory-server knows: no binary
  }
}

const source = await findMongoServer();
if (source === null) {
  process.stderr.write(
    'MongoDB adapter tests SKIPPED: no MongoDB server (set MONGODB_URI=mongodb://… or install mongod) — see libs/store/README.md\n',
  );
}
const describeWithMongo = source === null ? describe.skip : describe;
const itWithOwnMongod = source !== null && 'binary' in source ? it : it.skip;

let databases = 0;
/** A database name no other test (or earlier run) uses; each test's database is dropped afterwards. */
function uniqueDatabase(): string {
  databases += 1;
  return `wl_test_${process.pid}_${databases}_${Math.random().toString(36).slice(2, 8)}`;
}

describeWithMongo('MongoDB adapter', () => {
  let replSet: MongoMemoryReplSet | undefined;
  let uri: string;
  let admin: MongoClient;

  beforeAll(async () => {
    if (source === null) {
      return;
    }
    if ('uri' in source) {
      uri = source.uri;
    } else {
      // A replica set (of one), so majority writes, retryable writes and failover semantics are real.
      replSet = await MongoMemoryReplSet.create({
        binary: { systemBinary: source.binary },
        replSet: { count: 1, storageEngine: 'wiredTiger' },
      });
      uri = replSet.getUri();
    }
    admin = new MongoClient(uri);
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    await admin?.close();
    await replSet?.stop();
  });

  /** A fresh, provisioned database; `dispose` closes every store opened on it and drops it. */
  async function freshDatabase() {
    const name = uniqueDatabase();
    const db = admin.db(name);
    await provisionMongoStore(db);
    const opened: WarmlineStore[] = [];
    const open = async () => {
      const store = await openMongoStore({ uri, database: name });
      opened.push(store);
      return store;
    };
    const dispose = async () => {
      await Promise.all(opened.map((s) => s.close()));
      await db.dropDatabase();
    };
    return { name, db, open, dispose };
  }

  describeStoreContract('MongoDB', async () => {
    const env = await freshDatabase();
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

  describe('provisioning', () => {
    let name: string;
    let db: Db;

    beforeEach(() => {
      name = uniqueDatabase();
      db = admin.db(name);
    });

    afterEach(async () => {
      await db.dropDatabase();
    });

    it('refuses to open before provisioning, naming every missing collection', async () => {
      const err = await openMongoStore({ uri, database: name }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreNotProvisionedError);
      for (const collection of Object.values(MONGO_COLLECTIONS)) {
        expect((err as Error).message).toContain(collection);
      }
    });

    it('names the one index that is missing', async () => {
      await provisionMongoStore(db);
      await db.collection(MONGO_COLLECTIONS.audit).dropIndex('interaction_seq');
      const err = await openMongoStore({ uri, database: name }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreNotProvisionedError);
      expect((err as StoreNotProvisionedError).missing).toBe(
        `MongoDB index ${MONGO_COLLECTIONS.audit}.interaction_seq in database ${name}`,
      );
    });

    it('creates every collection with its validator and every index, once', async () => {
      const allIndexes = MONGO_COLLECTION_ROLES.flatMap((role) =>
        MONGO_INDEXES[role].map((index) => `${MONGO_COLLECTIONS[role]}.${index.name}`),
      );
      expect(await provisionMongoStore(db)).toEqual({
        created: Object.values(MONGO_COLLECTIONS),
        existing: [],
        indexesCreated: allIndexes,
      });
      expect(await provisionMongoStore(db)).toEqual({
        created: [],
        existing: Object.values(MONGO_COLLECTIONS),
        indexesCreated: [],
      });
      for (const role of MONGO_COLLECTION_ROLES) {
        const [info] = await db
          .listCollections({ name: MONGO_COLLECTIONS[role] }, { nameOnly: false })
          .toArray();
        expect(info?.options?.['validator']).toEqual({ $jsonSchema: MONGO_SCHEMAS[role] });
        // The server may leave out an option that has its default value (strict / error).
        expect({
          validationLevel: info?.options?.['validationLevel'] ?? 'strict',
          validationAction: info?.options?.['validationAction'] ?? 'error',
        }).toEqual(MONGO_VALIDATION);
        const indexes = await db.collection(MONGO_COLLECTIONS[role]).listIndexes().toArray();
        for (const wanted of MONGO_INDEXES[role]) {
          const index = indexes.find((i) => i['name'] === wanted.name);
          expect({ key: index?.['key'], unique: index?.['unique'] ?? false }).toEqual({
            key: wanted.key,
            unique: wanted.unique ?? false,
          });
        }
      }
    });

    it('leaves an existing collection as it is and adds only the indexes it lacks', async () => {
      await db.createCollection(MONGO_COLLECTIONS.audit);
      const result = await provisionMongoStore(db);
      expect(result.existing).toEqual([MONGO_COLLECTIONS.audit]);
      expect(result.indexesCreated).toEqual(
        expect.arrayContaining([
          `${MONGO_COLLECTIONS.audit}.interaction_seq`,
          `${MONGO_COLLECTIONS.audit}.interaction_story`,
        ]),
      );
      const [info] = await db
        .listCollections({ name: MONGO_COLLECTIONS.audit }, { nameOnly: false })
        .toArray();
      expect(info?.options?.['validator']).toBeUndefined();
    });
  });

  describe('on a provisioned database', () => {
    let env: Awaited<ReturnType<typeof freshDatabase>>;

    beforeEach(async () => {
      env = await freshDatabase();
    });

    afterEach(async () => {
      await env.dispose();
    });

    const collection = (name: string) => env.db.collection<RawDocument>(name);
    const VALIDATION_FAILED = { code: 121 };

    it('has the server refuse documents the adapter would never write', async () => {
      const state = {
        _id: 'call-1',
        interactionId: 'call-1',
        version: Long.fromNumber(1),
        campaignId: 'c',
        updatedAt: null,
        state: new Binary(encodeIntentState(intentState('call-1', 1))),
      };
      await collection(MONGO_COLLECTIONS.intentState).insertOne({
        ...state,
        _id: 'call-0',
        interactionId: 'call-0',
      });
      await expect(
        collection(MONGO_COLLECTIONS.intentState).insertOne({
          ...state,
          version: Long.fromNumber(0),
        }),
      ).rejects.toMatchObject(VALIDATION_FAILED);
      await expect(
        collection(MONGO_COLLECTIONS.intentState).insertOne({ ...state, extra: true }),
      ).rejects.toMatchObject(VALIDATION_FAILED);
      await expect(
        collection(MONGO_COLLECTIONS.intentState).insertOne({ ...state, _id: 'call.1' }),
      ).rejects.toMatchObject(VALIDATION_FAILED);
      const grant = {
        _id: 'call-1.g1',
        interactionId: 'call-1',
        recordId: 'g1',
        seq: Long.fromNumber(1),
        kind: 'grant',
        at: Long.fromNumber(5),
        payload: new Binary(new Uint8Array([1])),
      };
      await expect(collection(MONGO_COLLECTIONS.audit).insertOne(grant)).rejects.toMatchObject(
        VALIDATION_FAILED,
      );
      await expect(
        collection(MONGO_COLLECTIONS.audit).insertOne({ ...grant, summary: { event: 'revoked' } }),
      ).rejects.toMatchObject(VALIDATION_FAILED);
      await collection(MONGO_COLLECTIONS.audit).insertOne({
        ...grant,
        summary: { event: 'revoked', reason: 'marker revoked' },
      });
      await expect(
        collection(MONGO_COLLECTIONS.idempotency).insertOne({
          _id: 'transfer.g1',
          owner: '',
          claimedAt: Long.fromNumber(1),
        }),
      ).rejects.toMatchObject(VALIDATION_FAILED);
      await expect(
        collection(MONGO_COLLECTIONS.checkpoints).insertOne({
          _id: 'router.ledger.c1',
          value: 'not bytes',
          revision: Long.fromNumber(1),
        }),
      ).rejects.toMatchObject(VALIDATION_FAILED);
    });

    it('reports a validator that refuses its writes as not provisioned, not as a passing fault', async () => {
      await env.db.command({
        collMod: MONGO_COLLECTIONS.audit,
        validator: { $jsonSchema: { bsonType: 'object', required: ['tenant'] } },
      });
      const store = await env.open();
      const err = await store.audit
        .append(auditRecord(uniqueId('call'), 'd1', 'decision', 1))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreNotProvisionedError);
      expect((err as Error).cause).toMatchObject(VALIDATION_FAILED);
    });

    it('asks every write for a majority acknowledgement by default, and for what is configured otherwise', async () => {
      const writeConcerns = async (writeConcern?: MongoStoreWriteConcern) => {
        const client = new MongoClient(uri, { monitorCommands: true });
        const seen: { command: string; w: unknown }[] = [];
        client.on('commandStarted', (event: CommandStartedEvent) => {
          if (['insert', 'update', 'delete', 'findAndModify'].includes(event.commandName)) {
            seen.push({ command: event.commandName, w: event.command['writeConcern']?.w });
          }
        });
        const store = await openMongoStore({
          client,
          database: env.name,
          ...(writeConcern ? { writeConcern } : {}),
        });
        try {
          await exerciseEveryWrite(store);
        } finally {
          await store.close();
          await client.close();
        }
        return seen;
      };
      const byDefault = await writeConcerns();
      expect(new Set(byDefault.map((s) => s.command))).toEqual(
        new Set(['insert', 'update', 'delete', 'findAndModify']),
      );
      expect(byDefault.every((s) => s.w === 'majority')).toBe(true);
      const configured = await writeConcerns({ w: 1 });
      expect(configured.length).toBeGreaterThan(0);
      expect(configured.every((s) => s.w === 1)).toBe(true);
    });

    it('sends its writes as retryable writes by default (on a replica set or sharded cluster)', async () => {
      const hello = await admin.db('admin').command({ hello: 1 });
      const client = new MongoClient(uri, {
        ...mongoClientOptions(resolveMongoStoreSettings({ uri })),
        monitorCommands: true,
      });
      const txnNumbers: unknown[] = [];
      client.on('commandStarted', (event: CommandStartedEvent) => {
        if (event.commandName === 'insert') {
          txnNumbers.push(event.command['txnNumber']);
        }
      });
      const store = await openMongoStore({ client, database: env.name });
      try {
        await store.intents.create(intentState(uniqueId('call'), 1));
      } finally {
        await store.close();
        await client.close();
      }
      expect(txnNumbers.length).toBeGreaterThan(0);
      // A standalone server (a MONGODB_URI without replica set) has no retryable writes to offer.
      const retryable = typeof hello['setName'] === 'string' || hello['msg'] === 'isdbgrid';
      expect(txnNumbers.every((n) => n !== undefined)).toBe(retryable);
    });

    it('records a version whose writer died before recording it, before any later version', async () => {
      const store = await env.open();
      await store.intents.create(intentState('call-crash', 1));
      // What a writer killed between its two writes leaves: version 2 current, absent from history.
      await plantCurrent(intentState('call-crash', 2, 'orphan'));

      await store.intents.compareAndSet('call-crash', 2, intentState('call-crash', 3));
      const history = await store.intents.history('call-crash');
      expect(history.map(plain)).toEqual(
        [
          intentState('call-crash', 1),
          intentState('call-crash', 2, 'orphan'),
          intentState('call-crash', 3),
        ].map(plain),
      );
    });

    it('includes the current version in history even when its writer died before recording it', async () => {
      const store = await env.open();
      await store.intents.create(intentState('call-read', 1));
      await plantCurrent(intentState('call-read', 2));

      expect((await store.intents.history('call-read')).map((s) => s.version)).toEqual([1, 2]);
      expect(
        await collection(MONGO_COLLECTIONS.intentHistory).findOne({ _id: 'call-read.2' }),
      ).not.toBeNull();
    });

    it('keeps a queryable copy of the state next to its protobuf bytes', async () => {
      const store = await env.open();
      const state = intentState('call-q', 1, 'campaign-7');
      state.updatedAt = { seconds: 1_700_000_000, nanos: 5_000_000 };
      await store.intents.create(state);
      const doc = await collection(MONGO_COLLECTIONS.intentState).findOne({ _id: 'call-q' });
      expect(doc).toMatchObject({
        interactionId: 'call-q',
        version: 1,
        campaignId: 'campaign-7',
        updatedAt: new Date(1_700_000_000_005),
      });
      expect(Array.from((doc?.['state'] as Binary).value())).toEqual(
        Array.from(encodeIntentState(state)),
      );
    });

    it('reports a value it cannot decode as corrupt, naming where it is', async () => {
      const store = await env.open();
      await collection(MONGO_COLLECTIONS.intentState).insertOne({
        _id: 'call-x',
        interactionId: 'call-x',
        version: Long.fromNumber(1),
        campaignId: '',
        updatedAt: null,
        state: new Binary(new Uint8Array([0xff, 0xff, 0xff])),
      });
      const err = await store.intents.get('call-x').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CorruptStoredValueError);
      expect((err as Error).message).toContain(`${MONGO_COLLECTIONS.intentState}/call-x`);
    });

    it('leaves a client it was given open when closed', async () => {
      const client = new MongoClient(uri);
      const store = await openMongoStore({ client, database: env.name });
      await store.close();
      await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
      await expect(store.intents.get('call-1')).rejects.toBeInstanceOf(StoreClosedError);
      await client.close();
    });

    /** Writes `state` as the current document directly, as a writer killed before recording it leaves it. */
    async function plantCurrent(state: ReturnType<typeof intentState>): Promise<void> {
      await collection(MONGO_COLLECTIONS.intentState).updateOne(
        { _id: state.interactionId },
        {
          $set: {
            version: Long.fromNumber(state.version),
            campaignId: state.campaignId,
            state: new Binary(encodeIntentState(state)),
          },
        },
      );
    }
  });

  describe('when the server goes away', () => {
    itWithOwnMongod(
      'turns a lost server into StoreUnavailableError (needs a mongod binary to stop)',
      async () => {
        const server = await MongoMemoryServer.create({
          binary: { systemBinary: source !== null && 'binary' in source ? source.binary : '' },
          instance: { storageEngine: 'wiredTiger' },
        });
        const client = new MongoClient(server.getUri());
        let running = true;
        try {
          await provisionMongoStore(client.db('warmline'));
          const store = await openMongoStore({ uri: server.getUri(), timeoutMs: 500 });
          await store.intents.create(intentState('call-1', 1));
          await server.stop();
          running = false;
          const err = await store.intents.get('call-1').catch((e: unknown) => e);
          expect(err).toBeInstanceOf(StoreUnavailableError);
          expect((err as StoreUnavailableError).operation).toBe('intents.get');
          await store.close();
        } finally {
          await client.close();
          if (running) {
            await server.stop();
          }
        }
      },
      60_000,
    );
  });
});

/** One of each kind of write the store makes. */
async function exerciseEveryWrite(store: WarmlineStore): Promise<void> {
  const iid = uniqueId('call');
  const key = `transfer.${uniqueId('grant')}`;
  const checkpoint = `router.ledger.${uniqueId('closer')}`;
  await store.intents.create(intentState(iid, 1));
  await store.intents.compareAndSet(iid, 1, intentState(iid, 2));
  await store.audit.append(auditRecord(iid, 'd1', 'decision', 1));
  await store.idempotency.claim(key, 'router-1', 1);
  await store.idempotency.release(key, 'router-1');
  const revision = await store.checkpoints.put(checkpoint, new Uint8Array([1]), null);
  await store.checkpoints.delete(checkpoint, revision);
}
