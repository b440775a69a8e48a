// Contract: what one store wrote, a store opened later on the same backing data reads (an agent killed
// at any instant restarts from it); a closed store refuses work.
import { StoreClosedError, StoreErrorCodes } from '../port/errors.js';
import { auditRecord, expectStoreError, intentState, plain, uniqueId } from './fixtures.js';
import type { StoreUnderTest } from './store-under-test.js';

export function describeDurabilityContract(subject: () => StoreUnderTest): void {
  describe('durability and lifecycle', () => {
    it('keeps intent state, history, audit and claims across close and re-open', async () => {
      const iid = uniqueId('call');
      const key = `transfer.${uniqueId('grant')}`;
      const first = subject();
      await first.intents.create(intentState(iid, 1));
      await first.intents.compareAndSet(iid, 1, intentState(iid, 2, 'validated'));
      const record = auditRecord(iid, 'decision-1', 'decision', 42, { outcome: 'HOLD' });
      await first.audit.append(record);
      await first.idempotency.claim(key, 'router-1', 7);
      await first.close();

      const reopened = await first.openAgain();
      try {
        expect(plain(await reopened.intents.get(iid))).toEqual(
          plain(intentState(iid, 2, 'validated')),
        );
        expect((await reopened.intents.history(iid)).map((s) => s.version)).toEqual([1, 2]);
        expect(await reopened.audit.list(iid)).toEqual([record]);
        expect(await reopened.audit.append(record)).toEqual({ appended: false });
        expect(await reopened.idempotency.claim(key, 'router-2', 8)).toEqual({
          claimed: false,
          owner: 'router-1',
          claimedAt: 7,
        });
        await reopened.intents.compareAndSet(iid, 2, intentState(iid, 3));
        expect((await reopened.intents.get(iid))?.version).toBe(3);
      } finally {
        await reopened.close();
      }
    });

    it('lets writes already under way finish when closed', async () => {
      const store = subject();
      const iid = uniqueId('call');
      const writing = store.intents.create(intentState(iid, 1));
      const closing = store.close();
      await expect(writing).resolves.toBeUndefined();
      await closing;
      const reopened = await store.openAgain();
      try {
        expect((await reopened.intents.get(iid))?.version).toBe(1);
      } finally {
        await reopened.close();
      }
    });

    it('refuses every operation once closed, and closing twice is harmless', async () => {
      const store = subject();
      const iid = uniqueId('call');
      await store.close();
      await store.close();
      const calls: Promise<unknown>[] = [
        store.intents.get(iid),
        store.intents.create(intentState(iid, 1)),
        store.intents.compareAndSet(iid, 1, intentState(iid, 2)),
        store.intents.history(iid),
        store.audit.append(auditRecord(iid, 'r1', 'decision', 1)),
        store.audit.list(iid),
        store.idempotency.claim('transfer.g1', 'router-1', 1),
        store.idempotency.release('transfer.g1', 'router-1'),
      ];
      for (const call of calls) {
        await expectStoreError(call, StoreClosedError, StoreErrorCodes.Closed);
      }
    });
  });
}
