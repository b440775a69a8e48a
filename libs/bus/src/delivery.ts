// What a handler learns about the message it is handling, besides the envelope itself.
import type { MsgHdrs } from '@nats-io/transport-node';
import type { InteractionFamily, warmline } from '@warmline/contracts';

/** The decoded event every bus message carries. */
export type Envelope = warmline.v1.Envelope;

/** Where and how often a message was delivered. */
export interface Delivery {
  /** Full subject, `wl.<family>.<partition>.<interaction_id>`. */
  readonly subject: string;
  readonly family: InteractionFamily;
  readonly partition: number;
  readonly interactionId: string;
  /** 1 on first delivery; grows with every redelivery. */
  readonly deliveryCount: number;
  /** Position of the message in its stream (stable across redeliveries). */
  readonly streamSequence: number;
  readonly headers: MsgHdrs | undefined;
}

/** Handles one event; a rejection (or error) means "failed, retry", see `PermanentHandlerError`. */
export type EnvelopeHandler = (envelope: Envelope, delivery: Delivery) => unknown;

/** Turns message bytes into an envelope; throws a contract error for bad bytes. */
export type EnvelopeDecoder = (data: Uint8Array) => Envelope;
