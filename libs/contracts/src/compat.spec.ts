// Forward compatibility: bytes from a newer producer (fields and enum values this code does not know)
// decode without error. decodeEnvelope keeps unknown fields (protobufjs 8 `$unknowns`, which plain
// Envelope.decode discards by default) and encode writes them back unchanged, so storing or relaying an
// envelope does not lose a newer producer's data.
import protobuf from 'protobufjs/minimal.js';
import { envelopeWith } from './__fixtures__/envelopes.js';
import { decodeEnvelope, encodeEnvelope } from './codec.js';
import { warmline } from './generated/warmline.js';

const UNUSED_ENVELOPE_FIELD = 99;
const UNUSED_SIGNAL_FIELD = 77;

function withTrailingField(bytes: Uint8Array, write: (w: protobuf.Writer) => void): Uint8Array {
  const writer = protobuf.Writer.create();
  write(writer);
  const extra = writer.finish();
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes, 0);
  out.set(extra, bytes.length);
  return out;
}

describe('a newer producer', () => {
  const env = envelopeWith('future', { signal: { signalId: 'sig-1', sourceEventId: 'evt-0' } });
  const current = encodeEnvelope(env);

  it('may add a top-level field: it decodes, and re-encodes byte for byte', () => {
    const newer = withTrailingField(current, (w) =>
      w.uint32((UNUSED_ENVELOPE_FIELD << 3) | 2).string('tenant-42'),
    );
    const decoded = decodeEnvelope(newer);
    expect(decoded.eventId).toBe('evt-future');
    expect(decoded.signal?.signalId).toBe('sig-1');
    expect(warmline.v1.Envelope.encode(decoded).finish()).toEqual(newer);
    // Without decodeEnvelope's opt-in, protobufjs drops them: this is what the opt-in is for.
    expect(warmline.v1.Envelope.encode(warmline.v1.Envelope.decode(newer)).finish()).toEqual(
      current,
    );
  });

  it('may add a field inside a body, of any wire type', () => {
    const signal = warmline.v1.Signal.encode({ signalId: 'sig-1' }).finish();
    const newerSignal = withTrailingField(signal, (w) => {
      w.uint32((UNUSED_SIGNAL_FIELD << 3) | 0).uint64(2 ** 40);
      w.uint32(((UNUSED_SIGNAL_FIELD + 1) << 3) | 1).fixed64(1);
      w.uint32(((UNUSED_SIGNAL_FIELD + 2) << 3) | 5).float(1.5);
    });
    const head = warmline.v1.Envelope.encode({
      eventId: 'evt-1',
      interactionId: 'call-1',
    }).finish();
    const newer = withTrailingField(head, (w) => w.uint32((21 << 3) | 2).bytes(newerSignal));
    const decoded = decodeEnvelope(newer);
    expect(decoded.signal?.signalId).toBe('sig-1');
    expect(warmline.v1.Envelope.encode(decoded).finish()).toEqual(newer);
  });

  it('may add an enum value: proto3 enums are open, the number is kept', () => {
    const newer = encodeEnvelope({
      eventId: 'evt-1',
      interactionId: 'call-1',
      signal: { signalId: 'sig-1', faults: [1000 as warmline.v1.SignalFault] },
    });
    expect(decodeEnvelope(newer).signal?.faults).toEqual([1000]);
  });

  it('may add a body case: it decodes as an envelope with no body, which validation rejects', () => {
    const head = warmline.v1.Envelope.encode({
      eventId: 'evt-1',
      interactionId: 'call-1',
    }).finish();
    const newer = withTrailingField(head, (w) =>
      w.uint32((60 << 3) | 2).bytes(Uint8Array.of(8, 1)),
    );
    expect(() => decodeEnvelope(newer)).toThrow(expect.objectContaining({ field: 'body' }));
    expect(warmline.v1.Envelope.decode(newer).body).toBeUndefined();
  });
});
