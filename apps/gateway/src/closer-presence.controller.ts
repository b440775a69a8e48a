// Closer presence from a desk or softphone.
import { Body, Controller, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AcceptedEvent } from './accepted-event.js';
import { CloserPresenceSchema, type CloserPresenceJson } from './closer-presence.js';
import { sourceOf, type GatewayRequest } from './gateway-request.js';
import { CloserIdParam } from './path-params.js';
import { ReportCloserPresence } from './report-closer-presence.js';
import { PublishedResponses } from './published-docs.js';
import { RequiresScope } from './route-access.js';

@ApiTags('desk')
@Controller('v1/closers/:closerId')
export class CloserPresenceController {
  constructor(private readonly reportPresence: ReportCloserPresence) {}

  @Put('presence')
  @HttpCode(202)
  @RequiresScope('desk')
  @ApiOperation({
    summary: "Report a closer's presence",
    description:
      "Validated with the roster's rules and published on wl.closer.<closerId>; the latest report per closer is what routing sees. A resent identical report is a duplicate.",
  })
  @PublishedResponses('A field breaks a rule; `field` names it')
  async report(
    @Param('closerId', { schema: CloserIdParam }) closerId: string,
    @Body({ schema: CloserPresenceSchema }) json: CloserPresenceJson,
    @Req() request: GatewayRequest,
  ): Promise<AcceptedEvent> {
    return this.reportPresence.execute(closerId, json, sourceOf(request));
  }
}
