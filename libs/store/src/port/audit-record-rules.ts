// Validation every adapter applies before storing an audit record, so a bad record fails the same way
// (InvalidAuditRecordError / InvalidIdError) whichever adapter runs.
import {
  AUDIT_RECORD_KINDS,
  GRANT_AUDIT_EVENTS,
  GRANT_EVENTS_REQUIRING_REASON,
  type AuditListOptions,
  type AuditRecord,
  type AuditRecordKind,
  type GrantAuditEvent,
} from './audit-log.js';
import { InvalidAuditRecordError } from './errors.js';
import { assertValidId } from './ids.js';

/** Throws unless `record` may be appended. */
export function assertValidAuditRecord(record: AuditRecord): void {
  assertValidId('interactionId', record?.interactionId);
  assertValidId('recordId', record.recordId);
  const where = `audit record ${record.interactionId}/${record.recordId}`;
  if (!isAuditRecordKind(record.kind)) {
    throw new InvalidAuditRecordError(
      `${where}: kind ${JSON.stringify(record.kind)} is not one of ${AUDIT_RECORD_KINDS}`,
    );
  }
  if (!Number.isSafeInteger(record.at) || record.at < 0) {
    throw new InvalidAuditRecordError(`${where}: at must be epoch milliseconds, got ${record.at}`);
  }
  if (!(record.payload instanceof Uint8Array)) {
    throw new InvalidAuditRecordError(`${where}: payload must be the protobuf bytes (Uint8Array)`);
  }
  assertValidSummary(where, record.summary);
  if (record.kind === 'grant') {
    assertGrantSummary(where, record.summary);
  }
}

/** Throws unless every requested kind is known. */
export function assertValidListOptions(options: AuditListOptions | undefined): void {
  for (const kind of options?.kinds ?? []) {
    if (!isAuditRecordKind(kind)) {
      throw new InvalidAuditRecordError(
        `cannot list kind ${JSON.stringify(kind)}: not one of ${AUDIT_RECORD_KINDS}`,
      );
    }
  }
}

/** True for the record kinds the audit trail knows. */
export function isAuditRecordKind(kind: unknown): kind is AuditRecordKind {
  return (AUDIT_RECORD_KINDS as readonly unknown[]).includes(kind);
}

function assertValidSummary(where: string, summary: unknown): void {
  if (summary === undefined) {
    return;
  }
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) {
    throw new InvalidAuditRecordError(`${where}: summary must be an object of strings and numbers`);
  }
  for (const [key, value] of Object.entries(summary)) {
    const ok = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) {
      throw new InvalidAuditRecordError(
        `${where}: summary.${key} must be a string or a finite number`,
      );
    }
  }
}

function assertGrantSummary(where: string, summary: AuditRecord['summary']): void {
  const event = summary?.['event'];
  if (!(GRANT_AUDIT_EVENTS as readonly unknown[]).includes(event)) {
    throw new InvalidAuditRecordError(
      `${where}: a grant record needs summary.event, one of ${GRANT_AUDIT_EVENTS}`,
    );
  }
  const reason = summary?.['reason'];
  if (
    GRANT_EVENTS_REQUIRING_REASON.includes(event as GrantAuditEvent) &&
    (typeof reason !== 'string' || !reason)
  ) {
    throw new InvalidAuditRecordError(
      `${where}: a ${String(event)} grant record needs summary.reason`,
    );
  }
}
