import { toTimestamp, v1 } from '@warmline/contracts';
import type { AuditRecord } from '@warmline/store';
import { auditRecordView } from './audit-record-view.js';

const AT = Date.UTC(2026, 10, 24, 15, 4, 5);
const record = (fields: Partial<AuditRecord>): AuditRecord => ({
  interactionId: 'call-1',
  recordId: 'r-1',
  kind: 'decision',
  at: AT,
  payload: new Uint8Array(),
  ...fields,
});

describe('auditRecordView', () => {
  it('decodes a decision', () => {
    const payload = v1.EscalationDecision.encode({
      decisionId: 'd-1',
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_HOLD,
      reasons: [{ code: v1.DecisionReasonCode.DECISION_REASON_CODE_VOICEMAIL }],
      decidedAt: toTimestamp(AT),
    }).finish();
    expect(auditRecordView(record({ payload, summary: { outcome: 'HOLD' } }))).toEqual({
      recordId: 'r-1',
      kind: 'decision',
      at: '2026-11-24T15:04:05Z',
      summary: { outcome: 'HOLD' },
      payloadType: 'EscalationDecision',
      payload: {
        decisionId: 'd-1',
        outcome: 'ESCALATION_OUTCOME_HOLD',
        reasons: [{ code: 'DECISION_REASON_CODE_VOICEMAIL' }],
        decidedAt: '2026-11-24T15:04:05Z',
      },
    });
  });

  it('decodes the signed claims of a grant beside it, and shows a refused grant without one', () => {
    const claims = v1.GrantClaims.encode({ grantId: 'g-1', scopes: ['transfer.live'] }).finish();
    const payload = v1.AuthorityGrant.encode({
      claims,
      signature: new Uint8Array([255]),
      keyId: 'k',
    }).finish();
    const view = auditRecordView(record({ kind: 'grant', payload, summary: { event: 'issued' } }));
    expect(view.payloadType).toBe('AuthorityGrant');
    expect(view.payload).toMatchObject({ keyId: 'k', signature: '/w==' });
    expect(view.claims).toEqual({ grantId: 'g-1', scopes: ['transfer.live'] });
    const refused = auditRecordView(
      record({ kind: 'grant', summary: { event: 'refused', reason: 'x' } }),
    );
    expect(refused.payload).toEqual({});
    expect(refused.claims).toBeUndefined();
  });

  it.each([
    ['handoff', 'HandoffEvent'],
    ['appointment', 'AppointmentEvent'],
    ['evidence', 'Signal'],
  ] as const)('names the payload type of %s records', (kind, payloadType) => {
    expect(auditRecordView(record({ kind })).payloadType).toBe(payloadType);
  });

  it('returns a payload that does not decode as base64 instead of dropping the record', () => {
    const view = auditRecordView(
      record({ kind: 'handoff', payload: new Uint8Array([0xff, 0xff, 0xff]) }),
    );
    expect(view).toMatchObject({ payload: null, payloadBase64: '////' });
  });
});
