// What every agent's root module imports: its bus (JetStream client + transport options), its store,
// crash-safe checkpointed steps over both, its config and its logger.
import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { BUS_CLIENT, BusModule, JetStreamClient, type EventBusOptions } from '@warmline/bus';
import type { WarmlineStore } from '@warmline/store';
import type { AgentConfig } from './agent-config.js';
import { AgentLogger } from './agent-logger.js';
import { openAgentStore } from './agent-store.js';
import { agentMetrics, runAgentShutdown } from './agent-telemetry.js';
import { CheckpointedSteps } from './checkpointed-step.js';
import { EffectPerformer } from './effect-performer.js';
import { AGENT_CONFIG, AGENT_LOGGER, AGENT_METRICS, STEPS, STORE } from './tokens.js';

/** The bus options of an agent: its identity, its user, the scopes of the agent table. */
export function busOptionsOf(config: AgentConfig, logger: AgentLogger): EventBusOptions {
  return {
    servers: [...config.nats.servers],
    agent: config.agent,
    instance: config.instance,
    ...(config.nats.user === undefined ? {} : { user: config.nats.user, pass: config.nats.pass }),
    scopes: config.scopes,
    ...(config.ackWaitMs === undefined ? {} : { ackWaitMs: config.ackWaitMs }),
    ...(config.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: config.shutdownGraceMs }),
    logger,
    observer: agentMetrics(config.agent),
  };
}

/**
 * At the end of shutdown (the transport has stopped consuming): closes the store, then runs the
 * runtime's own shutdown work — the health port, and exporting the spans still buffered.
 */
class RuntimeLifecycle implements OnApplicationShutdown {
  constructor(@Inject(STORE) private readonly store: WarmlineStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await runAgentShutdown();
  }
}

@Module({})
export class AgentRuntimeModule {
  /** Provides AGENT_CONFIG, AGENT_LOGGER, AGENT_METRICS, STORE, STEPS and the bus (BUS_CLIENT). */
  static forRoot(config: AgentConfig, logger: AgentLogger): DynamicModule {
    return {
      module: AgentRuntimeModule,
      global: true,
      imports: [BusModule.forRoot(busOptionsOf(config, logger))],
      providers: [
        { provide: AGENT_CONFIG, useValue: config },
        { provide: AGENT_LOGGER, useValue: logger },
        { provide: AGENT_METRICS, useFactory: () => agentMetrics(config.agent) },
        { provide: STORE, useFactory: () => openAgentStore(config) },
        {
          provide: STEPS,
          useFactory: (store: WarmlineStore, client: JetStreamClient) =>
            new CheckpointedSteps(
              store.checkpoints,
              new EffectPerformer(() => client.connect(), store),
            ),
          inject: [STORE, BUS_CLIENT],
        },
        RuntimeLifecycle,
      ],
      exports: [AGENT_CONFIG, AGENT_LOGGER, AGENT_METRICS, STORE, STEPS],
    };
  }
}
