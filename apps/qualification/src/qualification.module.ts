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
import { QualificationController } from './qualification.controller.js';
import { QualificationMetrics } from './qualification-metrics.js';
import type { QualificationSettings } from './qualification-settings.js';
import { QualifySignal } from './qualify-signal.js';
import { QUALIFICATION_SETTINGS } from './tokens.js';

@Module({})
export class QualificationModule {
  static forRoot(
    config: AgentConfig,
    logger: AgentLogger,
    settings: QualificationSettings,
  ): DynamicModule {
    return {
      module: QualificationModule,
      imports: [AgentRuntimeModule.forRoot(config, logger)],
      controllers: [QualificationController],
      providers: [
        {
          provide: QualificationMetrics,
          useFactory: (metrics: AgentMetrics, steps: CheckpointedSteps) =>
            steps.observe(new QualificationMetrics(metrics)),
          inject: [AGENT_METRICS, STEPS],
        },
        { provide: QUALIFICATION_SETTINGS, useValue: settings },
        QualifySignal,
      ],
    };
  }
}
