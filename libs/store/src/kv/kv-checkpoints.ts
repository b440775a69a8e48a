// Checkpoints on JetStream KV: `create` when the writer expects no value, `update` at the revision it
// read otherwise. The server refuses either if the key moved on, which is what makes the write atomic.
import type { KV } from '@nats-io/kv';
import type { Checkpoint, CheckpointRepository } from '../port/checkpoints.js';
import { StaleCheckpointError } from '../port/errors.js';
import { assertValidCheckpointKey } from '../port/ids.js';
import { isWrongLastRevision } from './kv-errors.js';
import { getLive } from './kv-reads.js';
import type { StoreGuard } from './store-guard.js';

export class KvCheckpoints implements CheckpointRepository {
  constructor(
    private readonly bucket: KV,
    private readonly guard: StoreGuard,
  ) {}

  get(key: string): Promise<Checkpoint | null> {
    return this.guard.run('checkpoints.get', async () => {
      assertValidCheckpointKey('checkpoint key', key);
      const entry = await getLive(this.bucket, key);
      return entry === null ? null : { value: entry.value, revision: entry.revision };
    });
  }

  put(key: string, value: Uint8Array, expectedRevision: number | null): Promise<number> {
    return this.guard.run('checkpoints.put', async () => {
      assertValidCheckpointKey('checkpoint key', key);
      try {
        return expectedRevision === null
          ? await this.bucket.create(key, value)
          : await this.bucket.update(key, value, expectedRevision);
      } catch (err) {
        if (!isWrongLastRevision(err)) throw err;
        const stored = await getLive(this.bucket, key);
        throw new StaleCheckpointError(key, expectedRevision, stored?.revision ?? null);
      }
    });
  }

  delete(key: string, expectedRevision: number): Promise<boolean> {
    return this.guard.run('checkpoints.delete', async () => {
      assertValidCheckpointKey('checkpoint key', key);
      try {
        await this.bucket.delete(key, { previousSeq: expectedRevision });
        return true;
      } catch (err) {
        if (isWrongLastRevision(err)) return false;
        throw err;
      }
    });
  }

  keys(prefix: string): Promise<string[]> {
    return this.guard.run('checkpoints.keys', async () => {
      assertValidCheckpointKey('checkpoint key prefix', prefix);
      const found: string[] = [];
      for await (const key of await this.bucket.keys(`${prefix}.>`)) found.push(key);
      // keys() lists deleted keys whose marker is their last entry too; keep only live ones.
      const live = await Promise.all(found.map((k) => getLive(this.bucket, k)));
      return found.filter((_, i) => live[i] !== null).sort();
    });
  }
}
