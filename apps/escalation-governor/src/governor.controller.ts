// The governor's handlers: intent versions to decide on, and the router's and scheduler's reports
// on the grants it issued. Each interaction's events arrive one at a time, in order.
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnFamily } from '@warmline/bus';
import type { Envelope } from '@warmline/contracts';
import { DecideOnIntent } from './decide-on-intent.js';
import { RecordExecution } from './record-execution.js';

@Controller()
export class GovernorController {
  constructor(
    private readonly decideOnIntent: DecideOnIntent,
    private readonly recordExecution: RecordExecution,
  ) {}

  @OnFamily('intent')
  async onIntentStateChanged(@Payload() envelope: Envelope): Promise<void> {
    await this.decideOnIntent.execute(envelope);
  }

  @OnFamily('handoff')
  async onHandoff(@Payload() envelope: Envelope): Promise<void> {
    await this.recordExecution.execute(envelope);
  }

  @OnFamily('appointment')
  async onAppointment(@Payload() envelope: Envelope): Promise<void> {
    await this.recordExecution.execute(envelope);
  }
}
