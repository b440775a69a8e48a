import { Module, type DynamicModule } from '@nestjs/common';
import {
  AgentRuntimeModule,
  stepMetricsProvider,
  type AgentConfig,
  type AgentLogger,
} from '@warmline/agent-runtime';
import { GrantSigner } from '@warmline/authority';
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
        stepMetricsProvider(GovernorMetrics),
        CloserPresence,
        TeamCapacity,
        GrantWatch,
        DecideOnIntent,
        RecordExecution,
      ],
    };
  }
}
