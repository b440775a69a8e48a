// Opens the store on MongoDB: binds to the provisioned collections and verifies they and the indexes the
// store relies on exist. It never creates or changes a collection (that is the provisioning step's job).
import { MongoClient, type Db } from 'mongodb';
import { StoreError, StoreNotProvisionedError, StoreUnavailableError } from '../port/errors.js';
import type { WarmlineStore } from '../port/warmline-store.js';
import { MONGO_COLLECTION_ROLES, MONGO_COLLECTIONS, MONGO_INDEXES } from './collections.js';
import {
  mongoClientOptions,
  MongoStoreOptionsError,
  resolveMongoStoreSettings,
  type MongoStoreSettings,
  type OpenMongoStoreOnUri,
  type OpenMongoStoreOptions,
} from './mongo-store-options.js';
import { MongoWarmlineStore, type MongoStoreCollections } from './mongo-warmline-store.js';

/**
 * Opens the MongoDB store (write concern `majority` and retryable writes unless configured otherwise).
 * @throws MongoStoreOptionsError for a malformed option, before connecting.
 * @throws StoreNotProvisionedError naming every missing collection, or else every missing index.
 * @throws StoreUnavailableError when no usable server answers within the timeout.
 */
export async function openMongoStore(options: OpenMongoStoreOptions): Promise<WarmlineStore> {
  const settings = resolveMongoStoreSettings(options);
  const owned = 'client' in options ? null : createClient(options, settings);
  const client = owned ?? (options as { client: MongoClient }).client;
  try {
    await owned?.connect();
    const db = client.db(settings.database, { writeConcern: { ...settings.writeConcern } });
    await verifyProvisioned(db);
    return new MongoWarmlineStore(bindCollections(db), owned);
  } catch (err) {
    await owned?.close();
    throw err instanceof StoreError ? err : new StoreUnavailableError('open', err);
  }
}

/** The store's collections in `db`, typed; binding alone does not check they exist. */
export function bindCollections(db: Db): MongoStoreCollections {
  return {
    intentState: db.collection(MONGO_COLLECTIONS.intentState),
    intentHistory: db.collection(MONGO_COLLECTIONS.intentHistory),
    audit: db.collection(MONGO_COLLECTIONS.audit),
    idempotency: db.collection(MONGO_COLLECTIONS.idempotency),
    checkpoints: db.collection(MONGO_COLLECTIONS.checkpoints),
  };
}

function createClient(options: OpenMongoStoreOnUri, settings: MongoStoreSettings): MongoClient {
  try {
    return new MongoClient(options.uri, mongoClientOptions(settings, options.connection));
  } catch (err) {
    // Constructing a client only parses (it connects later): whatever it refuses is the configuration.
    // The driver's message names the problem, not the credentials in the string.
    throw new MongoStoreOptionsError(
      'uri',
      `or connection options cannot be used: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}

/** Names every missing collection; when all exist, every missing index. */
async function verifyProvisioned(db: Db): Promise<void> {
  const present = new Set(
    (await db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name),
  );
  const missing = MONGO_COLLECTION_ROLES.map((role) => MONGO_COLLECTIONS[role]).filter(
    (name) => !present.has(name),
  );
  if (missing.length > 0) {
    throw new StoreNotProvisionedError(
      `MongoDB collection${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in database ${db.databaseName}`,
    );
  }
  const missingIndexes = (
    await Promise.all(MONGO_COLLECTION_ROLES.map((role) => missingIndexesOf(db, role)))
  ).flat();
  if (missingIndexes.length > 0) {
    throw new StoreNotProvisionedError(
      `MongoDB index${missingIndexes.length > 1 ? 'es' : ''} ${missingIndexes.join(', ')} in database ${db.databaseName}`,
    );
  }
}

async function missingIndexesOf(
  db: Db,
  role: (typeof MONGO_COLLECTION_ROLES)[number],
): Promise<string[]> {
  const wanted = MONGO_INDEXES[role];
  if (wanted.length === 0) {
    return [];
  }
  const collection = MONGO_COLLECTIONS[role];
  const names = new Set(
    (await db.collection(collection).listIndexes().toArray()).map((index) => String(index['name'])),
  );
  return wanted
    .filter((index) => !names.has(index.name))
    .map((index) => `${collection}.${index.name}`);
}
