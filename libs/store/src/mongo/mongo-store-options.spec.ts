import { MongoClient } from 'mongodb';
import {
  DEFAULT_MONGO_DATABASE,
  DEFAULT_MONGO_TIMEOUT_MS,
  mongoClientOptions,
  MongoStoreOptionsError,
  resolveMongoStoreSettings,
  type OpenMongoStoreOptions,
} from './mongo-store-options.js';

const uri = 'mongodb://db1.example:27017,db2.example:27017/?replicaSet=rs0';

function refusal(options: unknown): MongoStoreOptionsError {
  try {
    resolveMongoStoreSettings(options as OpenMongoStoreOptions);
  } catch (err) {
    expect(err).toBeInstanceOf(MongoStoreOptionsError);
    return err as MongoStoreOptionsError;
  }
  throw new Error(`options ${JSON.stringify(options)} were accepted`);
}

describe('MongoDB store options', () => {
  it('default to majority writes, retryable writes, the warmline database and a 5 s wait for a server', () => {
    expect(resolveMongoStoreSettings({ uri })).toEqual({
      database: DEFAULT_MONGO_DATABASE,
      writeConcern: { w: 'majority' },
      retryWrites: true,
      timeoutMs: DEFAULT_MONGO_TIMEOUT_MS,
    });
    expect(DEFAULT_MONGO_DATABASE).toBe('warmline');
    expect(DEFAULT_MONGO_TIMEOUT_MS).toBe(5_000);
  });

  it('take what is configured', () => {
    expect(
      resolveMongoStoreSettings({
        uri,
        database: 'warmline_eu',
        writeConcern: { w: 2, journal: true, wtimeoutMS: 2_000 },
        retryWrites: false,
        timeoutMs: 750,
      }),
    ).toEqual({
      database: 'warmline_eu',
      writeConcern: { w: 2, journal: true, wtimeoutMS: 2_000 },
      retryWrites: false,
      timeoutMs: 750,
    });
  });

  it('become a driver client that writes with them', () => {
    const client = new MongoClient(
      uri,
      mongoClientOptions(resolveMongoStoreSettings({ uri }), { appName: 'router' }),
    );
    expect(client.options.retryWrites).toBe(true);
    expect(client.writeConcern?.w).toBe('majority');
    expect(client.options.serverSelectionTimeoutMS).toBe(DEFAULT_MONGO_TIMEOUT_MS);
    expect(client.options.appName).toBe('router');
  });

  it('override what the connection string says about write concern and retries', () => {
    const settings = resolveMongoStoreSettings({ uri, writeConcern: { w: 1 } });
    const client = new MongoClient(
      `${uri}&retryWrites=true`,
      mongoClientOptions({ ...settings, retryWrites: false }),
    );
    expect(client.options.retryWrites).toBe(false);
    expect(client.writeConcern?.w).toBe(1);
  });

  it.each([
    ['w: 0 (unacknowledged)', { w: 0 }, 'writeConcern.w'],
    ['a negative w', { w: -1 }, 'writeConcern.w'],
    ['a fractional w', { w: 1.5 }, 'writeConcern.w'],
    ['a tag-set name', { w: 'eastCoast' }, 'writeConcern.w'],
    ['a journal that is not a boolean', { w: 'majority', journal: 'yes' }, 'writeConcern.journal'],
    ['a wtimeoutMS of 0', { w: 'majority', wtimeoutMS: 0 }, 'writeConcern.wtimeoutMS'],
  ])('refuse a write concern with %s', (_, writeConcern, option) => {
    const err = refusal({ uri, writeConcern });
    expect(err.option).toBe(option);
    expect(err.code).toBe('INVALID_MONGO_STORE_OPTIONS');
    expect(err.message).toContain(option);
  });

  it.each(['', 'ware.line', 'a/b', 'a b', 'a$b', 'x'.repeat(64)])(
    'refuse database name %j',
    (database) => {
      expect(refusal({ uri, database }).option).toBe('database');
    },
  );

  it.each([
    ['no uri and no client', {}, 'uri/client'],
    ['both a uri and a client', { uri, client: new MongoClient(uri) }, 'uri/client'],
    ['a uri of another scheme', { uri: 'postgres://db/warmline' }, 'uri'],
    ['a timeout of 0', { uri, timeoutMs: 0 }, 'timeoutMs'],
    ['retryWrites that is not a boolean', { uri, retryWrites: 'true' }, 'retryWrites'],
    [
      'retryWrites next to a client',
      { client: new MongoClient(uri), retryWrites: true },
      'retryWrites',
    ],
    ['timeoutMs next to a client', { client: new MongoClient(uri), timeoutMs: 100 }, 'timeoutMs'],
  ])('refuse %s', (_, options, option) => {
    expect(refusal(options).option).toBe(option);
  });
});
