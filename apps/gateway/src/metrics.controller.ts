// GET /metrics: the gateway's Prometheus registry (its HTTP series, the bus publisher's and process
// metrics), like every agent's health server; no credentials, not part of the public API document.
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AGENT_METRICS, type agentMetrics } from '@warmline/agent-runtime';
import type { GatewayResponse } from './gateway-request.js';
import { PublicRoute } from './route-access.js';

@ApiExcludeController()
@PublicRoute()
@Controller()
export class MetricsController {
  constructor(@Inject(AGENT_METRICS) private readonly metrics: ReturnType<typeof agentMetrics>) {}

  @Get('metrics')
  async scrape(@Res() response: GatewayResponse): Promise<void> {
    const text = await this.metrics.scrape();
    response.statusCode = 200;
    response.setHeader('Content-Type', this.metrics.contentType);
    response.end(text);
  }
}
