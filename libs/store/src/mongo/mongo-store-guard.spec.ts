// Driver failures never cross the port: each is turned into the store error a consumer acts on. The
// errors here are built with the driver's own classes, in the shapes the server and driver produce.
import {
  MongoClientClosedError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoServerError,
  MongoWriteConcernError,
} from 'mongodb';
import {
  IntentStateConflictError,
  StoreClosedError,
  StoreErrorCodes,
  StoreNotProvisionedError,
  StoreUnavailableError,
} from '../port/errors.js';
import {
  isDocumentValidationFailure,
  isDuplicateKey,
  isNamespaceExists,
  MONGO_ERROR_CODES,
} from './mongo-errors.js';
import { MongoStoreGuard } from './mongo-store-guard.js';

const duplicateKey = new MongoServerError({
  message:
    'E11000 duplicate key error collection: warmline.wl_intent_state index: _id_ dup key: { _id: "call-1" }',
  code: 11000,
  keyPattern: { _id: 1 },
  keyValue: { _id: 'call-1' },
});
const validationFailed = new MongoServerError({
  message: 'Document failed validation',
  code: 121,
  errInfo: { failingDocumentId: 'call-1', details: {} },
});
const namespaceExists = new MongoServerError({
  message: 'Collection warmline.wl_audit already exists.',
  code: 48,
  codeName: 'NamespaceExists',
});
const notPrimary = new MongoServerError({
  message: 'not primary',
  code: 10107,
  codeName: 'NotWritablePrimary',
  errorLabels: ['RetryableWriteError'],
});
const writeConcernTimeout = new MongoWriteConcernError({
  ok: 1,
  writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
});

describe('MongoDB error recognition', () => {
  it('tells a duplicate key from every other failure', () => {
    expect(isDuplicateKey(duplicateKey)).toBe(true);
    for (const other of [
      validationFailed,
      namespaceExists,
      notPrimary,
      writeConcernTimeout,
      new MongoNetworkError('connection reset'),
      Object.assign(new Error('E11000 look-alike'), { code: 11000 }),
    ]) {
      expect(isDuplicateKey(other)).toBe(false);
    }
  });

  it('recognises an existing collection and a validator refusal', () => {
    expect(isNamespaceExists(namespaceExists)).toBe(true);
    expect(isNamespaceExists(duplicateKey)).toBe(false);
    expect(isDocumentValidationFailure(validationFailed)).toBe(true);
    expect(isDocumentValidationFailure(duplicateKey)).toBe(false);
    expect(MONGO_ERROR_CODES).toEqual({
      NamespaceExists: 48,
      DocumentValidationFailure: 121,
      DuplicateKey: 11000,
    });
  });
});

describe('MongoStoreGuard', () => {
  it.each([
    ['a network error', new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed')],
    ['a network timeout', new MongoNetworkTimeoutError('connection timed out')],
    ['a stepped-down primary', notPrimary],
    ['a majority that did not acknowledge in time', writeConcernTimeout],
    ['a closed client', new MongoClientClosedError()],
    ['a duplicate key nobody expected', duplicateKey],
  ])('turns %s into StoreUnavailableError carrying it', async (_, driverError) => {
    const guard = new MongoStoreGuard();
    const err = await guard
      .run('intents.get', () => Promise.reject(driverError))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).toMatchObject({ code: StoreErrorCodes.Unavailable, operation: 'intents.get' });
    expect((err as Error).cause).toBe(driverError);
  });

  it('reports a validator refusing a write as not provisioned, since retrying cannot help', async () => {
    const guard = new MongoStoreGuard();
    const err = await guard
      .run('audit.append', () => Promise.reject(validationFailed))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreNotProvisionedError);
    expect((err as Error).message).toContain('audit.append');
    expect((err as Error).cause).toBe(validationFailed);
  });

  it('lets the port’s own errors through unchanged', async () => {
    const guard = new MongoStoreGuard();
    const conflict = new IntentStateConflictError('call-1');
    await expect(guard.run('intents.create', () => Promise.reject(conflict))).rejects.toBe(
      conflict,
    );
  });

  it('refuses work once closed and waits for work under way', async () => {
    const guard = new MongoStoreGuard();
    let finish!: (value: string) => void;
    const running = guard.run('intents.get', () => new Promise<string>((r) => (finish = r)));
    expect(guard.close()).toBe(true);
    expect(guard.close()).toBe(false);
    expect(guard.closed).toBe(true);
    await expect(guard.run('intents.get', () => Promise.resolve(1))).rejects.toBeInstanceOf(
      StoreClosedError,
    );
    let settled = false;
    const settling = guard.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    finish('done');
    await settling;
    await expect(running).resolves.toBe('done');
  });
});
