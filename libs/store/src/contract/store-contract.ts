// The contract every WarmlineStore adapter must pass unchanged. An adapter's spec calls
// `describeStoreContract('my adapter', openFreshStore)`; nothing here knows which adapter runs.
import { describeAuditContract } from './audit-contract.js';
import { describeCheckpointContract } from './checkpoint-contract.js';
import { describeDurabilityContract } from './durability-contract.js';
import { describeIdempotencyContract } from './idempotency-contract.js';
import { describeIdsContract } from './ids-contract.js';
import { describeIntentContract } from './intent-contract.js';
import type { OpenFreshStore, StoreUnderTest } from './store-under-test.js';

/** Declares the store contract suite (a Jest `describe` block) for one adapter. */
export function describeStoreContract(adapterName: string, openFreshStore: OpenFreshStore): void {
  describe(`WarmlineStore contract: ${adapterName}`, () => {
    let current: StoreUnderTest | undefined;

    beforeEach(async () => {
      current = await openFreshStore();
    });

    afterEach(async () => {
      const store = current;
      current = undefined;
      await store?.close();
      await store?.dispose?.();
    });

    const subject = (): StoreUnderTest => {
      if (current === undefined) {
        throw new Error('the store under test is only available inside a test');
      }
      return current;
    };

    describeIntentContract(subject);
    describeAuditContract(subject);
    describeIdempotencyContract(subject);
    describeCheckpointContract(subject);
    describeIdsContract(subject);
    describeDurabilityContract(subject);
  });
}
