// The options of openMongoStore, read in one place: defaults, validation (a clear error naming the bad
// option), and the MongoClient options they become when the store connects by itself.
import type { MongoClient, MongoClientOptions } from 'mongodb';

/** The database the store's collections live in, unless `database` names another. */
export const DEFAULT_MONGO_DATABASE = 'warmline';

/** How long an operation waits for a usable server (a primary) before failing as StoreUnavailableError. */
export const DEFAULT_MONGO_TIMEOUT_MS = 5_000;

/**
 * Acknowledgement the store asks of every write. The server applies it on every topology; the KV adapter
 * counterpart is JetStream's replicated, file-backed write.
 */
export interface MongoStoreWriteConcern {
  /**
   * `'majority'` (the default: an acknowledged write survives a failover) or how many members must
   * acknowledge. At least 1: an unacknowledged write (`w: 0`) could not report a compare-and-set's outcome.
   */
  readonly w: 'majority' | number;
  /** Wait for the on-disk journal as well (servers journal majority writes by default). */
  readonly journal?: boolean;
  /** How long the server waits for the acknowledgements before failing the write (StoreUnavailableError). */
  readonly wtimeoutMS?: number;
}

/** The write concern unless `writeConcern` says otherwise. */
export const DEFAULT_MONGO_WRITE_CONCERN: MongoStoreWriteConcern = Object.freeze({ w: 'majority' });

interface CommonOptions {
  /** Database of the store's collections (default {@link DEFAULT_MONGO_DATABASE}). */
  readonly database?: string;
  /** Write concern of every write (default {@link DEFAULT_MONGO_WRITE_CONCERN}). */
  readonly writeConcern?: MongoStoreWriteConcern;
}

/** Connect to `uri`; the store owns the client and closes it on close. */
export interface OpenMongoStoreOnUri extends CommonOptions {
  /** A `mongodb://` or `mongodb+srv://` connection string (e.g. the deployment's `MONGODB_URI`). */
  readonly uri: string;
  /**
   * Retry a write once after a network error or a failover (default true). The server remembers the
   * write, so a retried insert or compare-and-set is applied once. Needs a replica set or sharded
   * cluster; on a standalone server the driver does not retry.
   */
  readonly retryWrites?: boolean;
  /** Per-operation wait for a usable server, in milliseconds (default {@link DEFAULT_MONGO_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** Further client options: TLS, credentials, pool size, app name… (write concern and retries are above). */
  readonly connection?: Omit<
    MongoClientOptions,
    'writeConcern' | 'w' | 'journal' | 'wtimeoutMS' | 'retryWrites'
  >;
}

/**
 * Use a client the caller owns (and closes); closing the store leaves it open. Its retryable-writes
 * setting and timeouts are the client's; the write concern is still the store's.
 */
export interface OpenMongoStoreOnClient extends CommonOptions {
  readonly client: MongoClient;
}

export type OpenMongoStoreOptions = OpenMongoStoreOnUri | OpenMongoStoreOnClient;

/** What openMongoStore runs with, once defaults are applied and every option is checked. */
export interface MongoStoreSettings {
  readonly database: string;
  readonly writeConcern: MongoStoreWriteConcern;
  readonly retryWrites: boolean;
  readonly timeoutMs: number;
}

/** An option of openMongoStore is malformed; the message names it. Raised before anything connects. */
export class MongoStoreOptionsError extends Error {
  readonly code = 'INVALID_MONGO_STORE_OPTIONS';

  constructor(
    readonly option: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`openMongoStore option ${option} ${problem}`, options);
    this.name = new.target.name;
  }
}

