// Starts an agent as a NestJS microservice on the JetStream transport and keeps it running until
// SIGTERM/SIGINT, when it stops consuming, lets handlers in flight finish, drains and exits.
import 'reflect-metadata';
import type { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { JetStreamServer } from '@warmline/bus';
import type { AgentName } from '@warmline/contracts';
import { readAgentConfig, type AgentConfig } from './agent-config.js';
import { AgentLogger } from './agent-logger.js';
import { describeStore } from './agent-store.js';
import { busOptionsOf } from './agent-runtime.module.js';
import { agentMetrics, agentTelemetry, onAgentShutdown } from './agent-telemetry.js';
import { startHealthServer } from './health-server.js';

/** The line an agent prints once it consumes: the local stack and tests wait for it. */
export const READY_MESSAGE = 'agent ready';

/** Creates, starts and returns the agent; logs READY_MESSAGE when its consumers run. */
export async function runAgent(
  rootModule: Type | DynamicModule,
  config: AgentConfig,
  logger: AgentLogger,
): Promise<INestMicroservice> {
  const server = new JetStreamServer(busOptionsOf(config, logger));
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(rootModule, {
    strategy: server,
    logger,
    bufferLogs: false,
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen();
  const http =
    config.httpPort === undefined
      ? null
      : await startHealthServer(
          config.httpPort,
          config.httpHost,
          server,
          agentMetrics(config.agent),
        );
  if (http) onAgentShutdown(() => http.close());
  logger.info(READY_MESSAGE, {
    consumers: server.health().consumersRunning,
    ...(http ? { httpPort: http.port } : {}),
    telemetry: agentTelemetry(config.agent, config.instance, process.env).description,
    store: describeStore(config.store),
  });
  return app;
}

/**
 * The whole `main.ts` of an agent: reads its config, builds its root module (where its own settings
 * are read), runs it; any start-up failure is logged as one JSON line naming the cause, exit code 1.
 */
export async function startAgent(
  agent: AgentName,
  env: NodeJS.ProcessEnv,
  rootModule: (config: AgentConfig, logger: AgentLogger) => Type | DynamicModule,
): Promise<INestMicroservice | null> {
  let logger = new AgentLogger(agent, env['WARMLINE_INSTANCE'] ?? `${process.pid}`);
  try {
    const config = readAgentConfig(agent, env);
    logger = new AgentLogger(agent, config.instance);
    // Before anything connects: spans of the first messages must already have a provider.
    agentTelemetry(agent, config.instance, env);
    return await runAgent(rootModule(config, logger), config, logger);
  } catch (err) {
    logger.fatal(err instanceof Error ? err : new Error(String(err)), 'start-up');
    process.exitCode = 1;
    setImmediate(() => process.exit(1));
    return null;
  }
}
