// Contract: every operation refuses ids that break the id rule, before touching storage.
import { InvalidIdError, StoreErrorCodes } from '../port/errors.js';
import { auditRecord, expectStoreError, intentState, uniqueId } from './fixtures.js';
import type { StoreUnderTest } from './store-under-test.js';

/** Ids that break `[A-Za-z0-9_-]{1,128}`: empty, dotted, wildcards, spaces, too long, not a string. */
const INVALID_IDS: unknown[] = [
  '',
  'call.1',
  'call*',
  '>',
  'call 1',
  'ünïcode',
  'x'.repeat(129),
  42,
  undefined,
];

/** Keys that break the idempotency key rule. */
const INVALID_KEYS: unknown[] = [
  '',
  '.transfer',
  'transfer.',
  'transfer..g1',
  'transfer.*',
  'a b',
  'x'.repeat(257),
];

export function describeIdsContract(subject: () => StoreUnderTest): void {
  describe('id validation', () => {
    it.each(INVALID_IDS.map((id) => [JSON.stringify(id) ?? String(id), id]))(
      'refuses interaction id %s everywhere',
      async (_, id) => {
        const iid = id as string;
        const store = subject();
        const calls: Promise<unknown>[] = [
          store.intents.get(iid),
          store.intents.create(intentState(iid, 1)),
          store.intents.compareAndSet(iid, 1, intentState(iid, 2)),
          store.intents.history(iid),
          store.audit.append(auditRecord(iid, 'r1', 'decision', 1)),
          store.audit.list(iid),
        ];
        for (const call of calls) {
          const err = await expectStoreError(call, InvalidIdError, StoreErrorCodes.InvalidId);
          expect(err.message).toContain('interactionId');
        }
      },
    );

    it('accepts the longest valid id', async () => {
      const iid = `${uniqueId('c')}-`.padEnd(128, 'x');
      await subject().intents.create(intentState(iid, 1));
      expect((await subject().intents.get(iid))?.version).toBe(1);
    });

    it.each(INVALID_IDS.map((id) => [JSON.stringify(id) ?? String(id), id]))(
      'refuses record id %s',
      async (_, id) => {
        const iid = uniqueId('call');
        const err = await expectStoreError(
          subject().audit.append(auditRecord(iid, id as string, 'decision', 1)),
          InvalidIdError,
          StoreErrorCodes.InvalidId,
        );
        expect(err.message).toContain('recordId');
        expect(await subject().audit.list(iid)).toEqual([]);
      },
    );

    it.each(INVALID_KEYS.map((key) => [JSON.stringify(key), key]))(
      'refuses idempotency key %s',
      async (_, key) => {
        await expectStoreError(
          subject().idempotency.claim(key as string, 'router-1', 1),
          InvalidIdError,
          StoreErrorCodes.InvalidId,
        );
        await expectStoreError(
          subject().idempotency.release(key as string, 'router-1'),
          InvalidIdError,
          StoreErrorCodes.InvalidId,
        );
      },
    );
  });
}
