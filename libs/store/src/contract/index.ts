// Test-support entry `@warmline/store/contract`: the suite every WarmlineStore adapter must pass unchanged.
export { describeStoreContract } from './store-contract.js';
export type { OpenFreshStore, StoreUnderTest } from './store-under-test.js';
