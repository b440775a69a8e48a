// The `@Ctx()` of a Nest handler on the JetStream transport.
import type { MsgHdrs } from '@nats-io/transport-node';
import { BaseRpcContext } from '@nestjs/microservices';
import type { InteractionFamily } from '@warmline/contracts';
import type { Delivery } from './delivery.js';

/** Where a handled message came from and how often it has been delivered. */
export class JetStreamContext extends BaseRpcContext<[Delivery]> {
  constructor(delivery: Delivery) {
    super([delivery]);
  }

  /** Everything below in one object. */
  getDelivery(): Delivery {
    return this.args[0];
  }

  /** Full subject, `wl.<family>.<partition>.<interaction_id>`. */
  getSubject(): string {
    return this.args[0].subject;
  }

  getFamily(): InteractionFamily {
    return this.args[0].family;
  }

  getInteractionId(): string {
    return this.args[0].interactionId;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  /** 1 on first delivery; a handler may use it to tell a retry from a first attempt. */
  getDeliveryCount(): number {
    return this.args[0].deliveryCount;
  }

  getStreamSequence(): number {
    return this.args[0].streamSequence;
  }

  getHeaders(): MsgHdrs | undefined {
    return this.args[0].headers;
  }
}
