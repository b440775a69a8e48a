// The qualification agent's only handler: signals, one interaction at a time in order.
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnFamily } from '@warmline/bus';
import type { Envelope } from '@warmline/contracts';
import { QualifySignal } from './qualify-signal.js';

@Controller()
export class QualificationController {
  constructor(private readonly qualifySignal: QualifySignal) {}

  @OnFamily('signal')
  async onSignal(@Payload() envelope: Envelope): Promise<void> {
    await this.qualifySignal.execute(envelope);
  }
}
