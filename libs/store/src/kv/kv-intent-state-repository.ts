// Intent state on JetStream KV. The current state lives in one bucket (key = interaction id) and every
// version in a second (key = `<iid>.<version>`, created once).
//
// Atomicity: a compare-and-set first checks that the stored version is the expected one, then writes
// with `update(key, value, revision)`. The server refuses that write if the key changed since the read,
// so of two writers racing from the same version exactly one succeeds, whatever interleaving.
//
// Crash safety: the version is recorded in the history bucket after the current state is written. A
// writer killed between the two writes leaves the newest version unrecorded; the next compare-and-set
// (which must start from that version) and every history read record it first, so history never has a
// gap once a later version exists or anyone reads it.
import type { KV, KvEntry } from '@nats-io/kv';
import { decodeIntentState, encodeIntentState } from '../codec/intent-state-codec.js';
import {
  IntentStateConflictError,
  IntentStateNotFoundError,
  StaleIntentVersionError,
} from '../port/errors.js';
import { assertValidId } from '../port/ids.js';
import type { IntentState } from '../port/intent-state.js';
import type { IntentStateRepository } from '../port/intent-state-repository.js';
import { assertCreatable, assertSuccessor } from '../port/intent-state-rules.js';
import { isWrongLastRevision } from './kv-errors.js';
import { getLive, listValues } from './kv-reads.js';
import type { StoreGuard } from './store-guard.js';

export class KvIntentStateRepository implements IntentStateRepository {
  constructor(
    private readonly current: KV,
    private readonly versions: KV,
    private readonly guard: StoreGuard,
  ) {}

  get(interactionId: string): Promise<IntentState | null> {
    return this.guard.run('intents.get', async () => {
      assertValidId('interactionId', interactionId);
      const entry = await getLive(this.current, interactionId);
      return entry === null ? null : this.decodeCurrent(interactionId, entry);
    });
  }

  create(state: IntentState): Promise<void> {
    return this.guard.run('intents.create', async () => {
      assertCreatable(state);
      const bytes = encodeIntentState(state);
      try {
        await this.current.create(state.interactionId, bytes);
      } catch (err) {
        throw isWrongLastRevision(err) ? new IntentStateConflictError(state.interactionId) : err;
      }
      await this.recordVersion(state.interactionId, 1, bytes);
    });
  }

  compareAndSet(interactionId: string, expectedVersion: number, next: IntentState): Promise<void> {
    return this.guard.run('intents.compareAndSet', async () => {
      assertSuccessor(interactionId, expectedVersion, next);
      const [entry, recorded] = await Promise.all([
        getLive(this.current, interactionId),
        getLive(this.versions, versionKey(interactionId, expectedVersion)),
      ]);
      if (entry === null) {
        throw new IntentStateNotFoundError(interactionId);
      }
      const stored = this.decodeCurrent(interactionId, entry);
      if (stored.version !== expectedVersion) {
        throw new StaleIntentVersionError(interactionId, expectedVersion, stored.version);
      }
      if (recorded === null) {
        await this.recordVersion(interactionId, expectedVersion, entry.value);
      }
      const bytes = encodeIntentState(next);
      await this.replace(interactionId, expectedVersion, bytes, entry.revision);
      await this.recordVersion(interactionId, next.version, bytes);
    });
  }

  history(interactionId: string): Promise<IntentState[]> {
    return this.guard.run('intents.history', async () => {
      assertValidId('interactionId', interactionId);
      // Current first: every version below it is recorded already, so the listing taken next is complete
      // up to it; only the current version itself may still need recording.
      const entry = await getLive(this.current, interactionId);
      const listed = await listValues(this.versions, `${interactionId}.*`);
      const states = listed.map((e) =>
        decodeIntentState(e.value, interactionId, `${e.bucket}/${e.key}`),
      );
      if (entry !== null) {
        const current = this.decodeCurrent(interactionId, entry);
        if (!states.some((s) => s.version === current.version)) {
          await this.recordVersion(interactionId, current.version, entry.value);
          states.push(current);
        }
      }
      return states.sort((a, b) => a.version - b.version);
    });
  }

  /** Writes the new current state only if the key is still at the revision that was read. */
  private async replace(
    interactionId: string,
    expectedVersion: number,
    bytes: Uint8Array,
    revision: number,
  ) {
    try {
      await this.current.update(interactionId, bytes, revision);
    } catch (err) {
      if (!isWrongLastRevision(err)) {
        throw err;
      }
      const now = await getLive(this.current, interactionId);
      const actual = now === null ? 0 : this.decodeCurrent(interactionId, now).version;
      throw new StaleIntentVersionError(interactionId, expectedVersion, actual);
    }
  }

  /** Records a version in history; a version already recorded holds the same bytes, so losing that race is fine. */
  private async recordVersion(
    interactionId: string,
    version: number,
    bytes: Uint8Array,
  ): Promise<void> {
    try {
      await this.versions.create(versionKey(interactionId, version), bytes);
    } catch (err) {
      if (!isWrongLastRevision(err)) {
        throw err;
      }
    }
  }

  private decodeCurrent(interactionId: string, entry: KvEntry): IntentState {
    return decodeIntentState(entry.value, interactionId, `${entry.bucket}/${entry.key}`);
  }
}

function versionKey(interactionId: string, version: number): string {
  return `${interactionId}.${version}`;
}
