import { Module, type DynamicModule } from '@nestjs/common';
import {
  AgentRuntimeModule,
  stepMetricsProvider,
  type AgentConfig,
  type AgentLogger,
} from '@warmline/agent-runtime';
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
        stepMetricsProvider(PerceptionMetrics),
        { provide: PERCEPTION_SETTINGS, useValue: settings },
        PerceiveEvent,
        GapTicker,
      ],
    };
  }
}
