// What a handler's decision asks the world to do, recorded in its checkpoint before anything is done,
// so a process killed half-way through redoes exactly the same things on redelivery. Every effect is
// idempotent: a publish keeps its event id (the stream and consumers drop the repeat), an intent
// write is compare-and-set to a fixed version, an audit record has a fixed id.
import type { EnvelopeInit } from '@warmline/bus';
import type { InteractionFamily } from '@warmline/contracts';
import type { AuditRecord, IntentState } from '@warmline/store';

/** Publish one event; `envelope.eventId` must be set (it is the de-duplication key). */
export interface PublishEffect {
  readonly kind: 'publish';
  readonly family: InteractionFamily;
  readonly interactionId: string;
  readonly envelope: EnvelopeInit & { readonly eventId: string };
}

/** Write intent state `state.version`, over `state.version - 1` (or create version 1). */
export interface IntentWriteEffect {
  readonly kind: 'intent';
  readonly state: IntentState;
}

/** Append one audit record. */
export interface AuditEffect {
  readonly kind: 'audit';
  readonly record: AuditRecord;
}

export type Effect = PublishEffect | IntentWriteEffect | AuditEffect;

/** Performs effects; implemented over the bus and the store by `EffectPerformer`. */
export interface EffectSink {
  perform(effect: Effect): Promise<void>;
}
