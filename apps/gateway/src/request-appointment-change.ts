// POST …/appointments/{appointmentId}/reschedule | /cancel: an AppointmentChangeRequest on `schedule`.
import { Inject, Injectable } from '@nestjs/common';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import { publishOne, type AcceptedEvent } from './accepted-event.js';
import { appointmentChangeEnvelope, type AppointmentChange } from './appointment-change.js';

@Injectable()
export class RequestAppointmentChange {
  constructor(@Inject(BUS_CLIENT) private readonly client: JetStreamClient) {}

  async execute(
    interactionId: string,
    appointmentId: string,
    change: AppointmentChange,
    source: string,
  ): Promise<AcceptedEvent> {
    const envelope = appointmentChangeEnvelope(appointmentId, change, source);
    const bus = await this.client.connect();
    return publishOne(() => bus.publish('schedule', interactionId, envelope));
  }
}
