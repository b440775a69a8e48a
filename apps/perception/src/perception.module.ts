import { Module, type DynamicModule } from '@nestjs/common';
import {
  AGENT_METRICS,
  AgentRuntimeModule,
  STEPS,
  type AgentConfig,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import type { AgentMetrics } from '@warmline/telemetry';
import { GapTicker } from './gap-ticker.js';
import { PerceiveEvent } from './perceive-event.js';
import { PerceptionController } from './perception.controller.js';
import { PerceptionMetrics } from './perception-metrics.js';
import type { PerceptionSettings } from './perception-settings.js';
import { PERCEPTION_SETTINGS } from './tokens.js';

@Module({})
export class PerceptionModule {
  static forRoot(
    config: AgentConfig,
    logger: AgentLogger,
    settings: PerceptionSettings,
  ): DynamicModule {
    return {
      module: PerceptionModule,
      imports: [AgentRuntimeModule.forRoot(config, logger)],
      controllers: [PerceptionController],
      providers: [
        {
          provide: PerceptionMetrics,
          useFactory: (metrics: AgentMetrics, steps: CheckpointedSteps) =>
            steps.observe(new PerceptionMetrics(metrics)),
          inject: [AGENT_METRICS, STEPS],
        },
        { provide: PERCEPTION_SETTINGS, useValue: settings },
        PerceiveEvent,
        GapTicker,
      ],
    };
  }
}
