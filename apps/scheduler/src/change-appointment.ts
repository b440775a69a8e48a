// The use case behind the schedule handler: one AppointmentChangeRequest moves or cancels a booked
// appointment, once per request id, on the calendar checkpoint.
import { Inject, Injectable } from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import type { warmline } from '@warmline/contracts';
import { CALENDAR_KEY, type SchedulerCalendar } from './calendar-state.js';
import { changeRequestOf } from './change-request.js';
import { changeStep, type ChangeResult } from './change-step.js';
import { CloserDirectory } from './closer-directory.js';
import { ChangeRequestInvalidError } from './errors.js';
import type { SchedulerSettings } from './scheduler-settings.js';
import { SCHEDULER_SETTINGS } from './tokens.js';
import { validationFailure } from './validation-failure.js';

@Injectable()
export class ChangeAppointment {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly directory: CloserDirectory,
  ) {}

  /** Performs the change request; null when it was performed before. Bad requests are dead-lettered. */
  async execute(envelope: warmline.v1.IEnvelope): Promise<ChangeResult | null> {
    const interactionId = envelope.interactionId ?? '';
    let result: ChangeResult | null;
    try {
      const message = envelope.appointmentChangeRequest;
      if (!message) throw new ChangeRequestInvalidError('body', 'no appointment_change_request');
      const input = {
        context: {
          interactionId,
          causationId: envelope.eventId ?? '',
          nowMs: Date.now(),
          intentVersion: 0,
          grant: null,
        },
        request: changeRequestOf(message),
        closers: this.directory.closers(),
      };
      result = await this.steps.run(CALENDAR_KEY, (current: SchedulerCalendar | null) =>
        changeStep(current, input, this.settings),
      );
    } catch (err) {
      throw validationFailure(err) ?? err;
    }
    this.logger.info(result ? `appointment ${result.kind}` : 'change request performed before', {
      interactionId,
      ...(result ?? {}),
    });
    return result;
  }
}
