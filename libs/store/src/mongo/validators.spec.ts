// The validators and the documents the adapter writes must agree: a field renamed on one side only would
// make the server refuse every write. MongoDB itself is the judge when one runs (mongo-store.spec.ts);
// here a small reader of the $jsonSchema keywords the validators use checks them without a server. It
// throws on any keyword it does not know, so a validator cannot silently outgrow it.
import { warmline } from '@warmline/contracts';
import fc from 'fast-check';
import { Binary, Long, type Document } from 'mongodb';
import { AUDIT_RECORD_KINDS, type AuditRecord } from '../port/audit-log.js';
import { auditRecordDocument } from './audit-record-document.js';
import { MONGO_COLLECTION_ROLES, MONGO_COLLECTIONS } from './collections.js';
import { currentStateDocument, versionDocument } from './intent-state-document.js';
import { claimDocument } from './mongo-idempotency-keys.js';
import { MONGO_SCHEMAS, MONGO_VALIDATION, mongoValidator } from './validators.js';

/** The BSON type the driver writes for a JS value. */
function bsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') {
    // js-bson writes integers that fit in 32 bits as int, every other number as double.
    return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? 'int' : 'double';
  }
  if (value instanceof Date) return 'date';
  if (value instanceof Binary) return 'binData';
  if (value instanceof Long) return 'long';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  throw new Error(`no BSON type for ${typeof value}`);
}

const numberOf = (value: unknown) => (value instanceof Long ? value.toNumber() : value);

/** True when `value` satisfies `schema` (the subset of MongoDB's $jsonSchema the validators use). */
function satisfies(schema: Document, value: unknown): boolean {
  return Object.entries(schema).every(([keyword, rule]) => {
    switch (keyword) {
      case 'bsonType':
        return ([rule].flat() as string[]).includes(bsonTypeOf(value));
      case 'enum':
        return (rule as unknown[]).includes(value);
      case 'pattern':
        return typeof value !== 'string' || new RegExp(rule as string, 'u').test(value);
      case 'minLength':
        return typeof value !== 'string' || [...value].length >= (rule as number);
      case 'maxLength':
        return typeof value !== 'string' || [...value].length <= (rule as number);
      case 'minimum': {
        const number = numberOf(value);
        return typeof number !== 'number' || number >= (rule as number);
      }
      case 'required':
        return !isObject(value) || (rule as string[]).every((field) => field in value);
      case 'properties':
        return (
          !isObject(value) ||
          Object.entries(rule as Record<string, Document>).every(
            ([field, fieldSchema]) => !(field in value) || satisfies(fieldSchema, value[field]),
          )
        );
      case 'additionalProperties': {
        if (!isObject(value)) return true;
        const declared = Object.keys((schema['properties'] ?? {}) as Document);
        const extra = Object.keys(value).filter((field) => !declared.includes(field));
        return rule === false
          ? extra.length === 0
          : rule === true || extra.every((field) => satisfies(rule as Document, value[field]));
      }
      case 'anyOf':
        return (rule as Document[]).some((branch) => satisfies(branch, value));
      default:
        throw new Error(`the validator uses $jsonSchema keyword ${keyword}, unknown to this test`);
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return bsonTypeOf(value) === 'object';
}

const ids = fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/);
const keys = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), { minLength: 1, maxLength: 8 })
  .map((tokens) => tokens.join('.'));

const intentStates = fc
  .record({
    interactionId: ids,
    version: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
    campaignId: fc.string(),
    updatedAt: fc.option(
      fc.record({ seconds: fc.integer({ min: 0, max: 2e10 }), nanos: fc.nat(999_999_999) }),
      {
        nil: undefined,
      },
    ),
  })
  .map((fields) => warmline.v1.IntentState.create(fields));

const grantSummaries = fc.oneof(
  fc.record({ event: fc.constantFrom('issued', 'used') }),
  fc.record({ event: fc.constantFrom('refused', 'revoked'), reason: fc.string({ minLength: 1 }) }),
);

const auditRecords: fc.Arbitrary<AuditRecord> = fc
  .record({
    interactionId: ids,
    recordId: ids,
    kind: fc.constantFrom(...AUDIT_RECORD_KINDS),
    at: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    payload: fc.uint8Array({ maxLength: 16 }),
    summary: fc.option(
      fc.dictionary(
        fc.stringMatching(/^[a-z]{1,8}$/),
        fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      ),
      { nil: undefined },
    ),
    grant: grantSummaries,
  })
  .map(({ grant, summary, ...record }) =>
    record.kind === 'grant'
      ? { ...record, summary: { ...summary, ...grant } }
      : summary === undefined
        ? record
        : { ...record, summary },
  );

