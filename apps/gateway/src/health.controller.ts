// Liveness (the process answers) and readiness (bus connected, store answering); no credentials.
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { GatewayResponse } from './gateway-request.js';
import { Readiness } from './readiness.js';
import { PublicRoute } from './route-access.js';

@ApiExcludeController()
@PublicRoute()
@Controller()
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get('healthz')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readinessProbe(@Res() response: GatewayResponse): Promise<void> {
    const report = await this.readiness.check();
    response.statusCode = report.ready ? 200 : 503;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(report));
  }
}
