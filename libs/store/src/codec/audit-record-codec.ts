// The KV adapter stores an audit record as JSON (readable with `nats kv get`), the payload as base64.
// A format number lets a later layout be read next to this one.
import type { AuditRecord } from '../port/audit-log.js';
import { isAuditRecordKind } from '../port/audit-record-rules.js';
import { CorruptStoredValueError } from '../port/errors.js';

const FORMAT = 1;

interface StoredAuditRecord {
  format: number;
  interactionId: string;
  recordId: string;
  kind: string;
  at: number;
  payload: string;
  summary?: Record<string, string | number>;
}

/** The stored bytes of `record`. */
export function encodeAuditRecord(record: AuditRecord): Uint8Array {
  const stored: StoredAuditRecord = {
    format: FORMAT,
    interactionId: record.interactionId,
    recordId: record.recordId,
    kind: record.kind,
    at: record.at,
    payload: Buffer.from(record.payload).toString('base64'),
    ...(record.summary === undefined ? {} : { summary: { ...record.summary } }),
  };
  return new TextEncoder().encode(JSON.stringify(stored));
}

/**
 * Decodes stored bytes back into a record.
 * @throws CorruptStoredValueError when the bytes are not an audit record of this format.
 */
export function decodeAuditRecord(bytes: Uint8Array, location: string): AuditRecord {
  let stored: Partial<StoredAuditRecord>;
  try {
    stored = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes),
    ) as Partial<StoredAuditRecord>;
  } catch (err) {
    throw new CorruptStoredValueError(location, 'not JSON', { cause: err });
  }
  if (stored?.format !== FORMAT) {
    throw new CorruptStoredValueError(location, `unknown audit record format ${stored?.format}`);
  }
  const { interactionId, recordId, kind, at, payload, summary } = stored;
  if (
    typeof interactionId !== 'string' ||
    typeof recordId !== 'string' ||
    !isAuditRecordKind(kind) ||
    typeof at !== 'number' ||
    typeof payload !== 'string'
  ) {
    throw new CorruptStoredValueError(
      location,
      'audit record fields are missing or of the wrong type',
    );
  }
  const record = {
    interactionId,
    recordId,
    kind,
    at,
    payload: new Uint8Array(Buffer.from(payload, 'base64')),
  };
  return summary === undefined ? record : { ...record, summary };
}
