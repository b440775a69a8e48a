// An audit record as the read API shows it: its facts, and its protobuf payload decoded by kind
// (decision: EscalationDecision, grant: AuthorityGrant with its signed claims decoded beside it,
// handoff: HandoffEvent, appointment: AppointmentEvent, evidence: Signal).
import { toTimestamp, v1 } from '@warmline/contracts';
import type { AuditRecord, AuditRecordKind, AuditSummary } from '@warmline/store';
import { renderBytes, renderMessage, type MessageType, type ProtoJson } from './proto-json.js';
import { formatRfc3339 } from './rfc3339.js';

/** The JSON of one audit record. */
export interface AuditRecordJson {
  readonly recordId: string;
  readonly kind: AuditRecordKind;
  readonly at: string;
  readonly summary: AuditSummary;
  readonly payloadType: string;
  readonly payload: ProtoJson | null;
  readonly claims?: ProtoJson;
  readonly payloadBase64?: string;
}

const PAYLOAD_TYPES: Readonly<Record<AuditRecordKind, readonly [string, MessageType<object>]>> = {
  decision: ['EscalationDecision', v1.EscalationDecision as MessageType<object>],
  grant: ['AuthorityGrant', v1.AuthorityGrant as MessageType<object>],
  handoff: ['HandoffEvent', v1.HandoffEvent as MessageType<object>],
  appointment: ['AppointmentEvent', v1.AppointmentEvent as MessageType<object>],
  evidence: ['Signal', v1.Signal as MessageType<object>],
};

/** Renders a stored record; a payload that does not decode is returned as base64, not dropped. */
export function auditRecordView(record: AuditRecord): AuditRecordJson {
  const [payloadType, type] = PAYLOAD_TYPES[record.kind];
  const facts = {
    recordId: record.recordId,
    kind: record.kind,
    at: formatRfc3339(toTimestamp(record.at)),
    summary: record.summary ?? {},
    payloadType,
  };
  try {
    const payload = renderBytes(type, record.payload);
    return record.kind === 'grant'
      ? { ...facts, payload, ...claimsOf(record.payload) }
      : { ...facts, payload };
  } catch {
    return {
      ...facts,
      payload: null,
      payloadBase64: Buffer.from(record.payload).toString('base64'),
    };
  }
}

function claimsOf(payload: Uint8Array): { claims?: ProtoJson } {
  const grant = v1.AuthorityGrant.decode(payload);
  if (grant.claims.length === 0) return {};
  return {
    claims: renderMessage(
      v1.GrantClaims as MessageType<object>,
      v1.GrantClaims.decode(grant.claims),
    ),
  };
}
