import { Module, type DynamicModule } from '@nestjs/common';
import {
  AgentRuntimeModule,
  stepMetricsProvider,
  type AgentConfig,
  type AgentLogger,
} from '@warmline/agent-runtime';
import { GrantVerifier } from '@warmline/authority';
import { BookAppointment } from './book-appointment.js';
import { ChangeAppointment } from './change-appointment.js';
import { CloserDirectory } from './closer-directory.js';
import { GrantGate } from './grant-gate.js';
import { HandleDecision } from './handle-decision.js';
import { HandleFallback } from './handle-fallback.js';
import { SchedulerController } from './scheduler.controller.js';
import { SchedulerMetrics } from './scheduler-metrics.js';
import type { SchedulerSettings } from './scheduler-settings.js';
import { GRANT_VERIFIER, SCHEDULER_SETTINGS } from './tokens.js';

@Module({})
export class SchedulerModule {
  static forRoot(
    config: AgentConfig,
    logger: AgentLogger,
    settings: SchedulerSettings,
  ): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [AgentRuntimeModule.forRoot(config, logger)],
      controllers: [SchedulerController],
      providers: [
        { provide: SCHEDULER_SETTINGS, useValue: settings },
        {
          provide: GRANT_VERIFIER,
          useValue: new GrantVerifier({ trustedIssuerKeys: settings.trustedIssuerKeys }),
        },
        stepMetricsProvider(SchedulerMetrics),
        CloserDirectory,
        GrantGate,
        BookAppointment,
        HandleDecision,
        HandleFallback,
        ChangeAppointment,
      ],
    };
  }
}
