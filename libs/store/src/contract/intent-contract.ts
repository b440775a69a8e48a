// Contract: versioned intent state with compare-and-set.
import {
  IntentStateConflictError,
  IntentStateNotFoundError,
  InvalidIntentStateError,
  StaleIntentVersionError,
  StoreErrorCodes,
} from '../port/errors.js';
import type { WarmlineStore } from '../port/warmline-store.js';
import { expectStoreError, intentState, partition, plain, uniqueId } from './fixtures.js';
import type { StoreUnderTest } from './store-under-test.js';

export function describeIntentContract(subject: () => StoreUnderTest): void {
  describe('intent state', () => {
    it('has no state for an interaction never created', async () => {
      expect(await subject().intents.get(uniqueId('call'))).toBeNull();
      expect(await subject().intents.history(uniqueId('call'))).toEqual([]);
    });

    it('stores the first version and returns it unchanged', async () => {
      const iid = uniqueId('call');
      const first = intentState(iid, 1, 'opening');
      await subject().intents.create(first);
      expect(plain(await subject().intents.get(iid))).toEqual(plain(first));
    });

    it('refuses a first version other than 1', async () => {
      const iid = uniqueId('call');
      await expectStoreError(
        subject().intents.create(intentState(iid, 2)),
        InvalidIntentStateError,
        StoreErrorCodes.InvalidIntentState,
      );
      expect(await subject().intents.get(iid)).toBeNull();
    });

    it('refuses to create a state twice and keeps the first', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1, 'first'));
      const err = await expectStoreError(
        subject().intents.create(intentState(iid, 1, 'second')),
        IntentStateConflictError,
        StoreErrorCodes.IntentStateExists,
      );
      expect(err.interactionId).toBe(iid);
      expect(plain(await subject().intents.get(iid))).toEqual(plain(intentState(iid, 1, 'first')));
    });

    it('lets exactly one of concurrent creators win', async () => {
      const iid = uniqueId('call');
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          subject().intents.create(intentState(iid, 1, `creator-${i}`)),
        ),
      );
      const { fulfilled, rejected } = partition(results);
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(7);
      for (const reason of rejected) {
        expect(reason).toBeInstanceOf(IntentStateConflictError);
      }
      expect(await subject().intents.history(iid)).toHaveLength(1);
    });

    it('advances the version with compare-and-set', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1));
      await subject().intents.compareAndSet(iid, 1, intentState(iid, 2, 'scope confirmed'));
      expect(plain(await subject().intents.get(iid))).toEqual(
        plain(intentState(iid, 2, 'scope confirmed')),
      );
    });

    it('refuses a stale write, reports both versions, and leaves the state untouched', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1));
      await subject().intents.compareAndSet(iid, 1, intentState(iid, 2, 'winner'));
      const err = await expectStoreError(
        subject().intents.compareAndSet(iid, 1, intentState(iid, 2, 'late writer')),
        StaleIntentVersionError,
        StoreErrorCodes.StaleVersion,
      );
      expect({
        interactionId: err.interactionId,
        expected: err.expectedVersion,
        actual: err.actualVersion,
      }).toEqual({
        interactionId: iid,
        expected: 1,
        actual: 2,
      });
      expect(plain(await subject().intents.get(iid))).toEqual(plain(intentState(iid, 2, 'winner')));
    });

    it('refuses a write from a version ahead of the stored one', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1));
      const err = await expectStoreError(
        subject().intents.compareAndSet(iid, 3, intentState(iid, 4)),
        StaleIntentVersionError,
        StoreErrorCodes.StaleVersion,
      );
      expect(err.actualVersion).toBe(1);
    });

    it('refuses a next state that skips a version, repeats one, or belongs to another interaction', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1));
      for (const next of [
        intentState(iid, 3),
        intentState(iid, 1),
        intentState(uniqueId('other'), 2),
      ]) {
        await expectStoreError(
          subject().intents.compareAndSet(iid, 1, next),
          InvalidIntentStateError,
          StoreErrorCodes.InvalidIntentState,
        );
      }
      expect((await subject().intents.get(iid))?.version).toBe(1);
    });

    it('refuses compare-and-set on an interaction without state', async () => {
      const iid = uniqueId('call');
      await expectStoreError(
        subject().intents.compareAndSet(iid, 1, intentState(iid, 2)),
        IntentStateNotFoundError,
        StoreErrorCodes.IntentStateNotFound,
      );
      expect(await subject().intents.get(iid)).toBeNull();
    });

    it('lets exactly one of two writers racing from the same version win, without merging', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1));
      const other = await subject().openAgain();
      try {
        await expectOneWinner(iid, [subject(), other], subject());
      } finally {
        await other.close();
      }
    });

    it('lets exactly one of many writers on one store racing from the same version win', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1));
      await expectOneWinner(
        iid,
        Array.from({ length: 10 }, () => subject()),
        subject(),
      );
    });

    it('keeps versions gap-free when writers retry on conflict (read, decide, compare-and-set)', async () => {
      const iid = uniqueId('call');
      await subject().intents.create(intentState(iid, 1, 'start'));
      const other = await subject().openAgain();
      const writers = [subject(), other, subject(), other];
      const perWriter = 5;
      try {
        await Promise.all(
          writers.map((store, w) => writeWithRetries(store, iid, `writer-${w}`, perWriter)),
        );
      } finally {
        await other.close();
      }
      const history = await subject().intents.history(iid);
      const total = 1 + writers.length * perWriter;
      expect(history.map((s) => s.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(plain(history[history.length - 1] ?? null)).toEqual(
        plain(await subject().intents.get(iid)),
      );
    });

    it('keeps every version, in order, and only the interaction’s own', async () => {
      const iid = uniqueId('call');
      // A second interaction whose id starts with the first one's: listings must not mix them.
      const lookalike = `${iid}0`;
      const first = intentState(iid, 1);
      const written = [first];
      await subject().intents.create(first);
      await subject().intents.create(intentState(lookalike, 1, 'lookalike'));
      for (let version = 2; version <= 6; version++) {
        const next = intentState(iid, version, `step-${version}`);
        await subject().intents.compareAndSet(iid, version - 1, next);
        written.push(next);
      }
      expect((await subject().intents.history(iid)).map(plain)).toEqual(written.map(plain));
      expect((await subject().intents.history(lookalike)).map(plain)).toEqual([
        plain(intentState(lookalike, 1, 'lookalike')),
      ]);
    });
  });
}

