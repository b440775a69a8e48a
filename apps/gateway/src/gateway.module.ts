import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import {
  AGENT_CONFIG,
  AGENT_LOGGER,
  AGENT_METRICS,
  AgentRuntimeModule,
  agentMetrics,
  STORE,
  type AgentConfig,
  type AgentLogger,
} from '@warmline/agent-runtime';
import { BUS_CLIENT } from '@warmline/bus';
import { AnswerReservation } from './answer-reservation.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { AppointmentsController } from './appointments.controller.js';
import { CloserPresenceController } from './closer-presence.controller.js';
import type { GatewaySettings } from './gateway-settings.js';
import { HandoffFeed } from './handoff-feed.js';
import { HandoffStream } from './handoff-stream.js';
import { HandoffStreamController } from './handoff-stream.controller.js';
import { HealthController } from './health.controller.js';
import { InteractionReads } from './interaction-reads.js';
import { InteractionsController } from './interactions.controller.js';
import { MetricsController } from './metrics.controller.js';
import { OpenApiDocument } from './openapi-document.js';
import { OpenApiController } from './openapi.controller.js';
import { PerceptionEventsController } from './perception-events.controller.js';
import { PublishPerceptionEvents } from './publish-perception-events.js';
import { Readiness } from './readiness.js';
import { RecordTwilioCallback } from './record-twilio-callback.js';
import { ReportCloserPresence } from './report-closer-presence.js';
import { RequestAppointmentChange } from './request-appointment-change.js';
import { ReservationsController } from './reservations.controller.js';
import { SchemaValidationPipe } from './schema-validation.pipe.js';
import { GATEWAY_SETTINGS } from './tokens.js';
import { TwilioController } from './twilio.controller.js';

const CONTROLLERS: Type[] = [
  PerceptionEventsController,
  TwilioController,
  CloserPresenceController,
  ReservationsController,
  AppointmentsController,
  InteractionsController,
  HandoffStreamController,
  OpenApiController,
  HealthController,
  MetricsController,
];

const USE_CASES: Provider[] = [
  PublishPerceptionEvents,
  RecordTwilioCallback,
  ReportCloserPresence,
  AnswerReservation,
  RequestAppointmentChange,
  InteractionReads,
  HandoffFeed,
  HandoffStream,
  Readiness,
  OpenApiDocument,
];

@Module({})
export class GatewayModule {
  /** The running gateway: bus, store and logger from the agent runtime, every route guarded. */
  static forRoot(
    config: AgentConfig,
    logger: AgentLogger,
    settings: GatewaySettings,
  ): DynamicModule {
    return {
      module: GatewayModule,
      imports: [AgentRuntimeModule.forRoot(config, logger)],
      controllers: CONTROLLERS,
      providers: [
        ...USE_CASES,
        { provide: GATEWAY_SETTINGS, useValue: settings },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_PIPE, useClass: SchemaValidationPipe },
      ],
    };
  }

  /**
   * The same routes with nothing behind them, only to generate the OpenAPI document (no bus, no
   * store, no network): its runtime tokens hold inert values that nothing calls.
   */
  static forDocument(settings: GatewaySettings, logger: AgentLogger): DynamicModule {
    const inert = (token: symbol): Provider => ({ provide: token, useValue: {} });
    return {
      module: GatewayModule,
      controllers: CONTROLLERS,
      providers: [
        ...USE_CASES,
        { provide: GATEWAY_SETTINGS, useValue: settings },
        { provide: AGENT_LOGGER, useValue: logger },
        { provide: AGENT_METRICS, useFactory: () => agentMetrics('gateway') },
        inert(AGENT_CONFIG),
        inert(STORE),
        inert(BUS_CLIENT),
      ],
    };
  }
}