describe('collection validators', () => {
  it('are strict $jsonSchema validators, one per collection', () => {
    for (const role of MONGO_COLLECTION_ROLES) {
      expect(mongoValidator(role)).toEqual({ $jsonSchema: MONGO_SCHEMAS[role] });
    }
    expect(MONGO_VALIDATION).toEqual({ validationLevel: 'strict', validationAction: 'error' });
    expect(Object.keys(MONGO_SCHEMAS).sort()).toEqual(Object.keys(MONGO_COLLECTIONS).sort());
  });

  it('accept every intent state document the adapter writes, current and history', () => {
    fc.assert(
      fc.property(intentStates, (state) => {
        expect(satisfies(MONGO_SCHEMAS.intentState, currentStateDocument(state))).toBe(true);
        expect(satisfies(MONGO_SCHEMAS.intentHistory, versionDocument(state))).toBe(true);
      }),
    );
  });

  it('accept every audit record document the adapter writes', () => {
    fc.assert(
      fc.property(auditRecords, fc.integer({ min: 1, max: 2 ** 40 }), (record, seq) => {
        expect(satisfies(MONGO_SCHEMAS.audit, auditRecordDocument(record, seq))).toBe(true);
      }),
    );
  });

  it('accept every claim and checkpoint document the adapter writes', () => {
    fc.assert(
      fc.property(
        keys.filter((k) => k.length <= 256),
        fc.string({ minLength: 1, maxLength: 256 }),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        (key, owner, now) => {
          expect(satisfies(MONGO_SCHEMAS.idempotency, claimDocument(key, owner, now))).toBe(true);
          const live = {
            _id: key,
            value: new Binary(new Uint8Array([1])),
            revision: Long.fromNumber(now + 1),
          };
          expect(satisfies(MONGO_SCHEMAS.checkpoints, live)).toBe(true);
          expect(satisfies(MONGO_SCHEMAS.checkpoints, { ...live, value: null })).toBe(true);
        },
      ),
    );
  });

  it('refuse any document missing a required field or carrying an unknown one', () => {
    const state = warmline.v1.IntentState.create({ interactionId: 'call-1', version: 1 });
    const samples: Record<string, Document> = {
      intentState: currentStateDocument(state),
      intentHistory: versionDocument(state),
      audit: auditRecordDocument(
        {
          interactionId: 'call-1',
          recordId: 'r1',
          kind: 'decision',
          at: 1,
          payload: new Uint8Array(),
        },
        1,
      ),
      idempotency: claimDocument('transfer.g1', 'router-1', 1),
      checkpoints: { _id: 'router.ledger.c1', value: null, revision: Long.fromNumber(2) },
    };
    for (const role of MONGO_COLLECTION_ROLES) {
      const sample = samples[role] as Document;
      expect(satisfies(MONGO_SCHEMAS[role], sample)).toBe(true);
      expect(satisfies(MONGO_SCHEMAS[role], { ...sample, unexpected: 1 })).toBe(false);
      for (const field of MONGO_SCHEMAS[role]['required'] as string[]) {
        const { [field]: _removed, ...without } = sample;
        expect({ role, field, accepted: satisfies(MONGO_SCHEMAS[role], without) }).toEqual({
          role,
          field,
          accepted: false,
        });
      }
    }
  });

  it.each([
    ['a version below 1', 'intentState', { version: Long.fromNumber(0) }],
    ['a version stored as a double', 'intentState', { version: 1.5 }],
    ['an interaction id with a dot', 'intentState', { _id: 'call.1' }],
    ['a history id without its version', 'intentHistory', { _id: 'call-1' }],
    ['a history id with version 0', 'intentHistory', { _id: 'call-1.0' }],
    ['state that is not BinData', 'intentState', { state: 'bytes' }],
  ])('refuse an intent state with %s', (_, role, change) => {
    const state = warmline.v1.IntentState.create({ interactionId: 'call-1', version: 1 });
    const doc = role === 'intentState' ? currentStateDocument(state) : versionDocument(state);
    expect(satisfies(MONGO_SCHEMAS[role as 'intentState'], { ...doc, ...change })).toBe(false);
  });

  it.each([
    ['an unknown kind', { kind: 'gossip' }],
    ['a negative time', { at: Long.fromNumber(-1) }],
    ['a time stored as a string', { at: '5' }],
    ['a grant without summary', { kind: 'grant' }],
    ['a grant without event', { kind: 'grant', summary: { reason: 'x' } }],
    ['a revoked grant without reason', { kind: 'grant', summary: { event: 'revoked' } }],
    [
      'a refused grant with an empty reason',
      { kind: 'grant', summary: { event: 'refused', reason: '' } },
    ],
    ['a summary holding a document', { summary: { nested: { no: 1 } } }],
    ['an _id that is not <interaction>.<record>', { _id: 'call-1' }],
  ])('refuse an audit record with %s', (_, change) => {
    const doc = auditRecordDocument(
      {
        interactionId: 'call-1',
        recordId: 'r1',
        kind: 'decision',
        at: 1,
        payload: new Uint8Array(),
      },
      1,
    );
    expect(satisfies(MONGO_SCHEMAS.audit, { ...doc, ...change })).toBe(false);
  });

  it('accept a revoked grant that says why', () => {
    const doc = auditRecordDocument(
      {
        interactionId: 'call-1',
        recordId: 'g1',
        kind: 'grant',
        at: 1,
        payload: new Uint8Array(),
        summary: { event: 'revoked', reason: 'marker revoked' },
      },
      1,
    );
    expect(satisfies(MONGO_SCHEMAS.audit, doc)).toBe(true);
  });

  it.each([
    [
      'an empty owner',
      'idempotency',
      { _id: 'transfer.g1', owner: '', claimedAt: Long.fromNumber(1) },
    ],
    [
      'a key with an empty token',
      'idempotency',
      { _id: 'transfer..g1', owner: 'r', claimedAt: Long.fromNumber(1) },
    ],
    [
      'a checkpoint value that is not bytes',
      'checkpoints',
      { _id: 'a.b', value: 'x', revision: Long.fromNumber(1) },
    ],
    [
      'a checkpoint revision of 0',
      'checkpoints',
      { _id: 'a.b', value: null, revision: Long.fromNumber(0) },
    ],
  ])('refuse %s', (_, role, doc) => {
    expect(satisfies(MONGO_SCHEMAS[role as 'idempotency'], doc)).toBe(false);
  });
});