/** Races one compare-and-set per writer from version 1; checks, through `reader`, that exactly one was stored whole. */
async function expectOneWinner(
  iid: string,
  stores: WarmlineStore[],
  reader: WarmlineStore,
): Promise<void> {
  const results = await Promise.allSettled(
    stores.map((store, i) =>
      store.intents.compareAndSet(iid, 1, intentState(iid, 2, `writer-${i}`)),
    ),
  );
  const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
  const { rejected } = partition(results);
  expect(winners).toHaveLength(1);
  for (const reason of rejected) {
    expect(reason).toBeInstanceOf(StaleIntentVersionError);
    expect(reason).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
  }
  const stored = await reader.intents.get(iid);
  expect(plain(stored)).toEqual(plain(intentState(iid, 2, `writer-${winners[0]}`)));
  expect((await reader.intents.history(iid)).map((s) => s.version)).toEqual([1, 2]);
}

/** Applies `count` changes, each re-read and retried until its compare-and-set wins. */
async function writeWithRetries(
  store: WarmlineStore,
  iid: string,
  writer: string,
  count: number,
): Promise<void> {
  for (let done = 0; done < count; ) {
    const current = await store.intents.get(iid);
    const version = current?.version ?? 0;
    try {
      await store.intents.compareAndSet(
        iid,
        version,
        intentState(iid, version + 1, `${writer}-${done}`),
      );
      done += 1;
    } catch (err) {
      if (!(err instanceof StaleIntentVersionError)) {
        throw err;
      }
    }
  }
}
