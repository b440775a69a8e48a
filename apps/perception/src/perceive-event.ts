// The use case behind the perception handler: one perception event in, its signals out, crash-safe.
import { Inject, Injectable } from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { PermanentHandlerError } from '@warmline/bus';
import type { warmline } from '@warmline/contracts';
import { isPerceptionError, type PerceptionState } from '@warmline/signals';
import { GapTicker } from './gap-ticker.js';
import { perceiveStep, perceptionKey, type PerceptionStepResult } from './perception-step.js';
import type { PerceptionSettings } from './perception-settings.js';
import { PERCEPTION_SETTINGS } from './tokens.js';

@Injectable()
export class PerceiveEvent {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(PERCEPTION_SETTINGS) private readonly settings: PerceptionSettings,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly ticker: GapTicker,
  ) {}

  /**
   * Orders, de-duplicates and scores one event and publishes the signals it releases. Invalid input
   * is refused as a permanent VALIDATION_FAILED (dead letter, never retried, state untouched).
   */
  async execute(envelope: warmline.v1.Envelope): Promise<PerceptionStepResult> {
    const interactionId = envelope.interactionId;
    let result: PerceptionStepResult | null;
    try {
      result = await this.steps.run<PerceptionState, PerceptionStepResult>(
        perceptionKey(interactionId),
        (current) => perceiveStep(current, envelope, Date.now(), this.settings),
      );
    } catch (err) {
      if (!isPerceptionError(err)) throw err;
      throw new PermanentHandlerError(err.message, {
        reason: 'VALIDATION_FAILED',
        errorCode: err.code,
        cause: err,
      });
    }
    const outcome = result ?? { nextTickAtMs: null, duplicate: false, signals: 0 };
    if (outcome.duplicate) {
      this.logger.debug({ msg: 'duplicate perception event dropped', eventId: envelope.eventId });
    }
    // The timer follows the stored state, which a gap tick may have moved on since this step.
    await this.ticker.refresh(interactionId);
    return outcome;
  }
}
