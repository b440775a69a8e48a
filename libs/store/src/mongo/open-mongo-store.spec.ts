// Opening without a reachable server, with the real driver: these need no MongoDB and run everywhere.
import { MongoClient } from 'mongodb';
import { StoreUnavailableError } from '../port/errors.js';
import { MongoStoreOptionsError } from './mongo-store-options.js';
import { openMongoStore } from './open-mongo-store.js';

// Port 1 on loopback: nothing listens there, so every connection attempt is refused at once.
const nowhere = 'mongodb://127.0.0.1:1/?directConnection=true';

describe('openMongoStore without a server', () => {
  it('fails as StoreUnavailableError once no server answered within the timeout', async () => {
    const started = performance.now();
    const err = await openMongoStore({ uri: nowhere, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).operation).toBe('open');
    expect((err as Error).cause).toBeInstanceOf(Error);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('fails the same way on a client it was given, and leaves that client to its owner', async () => {
    const client = new MongoClient(nowhere, { serverSelectionTimeoutMS: 300 });
    try {
      const err = await openMongoStore({ client }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
    } finally {
      await client.close();
    }
  });

  it.each([
    ['a port that is not a number', 'mongodb://db:not-a-port/'],
    ['no host', 'mongodb://'],
    ['an option the driver does not know', 'mongodb://db/?fastWrites=true'],
  ])('refuses a connection string with %s, before connecting', async (_, uri) => {
    const err = await openMongoStore({ uri }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoStoreOptionsError);
    expect((err as MongoStoreOptionsError).option).toBe('uri');
  });

  it('refuses a bad option before connecting', async () => {
    const err = await openMongoStore({ uri: nowhere, writeConcern: { w: 0 } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MongoStoreOptionsError);
    expect((err as MongoStoreOptionsError).option).toBe('writeConcern.w');
  });
});
