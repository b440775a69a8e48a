import { warmline } from '@warmline/contracts';
import fc from 'fast-check';
import { Binary, Long } from 'mongodb';
import { encodeIntentState } from '../codec/intent-state-codec.js';
import { CorruptStoredValueError } from '../port/errors.js';
import type { IntentState } from '../port/intent-state.js';
import {
  currentStateDocument,
  readIntentStateDocument,
  versionDocument,
  versionId,
} from './intent-state-document.js';

const plain = (state: IntentState) =>
  warmline.v1.IntentState.toObject(state, { longs: Number, defaults: true });

/** Intent states with every queryable field varied; times stay inside what a BSON date holds. */
const intentStates = fc
  .record({
    interactionId: fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/),
    version: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
    campaignId: fc.string(),
    updatedAt: fc.option(
      fc.record({
        seconds: fc.integer({ min: 0, max: 253_402_300_799 }),
        nanos: fc.integer({ min: 0, max: 999_999_999 }),
      }),
      { nil: undefined },
    ),
    buyerLanguage: fc.constantFrom('', 'en-US', 'es-MX'),
  })
  .map((fields) => warmline.v1.IntentState.create(fields));

describe('intent state document', () => {
  it('stores the protobuf bytes and a queryable copy that agrees with them', () => {
    fc.assert(
      fc.property(intentStates, (state) => {
        const doc = currentStateDocument(state);
        expect(doc._id).toBe(state.interactionId);
        expect(doc.interactionId).toBe(state.interactionId);
        expect(doc.version).toEqual(Long.fromNumber(state.version));
        expect(doc.campaignId).toBe(state.campaignId);
        expect(doc.updatedAt?.getTime() ?? null).toBe(
          state.updatedAt
            ? Number(state.updatedAt.seconds) * 1000 +
                Math.floor((state.updatedAt.nanos ?? 0) / 1e6)
            : null,
        );
        expect(Array.from(doc.state.value())).toEqual(Array.from(encodeIntentState(state)));
      }),
    );
  });

  it('reads back exactly the state and bytes it stored, from either collection', () => {
    fc.assert(
      fc.property(intentStates, (state) => {
        for (const doc of [currentStateDocument(state), versionDocument(state)]) {
          const read = readIntentStateDocument(doc, state.interactionId, 'here');
          expect(plain(read.state)).toEqual(plain(state));
          expect(read.bytes).toBeInstanceOf(Uint8Array);
          expect(Array.from(read.bytes)).toEqual(Array.from(doc.state.value()));
        }
      }),
    );
  });

  it('reads a version promoted to a number as the driver returns it', () => {
    const state = warmline.v1.IntentState.create({ interactionId: 'call-1', version: 7 });
    const doc = { ...currentStateDocument(state), version: 7 };
    expect(readIntentStateDocument(doc, 'call-1', 'here').state.version).toBe(7);
  });

  it('keys history by interaction and version', () => {
    const state = warmline.v1.IntentState.create({ interactionId: 'call-1', version: 3 });
    expect(versionDocument(state)._id).toBe('call-1.3');
    expect(versionId('call-1', 3)).toBe('call-1.3');
  });

  it('leaves the queryable time empty when a BSON date cannot hold it, keeping it in the bytes', () => {
    const state = warmline.v1.IntentState.create({
      interactionId: 'call-1',
      version: 1,
      updatedAt: { seconds: 9e15, nanos: 0 },
    });
    const doc = currentStateDocument(state);
    expect(doc.updatedAt).toBeNull();
    expect(Number(readIntentStateDocument(doc, 'call-1', 'here').state.updatedAt?.seconds)).toBe(
      9e15,
    );
  });

  describe('refuses a damaged document, naming where it was found', () => {
    const state = warmline.v1.IntentState.create({ interactionId: 'call-1', version: 2 });
    const good = currentStateDocument(state);
    it.each([
      ['state that is not BinData', { ...good, state: 'bytes' }],
      ['bytes that are not an IntentState', { ...good, state: new Binary(new Uint8Array([0xff])) }],
      ['a version field that disagrees with the bytes', { ...good, version: Long.fromNumber(3) }],
      ['a missing version', { ...good, version: undefined }],
      ['an interaction field that disagrees with the bytes', { ...good, interactionId: 'call-2' }],
      [
        'the bytes of another interaction',
        currentStateDocument(
          warmline.v1.IntentState.create({ interactionId: 'call-9', version: 2 }),
        ),
      ],
    ])('%s', (_, doc) => {
      const read = () => readIntentStateDocument(doc, 'call-1', 'wl_intent_state/call-1');
      expect(read).toThrow(CorruptStoredValueError);
      expect(read).toThrow(/wl_intent_state\/call-1/);
    });
  });
});
