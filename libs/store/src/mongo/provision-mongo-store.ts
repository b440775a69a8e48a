// Creates the store's collections (with their validators) and indexes. Run by the provisioning step with
// a user allowed to create them; agents only open and verify (openMongoStore). Safe to run again: what
// exists is left as it is, what is missing is created.
import type { Db } from 'mongodb';
import { MONGO_COLLECTION_ROLES, MONGO_COLLECTIONS, MONGO_INDEXES } from './collections.js';
import { isNamespaceExists } from './mongo-errors.js';
import { MONGO_VALIDATION, mongoValidator } from './validators.js';

export interface ProvisionMongoStoreResult {
  /** Collections this call created, each with its validator. */
  readonly created: string[];
  /** Collections that already existed; their options (validator included) are left as they were. */
  readonly existing: string[];
  /** Indexes this call created, as `<collection>.<index>`. */
  readonly indexesCreated: string[];
}

/**
 * Creates every missing collection of the store, with its `$jsonSchema` validator (strict, refusing
 * violations), and every missing index. Never changes or drops an existing collection or index.
 */
export async function provisionMongoStore(db: Db): Promise<ProvisionMongoStoreResult> {
  const present = new Set(
    (await db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name),
  );
  const result: ProvisionMongoStoreResult = { created: [], existing: [], indexesCreated: [] };
  for (const role of MONGO_COLLECTION_ROLES) {
    const name = MONGO_COLLECTIONS[role];
    const created = !present.has(name) && (await createCollection(db, role));
    (created ? result.created : result.existing).push(name);
    result.indexesCreated.push(...(await createMissingIndexes(db, role)));
  }
  return result;
}

/** Creates the collection with its validator; false when a concurrent provisioning step created it first. */
async function createCollection(
  db: Db,
  role: (typeof MONGO_COLLECTION_ROLES)[number],
): Promise<boolean> {
  try {
    await db.createCollection(MONGO_COLLECTIONS[role], {
      validator: mongoValidator(role),
      ...MONGO_VALIDATION,
    });
    return true;
  } catch (err) {
    if (isNamespaceExists(err)) {
      return false;
    }
    throw err;
  }
}

async function createMissingIndexes(
  db: Db,
  role: (typeof MONGO_COLLECTION_ROLES)[number],
): Promise<string[]> {
  const wanted = MONGO_INDEXES[role];
  if (wanted.length === 0) {
    return [];
  }
  const collection = db.collection(MONGO_COLLECTIONS[role]);
  const names = new Set(
    (await collection.listIndexes().toArray()).map((index) => String(index['name'])),
  );
  const missing = wanted.filter((index) => !names.has(index.name));
  if (missing.length === 0) {
    return [];
  }
  await collection.createIndexes(missing);
  return missing.map((index) => `${collection.collectionName}.${index.name}`);
}
