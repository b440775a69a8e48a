// The $jsonSchema validator of each collection: a document the adapter would never write is refused by
// the server itself (validationLevel strict, validationAction error), whoever writes it. MongoDB's
// $jsonSchema is draft 4 plus `bsonType`; it has no `integer` type, `format`, `$ref` or `definitions`.
import type { Document } from 'mongodb';
import {
  AUDIT_RECORD_KINDS,
  GRANT_AUDIT_EVENTS,
  GRANT_EVENTS_REQUIRING_REASON,
} from '../port/audit-log.js';
import { CLAIM_OWNER_MAX_LENGTH } from '../port/claim-rules.js';
import { ID_PATTERN, IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_PATTERN } from '../port/ids.js';
import type { MongoCollectionRole } from './collections.js';

/** How strictly the server applies the validators: every insert and update, refusing violations. */
export const MONGO_VALIDATION = { validationLevel: 'strict', validationAction: 'error' } as const;

const id = { bsonType: 'string', pattern: ID_PATTERN.source };
const key = {
  bsonType: 'string',
  pattern: IDEMPOTENCY_KEY_PATTERN.source,
  maxLength: IDEMPOTENCY_KEY_MAX_LENGTH,
};
const token = ID_PATTERN.source.slice(1, -1); // the id rule without its anchors
const int64AtLeast = (minimum: number) => ({ bsonType: 'long', minimum });

function intentStateSchema(idField: Document): Document {
  return {
    bsonType: 'object',
    required: ['_id', 'interactionId', 'version', 'campaignId', 'updatedAt', 'state'],
    additionalProperties: false,
    properties: {
      _id: idField,
      interactionId: id,
      version: int64AtLeast(1),
      campaignId: { bsonType: 'string' },
      updatedAt: { bsonType: ['date', 'null'] },
      state: { bsonType: 'binData' },
    },
  };
}

const grantEventsWithoutReason = GRANT_AUDIT_EVENTS.filter(
  (event) => !GRANT_EVENTS_REQUIRING_REASON.includes(event),
);

const auditSchema: Document = {
  bsonType: 'object',
  required: ['_id', 'interactionId', 'recordId', 'seq', 'kind', 'at', 'payload'],
  additionalProperties: false,
  properties: {
    _id: { bsonType: 'string', pattern: `^${token}\\.${token}$` },
    interactionId: id,
    recordId: id,
    seq: int64AtLeast(1),
    kind: { enum: [...AUDIT_RECORD_KINDS] },
    at: int64AtLeast(0),
    payload: { bsonType: 'binData' },
    summary: {
      bsonType: 'object',
      additionalProperties: { bsonType: ['string', 'int', 'long', 'double'] },
    },
  },
  // The grant rule of the port: a grant record says what happened to the grant, and why when refused or revoked.
  anyOf: [
    { properties: { kind: { enum: AUDIT_RECORD_KINDS.filter((kind) => kind !== 'grant') } } },
    {
      required: ['summary'],
      properties: {
        kind: { enum: ['grant'] },
        summary: { required: ['event'], properties: { event: { enum: grantEventsWithoutReason } } },
      },
    },
    {
      required: ['summary'],
      properties: {
        kind: { enum: ['grant'] },
        summary: {
          required: ['event', 'reason'],
          properties: {
            event: { enum: [...GRANT_EVENTS_REQUIRING_REASON] },
            reason: { bsonType: 'string', minLength: 1 },
          },
        },
      },
    },
  ],
};

const idempotencySchema: Document = {
  bsonType: 'object',
  required: ['_id', 'owner', 'claimedAt'],
  additionalProperties: false,
  properties: {
    _id: key,
    owner: { bsonType: 'string', minLength: 1, maxLength: CLAIM_OWNER_MAX_LENGTH },
    claimedAt: int64AtLeast(0),
  },
};

const checkpointSchema: Document = {
  bsonType: 'object',
  required: ['_id', 'value', 'revision'],
  additionalProperties: false,
  properties: {
    _id: key,
    // null: deleted. The document stays so the key's revision keeps growing and is never reused.
    value: { bsonType: ['binData', 'null'] },
    revision: int64AtLeast(1),
  },
};

/** The `$jsonSchema` of each collection. */
export const MONGO_SCHEMAS: Record<MongoCollectionRole, Document> = {
  intentState: intentStateSchema(id),
  intentHistory: intentStateSchema({ bsonType: 'string', pattern: `^${token}\\.[1-9][0-9]*$` }),
  audit: auditSchema,
  idempotency: idempotencySchema,
  checkpoints: checkpointSchema,
};

/** The `validator` option of each collection, as passed to `createCollection`. */
export function mongoValidator(role: MongoCollectionRole): Document {
  return { $jsonSchema: MONGO_SCHEMAS[role] };
}
