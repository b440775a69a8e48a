import { AgentMetrics } from '@warmline/telemetry';
import { startHealthServer } from './health-server.js';

describe('startHealthServer', () => {
  it('answers liveness, readiness from the bus state, and Prometheus metrics', async () => {
    let state = { connected: true, consumersRunning: 16, consumersExpected: 32 };
    const metrics = new AgentMetrics('qualification');
    metrics.onSettled({ family: 'signal', action: 'ack', durationMs: 2, partition: 1, pending: 0 });
    const server = await startHealthServer(0, '127.0.0.1', { health: () => state }, metrics);
    const base = `http://127.0.0.1:${server.port}`;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const notReady = await fetch(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ status: 'not ready', consumersRunning: 16 });
      state = { ...state, consumersRunning: 32 };
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      state = { ...state, connected: false };
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toContain('warmline_messages_settled_total{family="signal",action="ack"');
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
