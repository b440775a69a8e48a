// The audit trail on MongoDB: one document per record, `_id` = `<interaction id>.<record id>`, inserted
// once and never updated or deleted. Each record also takes the next sequence number of its interaction
// (unique per interaction), which is the append order `list` falls back to when times are equal.
import type { Collection } from 'mongodb';
import type { AppendResult, AuditListOptions, AuditLog, AuditRecord } from '../port/audit-log.js';
import { assertValidAuditRecord, assertValidListOptions } from '../port/audit-record-rules.js';
import { assertValidId } from '../port/ids.js';
import {
  auditRecordDocument,
  auditRecordId,
  readAuditRecordDocument,
  type AuditRecordDocument,
} from './audit-record-document.js';
import { readInt64 } from './bson-values.js';
import { isDuplicateKey } from './mongo-errors.js';
import type { MongoStoreGuard } from './mongo-store-guard.js';

/**
 * An append that keeps losing its sequence number to concurrent appends of other records of the same
 * interaction is retried this many times (each round, one of the racing appends wins).
 */
export const MAX_AUDIT_APPEND_ATTEMPTS = 16;

export class MongoAuditLog implements AuditLog {
  constructor(
    private readonly records: Collection<AuditRecordDocument>,
    private readonly guard: MongoStoreGuard,
  ) {}

  append(record: AuditRecord): Promise<AppendResult> {
    return this.guard.run('audit.append', async () => {
      assertValidAuditRecord(record);
      for (let attempt = 1; attempt <= MAX_AUDIT_APPEND_ATTEMPTS; attempt++) {
        const seq = (await this.lastSeq(record.interactionId)) + 1;
        try {
          await this.records.insertOne(auditRecordDocument(record, seq));
          return { appended: true };
        } catch (err) {
          if (!isDuplicateKey(err)) {
            throw err;
          }
        }
        // Refused on `_id` (the record is stored already) or on the sequence number (taken meanwhile).
        if (await this.isStored(record)) {
          return { appended: false };
        }
      }
      throw new Error(
        `append of ${record.interactionId}/${record.recordId} kept racing with other appends (${MAX_AUDIT_APPEND_ATTEMPTS} attempts)`,
      );
    });
  }

  list(interactionId: string, options?: AuditListOptions): Promise<AuditRecord[]> {
    return this.guard.run('audit.list', async () => {
      assertValidId('interactionId', interactionId);
      assertValidListOptions(options);
      const kinds = options?.kinds;
      const documents = await this.records
        .find(
          kinds === undefined ? { interactionId } : { interactionId, kind: { $in: [...kinds] } },
        )
        .sort({ at: 1, seq: 1 })
        .toArray();
      return documents.map((doc) =>
        readAuditRecordDocument(doc, `${this.records.collectionName}/${doc._id}`),
      );
    });
  }

  private async lastSeq(interactionId: string): Promise<number> {
    const last = await this.records.findOne(
      { interactionId },
      { sort: { seq: -1 }, projection: { seq: 1 } },
    );
    return last === null ? 0 : (readInt64(last.seq) ?? 0);
  }

  private async isStored(record: AuditRecord): Promise<boolean> {
    const found = await this.records.findOne(
      {
        _id: auditRecordId(record.interactionId, record.recordId),
        interactionId: record.interactionId,
      },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }
}
