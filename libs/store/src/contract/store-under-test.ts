import type { WarmlineStore } from '../port/warmline-store.js';

/**
 * A store opened on fresh, empty backing data by an adapter's spec.
 * - `openAgain()` opens another, independent store on the same backing data, as a restarted or a
 *   second agent would (its own connection); the suite closes what it opens.
 * - `dispose()` closes everything still open and frees the backing data (e.g. stops the server).
 */
export type StoreUnderTest = WarmlineStore & {
  openAgain(): Promise<WarmlineStore>;
  dispose?(): Promise<void>;
};

/** Opens a store on fresh backing data; called before every test of the suite. */
export type OpenFreshStore = () => Promise<StoreUnderTest>;
