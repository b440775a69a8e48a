// The OpenAPI document without a running gateway: the routes built over inert dependencies.
import { AgentLogger } from '@warmline/agent-runtime';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiKeyRing } from './api-keys.js';
import { createGatewayApp } from './gateway-app.js';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_SSE_KEEPALIVE_MS,
  type GatewaySettings,
} from './gateway-settings.js';
import { GatewayModule } from './gateway.module.js';
import { OpenApiDocument } from './openapi-document.js';
import { readTwilioSettings } from './twilio-settings.js';

/** Builds the document exactly as a running gateway serves it. */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const logger = new AgentLogger('gateway', 'openapi', 'warn');
  const settings: GatewaySettings = {
    http: { port: 0, host: '127.0.0.1', bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES },
    apiKeys: ApiKeyRing.empty(),
    sseKeepAliveMs: DEFAULT_SSE_KEEPALIVE_MS,
    twilio: readTwilioSettings({}),
  };
  const app = await createGatewayApp(GatewayModule.forDocument(settings, logger), logger, settings);
  const document = app.get(OpenApiDocument).get();
  await app.close();
  return document;
}
