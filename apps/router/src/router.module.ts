import { Module, type DynamicModule } from '@nestjs/common';
import {
  AGENT_LOGGER,
  AGENT_METRICS,
  AgentRuntimeModule,
  STEPS,
  type AgentConfig,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { GrantVerifier } from '@warmline/authority';
import type { AgentMetrics } from '@warmline/telemetry';
import { AnswerReservation } from './answer-reservation.js';
import { CloserLedgers } from './closer-ledgers.js';
import { CloserRoster } from './closer-roster.js';
import { currentSeats } from './closer-seats.js';
import { FollowCallProgress } from './follow-call-progress.js';
import { HandoffDeadlines } from './handoff-deadlines.js';
import { RouterController } from './router.controller.js';
import { RouterMetrics } from './router-metrics.js';
import type { RouterSettings } from './router-settings.js';
import { TakeDecision } from './take-decision.js';
import { BusTelephony } from './telephony-port.js';
import { GRANT_VERIFIER, ROUTER_SETTINGS, TELEPHONY_PORT } from './tokens.js';
import { TransferDriver } from './transfer-driver.js';
import { TransferLog } from './transfer-log.js';

@Module({})
export class RouterModule {
  static forRoot(
    config: AgentConfig,
    logger: AgentLogger,
    settings: RouterSettings,
  ): DynamicModule {
    return {
      module: RouterModule,
      imports: [AgentRuntimeModule.forRoot(config, logger)],
      controllers: [RouterController],
      providers: [
        { provide: ROUTER_SETTINGS, useValue: settings },
        {
          provide: GRANT_VERIFIER,
          useValue: new GrantVerifier({ trustedIssuerKeys: settings.trustedIssuerKeys }),
        },
        { provide: TELEPHONY_PORT, useValue: new BusTelephony() },
        CloserRoster,
        CloserLedgers,
        {
          provide: RouterMetrics,
          useFactory: (
            metrics: AgentMetrics,
            steps: CheckpointedSteps,
            roster: CloserRoster,
            ledgers: CloserLedgers,
          ) => steps.observe(new RouterMetrics(metrics, () => currentSeats(roster, ledgers))),
          inject: [AGENT_METRICS, STEPS, CloserRoster, CloserLedgers],
        },
        {
          provide: TransferLog,
          useFactory: (logger: AgentLogger, steps: CheckpointedSteps) =>
            steps.observe(new TransferLog(logger)),
          inject: [AGENT_LOGGER, STEPS],
        },
        TransferDriver,
        HandoffDeadlines,
        TakeDecision,
        AnswerReservation,
        FollowCallProgress,
      ],
    };
  }
}
