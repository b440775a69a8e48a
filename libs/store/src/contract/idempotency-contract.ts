// Contract: idempotency keys guarding side effects that must happen once.
import type { ClaimResult } from '../port/idempotency-keys.js';
import { InvalidClaimError, StoreErrorCodes } from '../port/errors.js';
import { expectStoreError, uniqueId } from './fixtures.js';
import type { StoreUnderTest } from './store-under-test.js';

export function describeIdempotencyContract(subject: () => StoreUnderTest): void {
  describe('idempotency keys', () => {
    it('grants the first claim and names the holder to every later one, the holder included', async () => {
      const key = `transfer.${uniqueId('grant')}`;
      expect(await subject().idempotency.claim(key, 'router-1', 1_000)).toEqual({ claimed: true });
      expect(await subject().idempotency.claim(key, 'router-2', 2_000)).toEqual({
        claimed: false,
        owner: 'router-1',
        claimedAt: 1_000,
      });
      expect(await subject().idempotency.claim(key, 'router-1', 3_000)).toEqual({
        claimed: false,
        owner: 'router-1',
        claimedAt: 1_000,
      });
    });

    it('grants exactly one of 20 concurrent claims, across two stores', async () => {
      const key = `booking.${uniqueId('request')}`;
      const other = await subject().openAgain();
      let results: ClaimResult[];
      try {
        results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? subject() : other).idempotency.claim(key, `scheduler-${i}`, 10_000 + i),
          ),
        );
      } finally {
        await other.close();
      }
      const winners = results.flatMap((r, i) => (r.claimed ? [i] : []));
      expect(winners).toHaveLength(1);
      const winner = winners[0] ?? -1;
      for (const result of results.filter((r) => !r.claimed)) {
        expect(result).toEqual({
          claimed: false,
          owner: `scheduler-${winner}`,
          claimedAt: 10_000 + winner,
        });
      }
    });

    it('keeps keys independent', async () => {
      const grant = uniqueId('grant');
      expect(await subject().idempotency.claim(`transfer.${grant}`, 'router-1', 1)).toEqual({
        claimed: true,
      });
      expect(await subject().idempotency.claim(`booking.${grant}`, 'scheduler-1', 1)).toEqual({
        claimed: true,
      });
    });

    it('lets the holder release a key so it can be claimed again', async () => {
      const key = `transfer.${uniqueId('grant')}`;
      await subject().idempotency.claim(key, 'router-1', 1);
      expect(await subject().idempotency.release(key, 'router-1')).toBe(true);
      expect(await subject().idempotency.claim(key, 'router-2', 2)).toEqual({ claimed: true });
      expect(await subject().idempotency.claim(key, 'router-1', 3)).toMatchObject({
        claimed: false,
        owner: 'router-2',
      });
    });

    it('refuses a release by anyone but the holder, and of an unclaimed key', async () => {
      const key = `transfer.${uniqueId('grant')}`;
      expect(await subject().idempotency.release(key, 'router-1')).toBe(false);
      await subject().idempotency.claim(key, 'router-1', 1);
      expect(await subject().idempotency.release(key, 'router-2')).toBe(false);
      expect(await subject().idempotency.claim(key, 'router-2', 2)).toMatchObject({
        claimed: false,
        owner: 'router-1',
      });
    });

    it('grants exactly one of concurrent claims after a release', async () => {
      const key = `transfer.${uniqueId('grant')}`;
      await subject().idempotency.claim(key, 'router-0', 1);
      await subject().idempotency.release(key, 'router-0');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          subject().idempotency.claim(key, `router-${i + 1}`, 2),
        ),
      );
      expect(results.filter((r) => r.claimed)).toHaveLength(1);
    });

    it('refuses a malformed owner or time', async () => {
      const key = `transfer.${uniqueId('grant')}`;
      await expectStoreError(
        subject().idempotency.claim(key, '', 1),
        InvalidClaimError,
        StoreErrorCodes.InvalidClaim,
      );
      await expectStoreError(
        subject().idempotency.claim(key, 'router-1', Number.NaN),
        InvalidClaimError,
        StoreErrorCodes.InvalidClaim,
      );
      expect(await subject().idempotency.claim(key, 'router-1', 1)).toEqual({ claimed: true });
    });
  });
}
