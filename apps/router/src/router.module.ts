import { Module, type DynamicModule } from '@nestjs/common';
import { AgentRuntimeModule, type AgentConfig, type AgentLogger } from '@warmline/agent-runtime';
import { GrantVerifier } from '@warmline/authority';
import { AnswerReservation } from './answer-reservation.js';
import { CloserLedgers } from './closer-ledgers.js';
import { CloserRoster } from './closer-roster.js';
import { FollowCallProgress } from './follow-call-progress.js';
import { HandoffDeadlines } from './handoff-deadlines.js';
import { RouterController } from './router.controller.js';
import type { RouterSettings } from './router-settings.js';
import { TakeDecision } from './take-decision.js';
import { BusTelephony } from './telephony-port.js';
import { GRANT_VERIFIER, ROUTER_SETTINGS, TELEPHONY_PORT } from './tokens.js';
import { TransferDriver } from './transfer-driver.js';

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
        TransferDriver,
        HandoffDeadlines,
        TakeDecision,
        AnswerReservation,
        FollowCallProgress,
      ],
    };
  }
}
