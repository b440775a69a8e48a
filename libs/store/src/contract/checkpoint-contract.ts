// Contract: checkpoints, agents' working state written with compare-and-set by revision.
import { InvalidIdError, StaleCheckpointError, StoreErrorCodes } from '../port/errors.js';
import { expectStoreError, partition, uniqueId } from './fixtures.js';
import type { StoreUnderTest } from './store-under-test.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (value: Uint8Array | undefined) => (value ? new TextDecoder().decode(value) : null);

export function describeCheckpointContract(subject: () => StoreUnderTest): void {
  describe('checkpoints', () => {
    it('stores a new key only when none exists, and reads it back with its revision', async () => {
      const key = `perception.sequencer.${uniqueId('call')}`;
      expect(await subject().checkpoints.get(key)).toBeNull();
      const revision = await subject().checkpoints.put(key, bytes('next=4'), null);
      const stored = await subject().checkpoints.get(key);
      expect(text(stored?.value)).toBe('next=4');
      expect(stored?.revision).toBe(revision);
      const refused = await expectStoreError(
        subject().checkpoints.put(key, bytes('next=1'), null),
        StaleCheckpointError,
        StoreErrorCodes.StaleCheckpoint,
      );
      expect(refused.actualRevision).toBe(revision);
      expect(text((await subject().checkpoints.get(key))?.value)).toBe('next=4');
    });

    it('writes over the revision it read and refuses a writer holding an older one', async () => {
      const key = `router.ledger.${uniqueId('closer')}`;
      const first = await subject().checkpoints.put(key, bytes('a'), null);
      const second = await subject().checkpoints.put(key, bytes('b'), first);
      expect(second).not.toBe(first);
      const refused = await expectStoreError(
        subject().checkpoints.put(key, bytes('late'), first),
        StaleCheckpointError,
        StoreErrorCodes.StaleCheckpoint,
      );
      expect(refused).toMatchObject({ expectedRevision: first, actualRevision: second });
      expect(text((await subject().checkpoints.get(key))?.value)).toBe('b');
    });

    it('lets exactly one of concurrent writers at the same revision win, across two stores', async () => {
      const key = `router.ledger.${uniqueId('closer')}`;
      const base = await subject().checkpoints.put(key, bytes('free'), null);
      const other = await subject().openAgain();
      try {
        const results = await Promise.allSettled(
          Array.from({ length: 12 }, (_, i) =>
            (i % 2 === 0 ? subject() : other).checkpoints.put(key, bytes(`held-by-${i}`), base),
          ),
        );
        const { fulfilled, rejected } = partition(results);
        expect(fulfilled).toHaveLength(1);
        expect(rejected.every((e) => e instanceof StaleCheckpointError)).toBe(true);
        const winner = results.findIndex((r) => r.status === 'fulfilled');
        expect(text((await other.checkpoints.get(key))?.value)).toBe(`held-by-${winner}`);
      } finally {
        await other.close();
      }
    });

    it('deletes only at the expected revision', async () => {
      const key = `router.handoff.${uniqueId('h')}`;
      const first = await subject().checkpoints.put(key, bytes('x'), null);
      const second = await subject().checkpoints.put(key, bytes('y'), first);
      expect(await subject().checkpoints.delete(key, first)).toBe(false);
      expect(text((await subject().checkpoints.get(key))?.value)).toBe('y');
      expect(await subject().checkpoints.delete(key, second)).toBe(true);
      expect(await subject().checkpoints.get(key)).toBeNull();
      // A deleted key can be created again.
      await subject().checkpoints.put(key, bytes('z'), null);
      expect(text((await subject().checkpoints.get(key))?.value)).toBe('z');
    });

    it('lists the live keys under a prefix, sorted, and nothing outside it', async () => {
      const scope = uniqueId('scope');
      const prefix = `router.${scope}`;
      const b = await subject().checkpoints.put(`${prefix}.b`, bytes('1'), null);
      await subject().checkpoints.put(`${prefix}.a`, bytes('1'), null);
      await subject().checkpoints.put(`${prefix}.c.deeper`, bytes('1'), null);
      await subject().checkpoints.put(`${prefix}x.other`, bytes('1'), null);
      await subject().checkpoints.delete(`${prefix}.b`, b);
      expect(await subject().checkpoints.keys(prefix)).toEqual([
        `${prefix}.a`,
        `${prefix}.c.deeper`,
      ]);
      expect(await subject().checkpoints.keys(`router.${uniqueId('empty')}`)).toEqual([]);
    });

    it('refuses malformed keys', async () => {
      await expectStoreError(
        subject().checkpoints.put('router..ledger', bytes('x'), null),
        InvalidIdError,
        StoreErrorCodes.InvalidId,
      );
      await expectStoreError(
        subject().checkpoints.get('a.*'),
        InvalidIdError,
        StoreErrorCodes.InvalidId,
      );
      await expectStoreError(
        subject().checkpoints.keys('a.>'),
        InvalidIdError,
        StoreErrorCodes.InvalidId,
      );
    });
  });
}
