// The use case behind the qualification handler: one signal in, at most one new intent version out.
import { Inject, Injectable } from '@nestjs/common';
import { STEPS, type CheckpointedSteps } from '@warmline/agent-runtime';
import { PermanentHandlerError } from '@warmline/bus';
import type { Envelope } from '@warmline/contracts';
import { isIntentError, signalEventFromEnvelope } from '@warmline/intent';
import { ATTR, annotate } from '@warmline/telemetry';
import {
  qualificationKey,
  qualifyStep,
  type QualificationCheckpoint,
  type QualificationStepResult,
} from './qualification-step.js';
import type { QualificationSettings } from './qualification-settings.js';
import { QUALIFICATION_SETTINGS } from './tokens.js';

@Injectable()
export class QualifySignal {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(QUALIFICATION_SETTINGS) private readonly settings: QualificationSettings,
  ) {}

  /** Applies the signal; an invalid one is dead-lettered (VALIDATION_FAILED) and changes nothing. */
  async execute(envelope: Envelope): Promise<QualificationStepResult> {
    try {
      const event = signalEventFromEnvelope(envelope);
      const result = await this.steps.run<QualificationCheckpoint, QualificationStepResult>(
        qualificationKey(envelope.interactionId),
        (current) => qualifyStep(current, event, envelope.eventId, this.settings),
      );
      if (result?.version) annotate({ [ATTR.intentVersion]: result.version });
      return result ?? { version: null };
    } catch (err) {
      if (!isIntentError(err)) throw err;
      throw new PermanentHandlerError(err.message, {
        reason: 'VALIDATION_FAILED',
        errorCode: err.code,
        cause: err,
      });
    }
  }
}
