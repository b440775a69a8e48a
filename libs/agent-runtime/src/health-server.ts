// The agent's operational HTTP endpoints: liveness, readiness (the bus connection and every partition
// consumer running) and Prometheus metrics. Off unless WARMLINE_HTTP_PORT is set.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentMetrics } from '@warmline/telemetry';

/** What readiness is computed from (JetStreamServer.health()). */
export interface HealthSource {
  health(): { connected: boolean; consumersRunning: number; consumersExpected: number };
}

/** A running health server. */
export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves /healthz, /readyz and /metrics on `port` (0 picks a free one). */
export async function startHealthServer(
  port: number,
  host: string,
  source: HealthSource,
  metrics: AgentMetrics,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
    } else if (path === '/healthz') {
      json(res, 200, { status: 'alive' });
    } else if (path === '/readyz') {
      const health = source.health();
      const ready = health.connected && health.consumersRunning === health.consumersExpected;
      json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...health });
    } else if (path === '/metrics') {
      metrics.scrape().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (err: unknown) => json(res, 500, { error: String(err) }),
      );
    } else {
      json(res, 404, { error: `no route ${path}; try /healthz, /readyz or /metrics` });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function json(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
