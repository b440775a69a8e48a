// The perception agent's only handler: raw perception events, one interaction at a time in order.
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnFamily } from '@warmline/bus';
import type { Envelope } from '@warmline/contracts';
import { PerceiveEvent } from './perceive-event.js';

@Controller()
export class PerceptionController {
  constructor(private readonly perceiveEvent: PerceiveEvent) {}

  @OnFamily('perception')
  async onPerceptionEvent(@Payload() envelope: Envelope): Promise<void> {
    await this.perceiveEvent.execute(envelope);
  }
}