// MongoDB's database name rule (Linux and Windows alike): no /\. "$*<>:|? or NUL, under 64 bytes.
const DATABASE_NAME = /^[^/\\. "$*<>:|?\0]+$/;
const DATABASE_NAME_MAX_BYTES = 63;

/**
 * Applies the defaults and checks every option.
 * @throws MongoStoreOptionsError naming the first bad option.
 */
export function resolveMongoStoreSettings(options: OpenMongoStoreOptions): MongoStoreSettings {
  const ownClient = assertOneTarget(options);
  const onUri = ownClient ? (options as OpenMongoStoreOnUri) : undefined;
  return {
    database: resolveDatabase(options.database),
    writeConcern: resolveWriteConcern(options.writeConcern),
    retryWrites: resolveRetryWrites(onUri?.retryWrites),
    timeoutMs: resolveTimeout(onUri?.timeoutMs),
  };
}

/** The options of the client the store creates for itself: the caller's, then the store's on top. */
export function mongoClientOptions(
  settings: MongoStoreSettings,
  connection: OpenMongoStoreOnUri['connection'] = {},
): MongoClientOptions {
  return {
    serverSelectionTimeoutMS: settings.timeoutMs,
    ...connection,
    retryWrites: settings.retryWrites,
    writeConcern: { ...settings.writeConcern },
  };
}

/** True when the store connects by itself (`uri`), false when it uses the caller's `client`. */
function assertOneTarget(options: OpenMongoStoreOptions): boolean {
  const hasUri = 'uri' in options && options.uri !== undefined;
  const hasClient = 'client' in options && options.client !== undefined;
  if (hasUri === hasClient) {
    throw new MongoStoreOptionsError('uri/client', 'must be given, exactly one of them');
  }
  if (hasUri) {
    if (typeof options.uri !== 'string' || !/^mongodb(\+srv)?:\/\//.test(options.uri)) {
      throw new MongoStoreOptionsError(
        'uri',
        'must be a connection string starting with mongodb:// or mongodb+srv://',
      );
    }
    return true;
  }
  for (const option of ['retryWrites', 'timeoutMs', 'connection'] as const) {
    if (option in options) {
      throw new MongoStoreOptionsError(
        option,
        'cannot be combined with client: configure the client you pass instead',
      );
    }
  }
  return false;
}

function resolveDatabase(database: string | undefined): string {
  if (database === undefined) {
    return DEFAULT_MONGO_DATABASE;
  }
  if (
    typeof database !== 'string' ||
    !DATABASE_NAME.test(database) ||
    Buffer.byteLength(database) > DATABASE_NAME_MAX_BYTES
  ) {
    throw new MongoStoreOptionsError(
      'database',
      `must be a MongoDB database name (1-${DATABASE_NAME_MAX_BYTES} bytes, none of /\\. "$*<>:|?), got ${JSON.stringify(database)}`,
    );
  }
  return database;
}

function resolveWriteConcern(
  writeConcern: MongoStoreWriteConcern | undefined,
): MongoStoreWriteConcern {
  if (writeConcern === undefined) {
    return DEFAULT_MONGO_WRITE_CONCERN;
  }
  const { w, journal, wtimeoutMS } = writeConcern;
  if (w !== 'majority' && !(Number.isSafeInteger(w) && w >= 1)) {
    throw new MongoStoreOptionsError(
      'writeConcern.w',
      `must be 'majority' or a whole number of members >= 1 (an unacknowledged write cannot report a compare-and-set), got ${JSON.stringify(w)}`,
    );
  }
  if (journal !== undefined && typeof journal !== 'boolean') {
    throw new MongoStoreOptionsError(
      'writeConcern.journal',
      `must be a boolean, got ${JSON.stringify(journal)}`,
    );
  }
  if (wtimeoutMS !== undefined && !(Number.isSafeInteger(wtimeoutMS) && wtimeoutMS > 0)) {
    throw new MongoStoreOptionsError(
      'writeConcern.wtimeoutMS',
      `must be a whole number of milliseconds > 0, got ${JSON.stringify(wtimeoutMS)}`,
    );
  }
  return {
    w,
    ...(journal === undefined ? {} : { journal }),
    ...(wtimeoutMS === undefined ? {} : { wtimeoutMS }),
  };
}

function resolveRetryWrites(retryWrites: boolean | undefined): boolean {
  if (retryWrites !== undefined && typeof retryWrites !== 'boolean') {
    throw new MongoStoreOptionsError(
      'retryWrites',
      `must be a boolean, got ${JSON.stringify(retryWrites)}`,
    );
  }
  return retryWrites ?? true;
}

function resolveTimeout(timeoutMs: number | undefined): number {
  if (timeoutMs !== undefined && !(Number.isSafeInteger(timeoutMs) && timeoutMs > 0)) {
    throw new MongoStoreOptionsError(
      'timeoutMs',
      `must be a whole number of milliseconds > 0, got ${JSON.stringify(timeoutMs)}`,
    );
  }
  return timeoutMs ?? DEFAULT_MONGO_TIMEOUT_MS;
}
