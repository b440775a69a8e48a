// Intent state on MongoDB. The current state is one document per interaction (`_id` = interaction id)
// and every version is a document of its own in the history collection, inserted once.
//
// Atomicity: a compare-and-set is `updateOne({ _id, version: expected }, …)`. The server matches and
// updates one document atomically, so of writers racing from the same version exactly one matches; the
// others match nothing and are refused as stale. Nothing is ever merged.
//
// Crash safety, without transactions: the new version is recorded in history after it becomes current.
// A writer killed between the two writes leaves the newest version unrecorded; the next compare-and-set
// (which must start from that version) and every history read record it first, from the current
// document's bytes, so history never has a gap once a later version exists or anyone reads it.
import type { Collection, WithId } from 'mongodb';
import { encodeIntentState } from '../codec/intent-state-codec.js';
import {
  IntentStateConflictError,
  IntentStateNotFoundError,
  StaleIntentVersionError,
} from '../port/errors.js';
import { assertValidId } from '../port/ids.js';
import type { IntentState } from '../port/intent-state.js';
import type { IntentStateRepository } from '../port/intent-state-repository.js';
import { assertCreatable, assertSuccessor } from '../port/intent-state-rules.js';
import {
  currentStateDocument,
  readIntentStateDocument,
  versionDocument,
  versionId,
  type IntentStateDocument,
  type StoredIntentState,
} from './intent-state-document.js';
import { isDuplicateKey } from './mongo-errors.js';
import type { MongoStoreGuard } from './mongo-store-guard.js';

export class MongoIntentStateRepository implements IntentStateRepository {
  constructor(
    private readonly current: Collection<IntentStateDocument>,
    private readonly versions: Collection<IntentStateDocument>,
    private readonly guard: MongoStoreGuard,
  ) {}

  get(interactionId: string): Promise<IntentState | null> {
    return this.guard.run('intents.get', async () => {
      assertValidId('interactionId', interactionId);
      const stored = await this.readCurrent(interactionId);
      return stored?.state ?? null;
    });
  }

  create(state: IntentState): Promise<void> {
    return this.guard.run('intents.create', async () => {
      assertCreatable(state);
      const bytes = encodeIntentState(state);
      try {
        await this.current.insertOne(currentStateDocument(state, bytes));
      } catch (err) {
        throw isDuplicateKey(err) ? new IntentStateConflictError(state.interactionId) : err;
      }
      await this.recordVersion({ state, bytes });
    });
  }

  compareAndSet(interactionId: string, expectedVersion: number, next: IntentState): Promise<void> {
    return this.guard.run('intents.compareAndSet', async () => {
      assertSuccessor(interactionId, expectedVersion, next);
      const [stored, recorded] = await Promise.all([
        this.readCurrent(interactionId),
        this.versions.findOne(
          { _id: versionId(interactionId, expectedVersion), interactionId },
          { projection: { _id: 1 } },
        ),
      ]);
      if (stored === null) {
        throw new IntentStateNotFoundError(interactionId);
      }
      if (stored.state.version !== expectedVersion) {
        throw new StaleIntentVersionError(interactionId, expectedVersion, stored.state.version);
      }
      if (recorded === null) {
        await this.recordVersion(stored);
      }
      const bytes = encodeIntentState(next);
      await this.replace(interactionId, expectedVersion, next, bytes);
      await this.recordVersion({ state: next, bytes });
    });
  }

  history(interactionId: string): Promise<IntentState[]> {
    return this.guard.run('intents.history', async () => {
      assertValidId('interactionId', interactionId);
      // Current first: every version below it is recorded already, so the listing taken next is complete
      // up to it; only the current version itself may still need recording.
      const current = await this.readCurrent(interactionId);
      const listed = await this.versions.find({ interactionId }).sort({ version: 1 }).toArray();
      const states = listed.map((doc) => this.read(this.versions, doc, interactionId).state);
      if (current !== null && !states.some((s) => s.version === current.state.version)) {
        await this.recordVersion(current);
        states.push(current.state);
      }
      return states.sort((a, b) => a.version - b.version);
    });
  }

  /** Writes the new current state only if the stored version is still the expected one. */
  private async replace(
    interactionId: string,
    expectedVersion: number,
    next: IntentState,
    bytes: Uint8Array,
  ): Promise<void> {
    const { _id: _, ...fields } = currentStateDocument(next, bytes);
    const result = await this.current.updateOne(
      { _id: interactionId, version: expectedVersion },
      { $set: fields },
    );
    if (result.matchedCount === 1) {
      return;
    }
    const now = await this.readCurrent(interactionId);
    throw new StaleIntentVersionError(interactionId, expectedVersion, now?.state.version ?? 0);
  }

  /** Records a version in history; a version already recorded holds the same bytes, so losing that race is fine. */
  private async recordVersion({ state, bytes }: StoredIntentState): Promise<void> {
    try {
      await this.versions.insertOne(versionDocument(state, bytes));
    } catch (err) {
      if (!isDuplicateKey(err)) {
        throw err;
      }
    }
  }

  private async readCurrent(interactionId: string): Promise<StoredIntentState | null> {
    const doc = await this.current.findOne({ _id: interactionId });
    return doc === null ? null : this.read(this.current, doc, interactionId);
  }

  private read(
    collection: Collection<IntentStateDocument>,
    doc: WithId<IntentStateDocument>,
    interactionId: string,
  ): StoredIntentState {
    return readIntentStateDocument(doc, interactionId, `${collection.collectionName}/${doc._id}`);
  }
}
