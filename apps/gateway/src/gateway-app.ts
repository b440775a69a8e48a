// Builds the gateway's Nest HTTP application (Express): body parsers with the configured limit
// (form bodies parsed flat, as Twilio posts them), the request log, the error format, shutdown hooks
// and the OpenAPI document built from the routes.
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AGENT_METRICS, type AgentLogger, type agentMetrics } from '@warmline/agent-runtime';
import { ErrorResponseFilter } from './error-response.filter.js';
import type { GatewaySettings } from './gateway-settings.js';
import { buildOpenApiDocument, OpenApiDocument } from './openapi-document.js';
import { HttpMetrics } from './http-metrics.js';
import { requestLog } from './request-log.js';

/** Creates (does not start) the application of `rootModule`. */
export async function createGatewayApp(
  rootModule: DynamicModule,
  logger: AgentLogger,
  settings: GatewaySettings,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger,
    bufferLogs: false,
    bodyParser: false,
    // Open SSE streams must not hold a shutdown up.
    forceCloseConnections: true,
  });
  app.disable('x-powered-by');
  const metrics = app.get<ReturnType<typeof agentMetrics>>(AGENT_METRICS);
  app.use(requestLog(logger, HttpMetrics.of(metrics)));
  app.useBodyParser('json', { limit: settings.http.bodyLimitBytes });
  app.useBodyParser('urlencoded', { extended: false, limit: settings.http.bodyLimitBytes });
  // Registered after the bus module's filter, so it is consulted first for HTTP errors.
  app.useGlobalFilters(new ErrorResponseFilter(logger));
  // Exit 0 once closed (instead of re-raising the signal), so a clean stop is visible as such.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  app.get(OpenApiDocument).set(buildOpenApiDocument(app));
  return app;
}
