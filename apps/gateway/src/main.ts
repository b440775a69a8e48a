// The gateway: Warmline's HTTP edge. Not a bus consumer: it publishes as NATS user "gateway" and
// reads the store. Logs READY_MESSAGE with the bound port once it listens (WARMLINE_HTTP_PORT=0
// picks a free port); any start-up failure is one JSON line naming the cause, exit code 1.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { AgentLogger, READY_MESSAGE, readAgentConfig } from '@warmline/agent-runtime';
import { createGatewayApp } from './gateway-app.js';
import { readGatewaySettings } from './gateway-settings.js';
import { GatewayModule } from './gateway.module.js';

let logger = new AgentLogger('gateway', process.env['WARMLINE_INSTANCE'] ?? `${process.pid}`);
try {
  const config = readAgentConfig('gateway', process.env);
  const settings = readGatewaySettings(process.env);
  logger = new AgentLogger('gateway', config.instance);
  const app = await createGatewayApp(
    GatewayModule.forRoot(config, logger, settings),
    logger,
    settings,
  );
  await app.listen(settings.http.port, settings.http.host);
  const address = app.getHttpServer().address() as AddressInfo;
  logger.info(READY_MESSAGE, {
    port: address.port,
    host: settings.http.host,
    apiKeys: settings.apiKeys.size,
    twilioSignature: settings.twilio.authToken !== null,
  });
} catch (err) {
  logger.fatal(err instanceof Error ? err : new Error(String(err)), 'start-up');
  process.exitCode = 1;
  setImmediate(() => process.exit(1));
}
