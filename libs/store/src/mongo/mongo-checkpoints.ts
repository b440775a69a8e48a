// Checkpoints on MongoDB: one document per key carrying the value and a revision counter. A write
// matches the revision the writer read (or, for a new key, no live value) and sets the next one; the
// server applies the match and the update atomically, so of concurrent writers exactly one wins.
// Deleting keeps the document with a null value, so the key's revision keeps growing: a revision is
// never reused, and a writer holding one from before a delete and re-create is refused.
import type { Binary, Collection } from 'mongodb';
import type { Checkpoint, CheckpointRepository } from '../port/checkpoints.js';
import { CorruptStoredValueError, StaleCheckpointError } from '../port/errors.js';
import { assertValidCheckpointKey } from '../port/ids.js';
import { binary, int64, readBytes, readInt64, type Int64 } from './bson-values.js';
import { isDuplicateKey } from './mongo-errors.js';
import type { MongoStoreGuard } from './mongo-store-guard.js';

/** A stored checkpoint; `_id` = the key, `value` null once deleted. */
export interface CheckpointDocument {
  _id: string;
  value: Binary | null;
  revision: Int64;
}

export class MongoCheckpoints implements CheckpointRepository {
  constructor(
    private readonly checkpoints: Collection<CheckpointDocument>,
    private readonly guard: MongoStoreGuard,
  ) {}

  get(key: string): Promise<Checkpoint | null> {
    return this.guard.run('checkpoints.get', async () => {
      assertValidCheckpointKey('checkpoint key', key);
      return this.live(key);
    });
  }

  put(key: string, value: Uint8Array, expectedRevision: number | null): Promise<number> {
    return this.guard.run('checkpoints.put', async () => {
      assertValidCheckpointKey('checkpoint key', key);
      const revision =
        expectedRevision === null
          ? await this.create(key, value)
          : await this.update(key, value, expectedRevision);
      if (revision !== null) {
        return revision;
      }
      const stored = await this.live(key);
      throw new StaleCheckpointError(key, expectedRevision, stored?.revision ?? null);
    });
  }

  delete(key: string, expectedRevision: number): Promise<boolean> {
    return this.guard.run('checkpoints.delete', async () => {
      assertValidCheckpointKey('checkpoint key', key);
      const result = await this.checkpoints.updateOne(
        { _id: key, revision: expectedRevision, value: { $ne: null } },
        { $set: { value: null, revision: int64(expectedRevision + 1) } },
      );
      return result.matchedCount === 1;
    });
  }

  keys(prefix: string): Promise<string[]> {
    return this.guard.run('checkpoints.keys', async () => {
      assertValidCheckpointKey('checkpoint key prefix', prefix);
      // An anchored, case-sensitive prefix is answered from the `_id` index. Keys hold only
      // [A-Za-z0-9_-] and dots, so escaping the dots is all the pattern needs.
      const pattern = `^${prefix.replaceAll('.', '\\.')}\\.`;
      const found = await this.checkpoints
        .find({ _id: { $regex: pattern }, value: { $ne: null } }, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray();
      return found.map((doc) => doc._id);
    });
  }

  /** Stores a new key, or a deleted one again; null when a live value is stored. */
  private async create(key: string, value: Uint8Array): Promise<number | null> {
    try {
      // Matches only a deleted key; finding none, the upsert inserts `{ _id, value, revision: 1 }`, which
      // the server refuses (duplicate `_id`) when a live value holds the key.
      const stored = await this.checkpoints.findOneAndUpdate(
        { _id: key, value: null },
        { $set: { value: binary(value) }, $inc: { revision: int64(1) } },
        { upsert: true, returnDocument: 'after', projection: { revision: 1 } },
      );
      return this.revisionOf(key, stored?.revision);
    } catch (err) {
      if (isDuplicateKey(err)) {
        return null;
      }
      throw err;
    }
  }

  /** Writes over `expectedRevision`; null when the key is not live at that revision. */
  private async update(
    key: string,
    value: Uint8Array,
    expectedRevision: number,
  ): Promise<number | null> {
    const revision = expectedRevision + 1;
    const result = await this.checkpoints.updateOne(
      { _id: key, revision: expectedRevision, value: { $ne: null } },
      { $set: { value: binary(value), revision: int64(revision) } },
    );
    return result.matchedCount === 1 ? revision : null;
  }

  private async live(key: string): Promise<Checkpoint | null> {
    const doc = await this.checkpoints.findOne({ _id: key });
    if (doc === null || doc.value === null) {
      return null;
    }
    const value = readBytes(doc.value);
    if (value === null) {
      throw new CorruptStoredValueError(
        `${this.checkpoints.collectionName}/${key}`,
        'value is not BinData',
      );
    }
    return { value, revision: this.revisionOf(key, doc.revision) };
  }

  private revisionOf(key: string, stored: unknown): number {
    const revision = readInt64(stored);
    if (revision === null) {
      throw new CorruptStoredValueError(
        `${this.checkpoints.collectionName}/${key}`,
        'revision is not an integer',
      );
    }
    return revision;
  }
}
