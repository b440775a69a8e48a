import fc from 'fast-check';
import { Binary, Long } from 'mongodb';
import { AUDIT_RECORD_KINDS, type AuditRecord } from '../port/audit-log.js';
import { CorruptStoredValueError } from '../port/errors.js';
import {
  auditRecordDocument,
  auditRecordId,
  readAuditRecordDocument,
} from './audit-record-document.js';

const ids = fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/);

/** Records as the port accepts them: any kind, any epoch-ms time, summaries of strings and finite numbers. */
const records: fc.Arbitrary<AuditRecord> = fc
  .record({
    interactionId: ids,
    recordId: ids,
    kind: fc.constantFrom(...AUDIT_RECORD_KINDS),
    at: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    payload: fc.uint8Array({ maxLength: 64 }),
    summary: fc.option(
      fc.dictionary(
        fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,11}$/),
        fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      ),
      { nil: undefined },
    ),
  })
  .map(({ summary, ...record }) => (summary === undefined ? record : { ...record, summary }));

describe('audit record document', () => {
  it('reads back exactly the record it stored, payload bytes and summary included', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 1, max: 2 ** 40 }), (record, seq) => {
        const doc = auditRecordDocument(record, seq);
        expect(doc._id).toBe(`${record.interactionId}.${record.recordId}`);
        expect(doc.seq).toEqual(Long.fromNumber(seq));
        expect(doc.at).toEqual(Long.fromNumber(record.at));
        const read = readAuditRecordDocument(doc, 'here');
        expect(read).toEqual(record);
        expect(read.payload).toBeInstanceOf(Uint8Array);
        expect('summary' in read).toBe(record.summary !== undefined);
      }),
    );
  });

  it('reads the int64 fields the driver promotes to numbers', () => {
    const record: AuditRecord = {
      interactionId: 'call-1',
      recordId: 'd1',
      kind: 'decision',
      at: 1_700_000_000_123,
      payload: new Uint8Array([1, 2]),
      summary: { intentVersion: 4 },
    };
    const doc = { ...auditRecordDocument(record, 1), at: 1_700_000_000_123, seq: 1 };
    expect(readAuditRecordDocument(doc, 'here')).toEqual(record);
  });

  it('names a record by interaction and record id', () => {
    expect(auditRecordId('call-1', 'grant-7')).toBe('call-1.grant-7');
  });

  describe('refuses a damaged document, naming where it was found', () => {
    const good = auditRecordDocument(
      {
        interactionId: 'call-1',
        recordId: 'r1',
        kind: 'decision',
        at: 5,
        payload: new Uint8Array([1]),
      },
      1,
    );
    it.each([
      ['an unknown kind', { ...good, kind: 'gossip' }],
      ['a time that is not an integer', { ...good, at: 1.5 }],
      ['a missing time', { ...good, at: undefined }],
      ['a payload that is not BinData', { ...good, payload: 'AQ==' }],
      ['a missing record id', { ...good, recordId: undefined }],
      ['a summary that is not a document', { ...good, summary: ['a'] }],
      ['a summary value that is neither string nor number', { ...good, summary: { ok: true } }],
      ['a summary value that is binary', { ...good, summary: { b: new Binary(new Uint8Array()) } }],
    ])('%s', (_, doc) => {
      const read = () => readAuditRecordDocument(doc, 'wl_audit/call-1.r1');
      expect(read).toThrow(CorruptStoredValueError);
      expect(read).toThrow(/wl_audit\/call-1\.r1/);
    });
  });
});
