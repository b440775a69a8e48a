// The use case behind the handoff and appointment handlers: the router's and the scheduler's reports
// about a grant move the interaction's lifecycle (transferring, connected, scheduled, back to the AI)
// and free the team's pending transfer.
import { Inject, Injectable } from '@nestjs/common';
import { STEPS, type CheckpointedSteps } from '@warmline/agent-runtime';
import type { warmline } from '@warmline/contracts';
import { executionReportOf } from './execution-report.js';
import { executionStep, type ExecutionRecorded } from './execution-step.js';
import { interactionKey, type GovernedInteraction } from './governed-interaction.js';
import type { GovernorSettings } from './governor-settings.js';
import { GrantWatch } from './grant-watch.js';
import { refusingPermanentFailures } from './refusal.js';
import { TeamCapacity } from './team-capacity.js';
import { GOVERNOR_SETTINGS } from './tokens.js';

@Injectable()
export class RecordExecution {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(GOVERNOR_SETTINGS) private readonly settings: GovernorSettings,
    private readonly teams: TeamCapacity,
    private readonly watch: GrantWatch,
  ) {}

  /**
   * Records what a HandoffEvent or AppointmentEvent says about the grant in force; null when it says
   * nothing new (another body, a repeat, a grant no longer in force).
   */
  async execute(envelope: warmline.v1.Envelope): Promise<ExecutionRecorded | null> {
    const report = executionReportOf(envelope);
    if (report === null) return null;
    const interval = this.settings.grantCheckIntervalMs;
    const nowMs = Date.now();
    const recorded = await refusingPermanentFailures(() =>
      this.steps.run<GovernedInteraction, ExecutionRecorded>(
        interactionKey(envelope.interactionId),
        (current) => executionStep(current, report, nowMs, interval),
      ),
    );
    if (recorded === null) return null;
    await this.teams.release(recorded.released);
    await this.watch.schedule(envelope.interactionId, recorded.checkAtMs);
    return recorded;
  }
}
