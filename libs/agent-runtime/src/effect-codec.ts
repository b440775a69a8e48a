// Effects as JSON inside a checkpoint: protobuf messages travel as base64 of their encoding.
import { warmline } from '@warmline/contracts';
import type { AuditRecord } from '@warmline/store';
import type { Effect, PublishEffect } from './effects.js';

type StoredEffect =
  | { kind: 'publish'; family: string; interactionId: string; envelope: string }
  | { kind: 'intent'; state: string }
  | {
      kind: 'audit';
      record: Omit<AuditRecord, 'payload'> & { payload: string };
    };

/** A JSON-safe form of `effect`. */
export function storeEffect(effect: Effect): StoredEffect {
  switch (effect.kind) {
    case 'publish':
      return {
        kind: 'publish',
        family: effect.family,
        interactionId: effect.interactionId,
        envelope: base64(warmline.v1.Envelope.encode(effect.envelope).finish()),
      };
    case 'intent':
      return {
        kind: 'intent',
        state: base64(warmline.v1.IntentState.encode(effect.state).finish()),
      };
    case 'audit':
      return {
        kind: 'audit',
        record: { ...effect.record, payload: base64(effect.record.payload) },
      };
  }
}

/** The effect stored by `storeEffect`. */
export function loadEffect(stored: StoredEffect): Effect {
  switch (stored.kind) {
    case 'publish': {
      const {
        producer: _producer,
        authority,
        ...rest
      } = warmline.v1.Envelope.toObject(
        warmline.v1.Envelope.decode(bytes(stored.envelope)),
      ) as warmline.v1.IEnvelope;
      const envelope = warmline.v1.Envelope.fromObject(rest);
      return {
        kind: 'publish',
        family: stored.family as PublishEffect['family'],
        interactionId: stored.interactionId,
        envelope: Object.assign(envelope, {
          eventId: envelope.eventId,
          authority: authority?.grant ? { grant: authority.grant } : null,
        }),
      };
    }
    case 'intent':
      return { kind: 'intent', state: warmline.v1.IntentState.decode(bytes(stored.state)) };
    case 'audit':
      return { kind: 'audit', record: { ...stored.record, payload: bytes(stored.record.payload) } };
  }
}

export type { StoredEffect };

function base64(data: Uint8Array): string {
  return Buffer.from(data).toString('base64');
}

function bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
