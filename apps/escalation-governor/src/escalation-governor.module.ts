import { Module, type DynamicModule } from '@nestjs/common';
import {
  AGENT_METRICS,
  AgentRuntimeModule,
  STEPS,
  type AgentConfig,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { GrantSigner } from '@warmline/authority';
import type { AgentMetrics } from '@warmline/telemetry';
import { CloserPresence } from './closer-presence.js';
import { DecideOnIntent } from './decide-on-intent.js';
import { GovernorController } from './governor.controller.js';
import { GovernorMetrics } from './governor-metrics.js';
import type { GovernorSettings } from './governor-settings.js';
import { GrantWatch } from './grant-watch.js';
import { RecordExecution } from './record-execution.js';
import { TeamCapacity } from './team-capacity.js';
import { GOVERNOR_SETTINGS, GRANT_SIGNER } from './tokens.js';

@Module({})
export class EscalationGovernorModule {
  static forRoot(
    config: AgentConfig,
    logger: AgentLogger,
    settings: GovernorSettings,
  ): DynamicModule {
    return {
      module: EscalationGovernorModule,
      imports: [AgentRuntimeModule.forRoot(config, logger)],
      controllers: [GovernorController],
      providers: [
        { provide: GOVERNOR_SETTINGS, useValue: settings },
        { provide: GRANT_SIGNER, useValue: new GrantSigner({ signingKey: settings.signingKey }) },
        {
          provide: GovernorMetrics,
          useFactory: (metrics: AgentMetrics, steps: CheckpointedSteps) =>
            steps.observe(new GovernorMetrics(metrics)),
          inject: [AGENT_METRICS, STEPS],
        },
        CloserPresence,
        TeamCapacity,
        GrantWatch,
        DecideOnIntent,
        RecordExecution,
      ],
    };
  }
}
