// The audit trail on JetStream KV: one key per record, `<interaction id>.<record id>`, written with
// `create` so a record is stored once and never overwritten. Listing an interaction is one filtered
// consumer over `<interaction id>.>`, delivering its records in append order.
import type { KV } from '@nats-io/kv';
import { decodeAuditRecord, encodeAuditRecord } from '../codec/audit-record-codec.js';
import type { AppendResult, AuditListOptions, AuditLog, AuditRecord } from '../port/audit-log.js';
import { assertValidAuditRecord, assertValidListOptions } from '../port/audit-record-rules.js';
import { assertValidId } from '../port/ids.js';
import { isWrongLastRevision } from './kv-errors.js';
import { listValues } from './kv-reads.js';
import type { StoreGuard } from './store-guard.js';

export class KvAuditLog implements AuditLog {
  constructor(
    private readonly records: KV,
    private readonly guard: StoreGuard,
  ) {}

  append(record: AuditRecord): Promise<AppendResult> {
    return this.guard.run('audit.append', async () => {
      assertValidAuditRecord(record);
      try {
        await this.records.create(
          `${record.interactionId}.${record.recordId}`,
          encodeAuditRecord(record),
        );
        return { appended: true };
      } catch (err) {
        if (isWrongLastRevision(err)) {
          return { appended: false };
        }
        throw err;
      }
    });
  }

  list(interactionId: string, options?: AuditListOptions): Promise<AuditRecord[]> {
    return this.guard.run('audit.list', async () => {
      assertValidId('interactionId', interactionId);
      assertValidListOptions(options);
      const entries = await listValues(this.records, `${interactionId}.>`);
      const records = entries.map((e) => decodeAuditRecord(e.value, `${e.bucket}/${e.key}`));
      const kinds = options?.kinds;
      const wanted = kinds === undefined ? records : records.filter((r) => kinds.includes(r.kind));
      // Entries arrive in append order and the sort is stable: equal times keep append order.
      return wanted.sort((a, b) => a.at - b.at);
    });
  }
}
