// GET /v1/handoffs/stream: server-sent events of handoff and reservation events from now on.
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';
import { HandoffStream } from './handoff-stream.js';
import { InteractionIdParam } from './path-params.js';
import { RequiresScope } from './route-access.js';

@ApiTags('reads')
@Controller('v1/handoffs')
export class HandoffStreamController {
  constructor(private readonly stream: HandoffStream) {}

  @Get('stream')
  @RequiresScope('read')
  @ApiQuery({
    name: 'interactionId',
    required: false,
    description: 'Only the events of this interaction (default: all)',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
  })
  @ApiOperation({
    summary: 'Follow handoff events (server-sent events)',
    description:
      'Every HandoffEvent and ReservationEvent published on `handoff` after the stream opened, optionally of one interaction: `event: handoffEvent|reservationEvent`, `id: <eventId>`, `data: <Envelope in the protobuf JSON mapping>`; a `: keep-alive` comment while idle.',
  })
  @ApiOkResponse({
    description: 'An open stream of server-sent events',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async follow(
    @Query('interactionId', { schema: InteractionIdParam.optional() })
    interactionId: string | undefined,
    @Req() request: GatewayRequest,
    @Res() response: GatewayResponse,
  ): Promise<void> {
    await this.stream.open(request, response, interactionId ?? null);
  }
}
