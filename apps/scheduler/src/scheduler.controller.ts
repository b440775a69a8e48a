// The scheduler's handlers: appointment grants and revocations (decision), failed transfers falling
// back to an appointment (handoff), and reschedule / cancel requests (schedule).
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnFamily } from '@warmline/bus';
import type { Envelope } from '@warmline/contracts';
import { ChangeAppointment } from './change-appointment.js';
import { HandleDecision } from './handle-decision.js';
import { HandleFallback } from './handle-fallback.js';

@Controller()
export class SchedulerController {
  constructor(
    private readonly decisions: HandleDecision,
    private readonly fallbacks: HandleFallback,
    private readonly changes: ChangeAppointment,
  ) {}

  @OnFamily('decision')
  async onDecision(@Payload() envelope: Envelope): Promise<void> {
    await this.decisions.execute(envelope);
  }

  @OnFamily('handoff')
  async onHandoff(@Payload() envelope: Envelope): Promise<void> {
    await this.fallbacks.execute(envelope);
  }

  @OnFamily('schedule')
  async onChangeRequest(@Payload() envelope: Envelope): Promise<void> {
    await this.changes.execute(envelope);
  }
}
