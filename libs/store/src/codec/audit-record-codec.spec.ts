import { CorruptStoredValueError } from '../port/errors.js';
import { decodeAuditRecord, encodeAuditRecord } from './audit-record-codec.js';

const record = {
  interactionId: 'call-1',
  recordId: 'grant-1',
  kind: 'grant' as const,
  at: 1_700_000_000_000,
  payload: new Uint8Array([0, 1, 2, 250, 255]),
  summary: { event: 'revoked', reason: 'marker revoked', intentVersion: 4 },
};

describe('audit record codec', () => {
  it('round-trips every field, binary payload included', () => {
    expect(decodeAuditRecord(encodeAuditRecord(record), 'here')).toEqual(record);
  });

  it('round-trips a record without summary without inventing one', () => {
    const { summary: _summary, ...bare } = record;
    const decoded = decodeAuditRecord(encodeAuditRecord(bare), 'here');
    expect(decoded).toEqual(bare);
    expect('summary' in decoded).toBe(false);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{oops')],
    ['not UTF-8', new Uint8Array([0xff, 0xfe])],
    ['another format', new TextEncoder().encode(JSON.stringify({ format: 2 }))],
    [
      'a missing field',
      new TextEncoder().encode(JSON.stringify({ format: 1, interactionId: 'call-1' })),
    ],
    [
      'an unknown kind',
      new TextEncoder().encode(
        JSON.stringify({
          format: 1,
          interactionId: 'c',
          recordId: 'r',
          kind: 'gossip',
          at: 1,
          payload: '',
        }),
      ),
    ],
  ])('reports %s as corrupt, naming where it was found', (_, bytes) => {
    expect(() => decodeAuditRecord(bytes, 'WL_AUDIT/call-1.r1')).toThrow(CorruptStoredValueError);
    expect(() => decodeAuditRecord(bytes, 'WL_AUDIT/call-1.r1')).toThrow(/WL_AUDIT\/call-1\.r1/);
  });
});
