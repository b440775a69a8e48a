// Serializer/deserializer of bus messages, injectable like Nest's; the default is the one protobuf
// `Envelope` of @warmline/contracts, which makes decoding unambiguous (no global JSON codec).
import type { Deserializer, Serializer } from '@nestjs/microservices';
import { decodeEnvelope, encodeEnvelope, type warmline } from '@warmline/contracts';
import type { Envelope } from './delivery.js';

/** Envelope → message bytes. */
export interface EnvelopeSerializer extends Serializer<warmline.v1.IEnvelope, Uint8Array> {
  serialize(envelope: warmline.v1.IEnvelope): Uint8Array;
}

/** Message bytes → envelope; throws (contract errors with code DECODE_FAILED / VALIDATION_FAILED) on bad bytes. */
export interface EnvelopeDeserializer extends Deserializer<Uint8Array, Envelope> {
  deserialize(data: Uint8Array): Envelope;
}

/** Encodes `warmline.v1.Envelope` with protobuf (validating it first). */
export class ProtobufEnvelopeSerializer implements EnvelopeSerializer {
  serialize(envelope: warmline.v1.IEnvelope): Uint8Array {
    return encodeEnvelope(envelope);
  }
}

/** Decodes and validates `warmline.v1.Envelope` from protobuf bytes. */
export class ProtobufEnvelopeDeserializer implements EnvelopeDeserializer {
  deserialize(data: Uint8Array): Envelope {
    return decodeEnvelope(data);
  }
}
