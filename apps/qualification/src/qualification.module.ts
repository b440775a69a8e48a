import { Module, type DynamicModule } from '@nestjs/common';
import {
  AgentRuntimeModule,
  stepMetricsProvider,
  type AgentConfig,
  type AgentLogger,
} from '@warmline/agent-runtime';
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
        stepMetricsProvider(QualificationMetrics),
        { provide: QUALIFICATION_SETTINGS, useValue: settings },
        QualifySignal,
      ],
    };
  }
}
