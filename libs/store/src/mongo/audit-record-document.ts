// An audit record as a MongoDB document: the payload bytes plus the fields people query (kind, time,
// summary), and `seq`, the record's place in its interaction's append order.
import type { Binary } from 'mongodb';
import type { AuditRecord, AuditSummary } from '../port/audit-log.js';
import { isAuditRecordKind } from '../port/audit-record-rules.js';
import { CorruptStoredValueError } from '../port/errors.js';
import { binary, int64, readBytes, readInt64, type Int64, type Untrusted } from './bson-values.js';

/** A stored audit record; `_id` = `<interaction id>.<record id>`, so a record id is stored once. */
export interface AuditRecordDocument {
  _id: string;
  interactionId: string;
  recordId: string;
  /** 1, 2, 3… per interaction, in append order. */
  seq: Int64;
  kind: string;
  /** Epoch milliseconds. */
  at: Int64;
  /** The protobuf bytes of the contracts message the record is about. */
  payload: Binary;
  summary?: Record<string, string | number>;
}

/** The `_id` of a record. Ids hold no dots, so this is unambiguous. */
export function auditRecordId(interactionId: string, recordId: string): string {
  return `${interactionId}.${recordId}`;
}

/** The document of `record`, appended as number `seq` of its interaction. */
export function auditRecordDocument(record: AuditRecord, seq: number): AuditRecordDocument {
  const document: AuditRecordDocument = {
    _id: auditRecordId(record.interactionId, record.recordId),
    interactionId: record.interactionId,
    recordId: record.recordId,
    seq: int64(seq),
    kind: record.kind,
    at: int64(record.at),
    payload: binary(record.payload),
  };
  return record.summary === undefined ? document : { ...document, summary: { ...record.summary } };
}

/**
 * Reads a stored document back into the record that was appended.
 * @throws CorruptStoredValueError when a field is missing or of the wrong type.
 */
export function readAuditRecordDocument(
  document: Untrusted<AuditRecordDocument>,
  location: string,
): AuditRecord {
  const { interactionId, recordId, kind, summary } = document;
  const at = readInt64(document.at);
  const payload = readBytes(document.payload);
  if (
    typeof interactionId !== 'string' ||
    typeof recordId !== 'string' ||
    !isAuditRecordKind(kind) ||
    at === null ||
    payload === null
  ) {
    throw new CorruptStoredValueError(
      location,
      'audit record fields are missing or of the wrong type',
    );
  }
  const record = { interactionId, recordId, kind, at, payload };
  return summary === undefined ? record : { ...record, summary: readSummary(summary, location) };
}

function readSummary(summary: unknown, location: string): AuditSummary {
  if (typeof summary !== 'object' || summary === null || Array.isArray(summary)) {
    throw new CorruptStoredValueError(location, 'summary is not a document');
  }
  const entries = Object.entries(summary as Record<string, unknown>).map(([key, value]) => {
    if (typeof value === 'string') {
      return [key, value] as const;
    }
    // Summary numbers are stored as the driver writes JS numbers (int32 or double); a long reads back too.
    const number = typeof value === 'number' ? value : readInt64(value);
    if (number === null || !Number.isFinite(number)) {
      throw new CorruptStoredValueError(location, `summary.${key} is not a string or a number`);
    }
    return [key, number] as const;
  });
  return Object.fromEntries(entries);
}
