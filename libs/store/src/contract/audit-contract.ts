// Contract: the append-only audit trail and an interaction's ordered story.
import type { AuditRecord } from '../port/audit-log.js';
import { InvalidAuditRecordError, StoreErrorCodes } from '../port/errors.js';
import { auditRecord, expectStoreError, uniqueId } from './fixtures.js';
import type { StoreUnderTest } from './store-under-test.js';

export function describeAuditContract(subject: () => StoreUnderTest): void {
  describe('audit trail', () => {
    it('has no records for an unknown interaction', async () => {
      expect(await subject().audit.list(uniqueId('call'))).toEqual([]);
    });

    it('returns an appended record exactly as given, payload bytes included', async () => {
      const iid = uniqueId('call');
      const record = auditRecord(iid, 'decision-1', 'decision', 1_700_000_000_123, {
        outcome: 'AUTHORIZE',
        version: 3,
      });
      expect(await subject().audit.append(record)).toEqual({ appended: true });
      const [stored] = await subject().audit.list(iid);
      expect(stored).toEqual(record);
      expect(stored?.payload).toBeInstanceOf(Uint8Array);
      expect(Array.from(stored?.payload ?? [])).toEqual(Array.from(record.payload));
    });

    it('stores a record id once and never overwrites it', async () => {
      const iid = uniqueId('call');
      const original = auditRecord(iid, 'grant-7', 'grant', 1_000, { event: 'issued' });
      const replay = auditRecord(iid, 'grant-7', 'grant', 2_000, {
        event: 'revoked',
        reason: 'marker revoked',
      });
      expect(await subject().audit.append(original)).toEqual({ appended: true });
      expect(await subject().audit.append(replay)).toEqual({ appended: false });
      expect(await subject().audit.list(iid)).toEqual([original]);
    });

    it('stores concurrent duplicates of one record once', async () => {
      const iid = uniqueId('call');
      const other = await subject().openAgain();
      try {
        const stores = [subject(), other, subject(), other, subject(), other];
        const results = await Promise.all(
          stores.map((store) => store.audit.append(auditRecord(iid, 'handoff-1', 'handoff', 5))),
        );
        expect(results.filter((r) => r.appended)).toHaveLength(1);
      } finally {
        await other.close();
      }
      expect(await subject().audit.list(iid)).toHaveLength(1);
    });

    it('tells the story ordered by time, then by append order', async () => {
      const iid = uniqueId('call');
      const appended: AuditRecord[] = [
        auditRecord(iid, 'c', 'handoff', 300),
        auditRecord(iid, 'a', 'evidence', 100),
        auditRecord(iid, 'z', 'decision', 200),
        auditRecord(iid, 'b', 'grant', 200),
        auditRecord(iid, 'y', 'appointment', 400),
      ];
      for (const record of appended) {
        await subject().audit.append(record);
      }
      const story = await subject().audit.list(iid);
      expect(story.map((r) => r.recordId)).toEqual(['a', 'z', 'b', 'c', 'y']);
    });

    it('filters the story by kind', async () => {
      const iid = uniqueId('call');
      await subject().audit.append(auditRecord(iid, 'd1', 'decision', 1));
      await subject().audit.append(auditRecord(iid, 'g1', 'grant', 2, { event: 'issued' }));
      await subject().audit.append(auditRecord(iid, 'h1', 'handoff', 3));
      await subject().audit.append(auditRecord(iid, 'g2', 'grant', 4, { event: 'used' }));
      const grantsAndHandoffs = await subject().audit.list(iid, { kinds: ['grant', 'handoff'] });
      expect(grantsAndHandoffs.map((r) => r.recordId)).toEqual(['g1', 'h1', 'g2']);
      expect(await subject().audit.list(iid, { kinds: ['appointment'] })).toEqual([]);
    });

    it('keeps each interaction’s story apart, even for ids sharing a prefix or a record id', async () => {
      const iid = uniqueId('call');
      const lookalike = `${iid}-2`;
      await subject().audit.append(auditRecord(iid, 'decision-1', 'decision', 1));
      await subject().audit.append(auditRecord(lookalike, 'decision-1', 'decision', 2));
      expect((await subject().audit.list(iid)).map((r) => r.interactionId)).toEqual([iid]);
      expect((await subject().audit.list(lookalike)).map((r) => r.interactionId)).toEqual([
        lookalike,
      ]);
    });

    it('refuses malformed records and stores nothing', async () => {
      const iid = uniqueId('call');
      const good = auditRecord(iid, 'r1', 'decision', 1);
      const malformed: unknown[] = [
        { ...good, kind: 'gossip' },
        { ...good, at: -1 },
        { ...good, at: 1.5 },
        { ...good, payload: 'not bytes' },
        { ...good, summary: { nested: { no: 1 } } },
        { ...good, kind: 'grant', summary: {} },
        { ...good, kind: 'grant', summary: { event: 'revoked' } },
      ];
      for (const record of malformed) {
        await expectStoreError(
          subject().audit.append(record as AuditRecord),
          InvalidAuditRecordError,
          StoreErrorCodes.InvalidAuditRecord,
        );
      }
      expect(await subject().audit.list(iid)).toEqual([]);
    });

    it('refuses to list an unknown kind', async () => {
      await expectStoreError(
        subject().audit.list(uniqueId('call'), { kinds: ['gossip' as never] }),
        InvalidAuditRecordError,
        StoreErrorCodes.InvalidAuditRecord,
      );
    });
  });
}
