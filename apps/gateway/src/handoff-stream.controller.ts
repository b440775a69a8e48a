// GET /v1/handoffs/stream: server-sent events of handoff and reservation events from now on, or
// from just after the last one a reconnecting client saw.
import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';
import { HandoffStream, resumeAfter } from './handoff-stream.js';
import { InteractionIdParam } from './path-params.js';
import { ErrorBodySchema } from './response-schemas.js';
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
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description:
      'Resume just after this event id (a stream sequence a previous stream sent); the `Last-Event-ID` header wins when both are given',
    schema: { type: 'string', pattern: '^[0-9]{1,16}$' },
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description:
      'Resume just after this event id, as an EventSource sends it when it reconnects: every retained event after it is replayed, then the stream goes on live',
  })
  @ApiOperation({
    summary: 'Follow handoff events (server-sent events)',
    description:
      'Every HandoffEvent and ReservationEvent published on `handoff` after the stream opened (or after `Last-Event-ID`), optionally of one interaction: `event: handoffEvent|reservationEvent`, `id: <sequence in the handoff stream>`, `data: <Envelope in the protobuf JSON mapping>`; a `: keep-alive` comment while idle. A resumed stream whose events are no longer all retained starts with `event: gap`, `data: {"reason":"RETENTION|STREAM_RESET","afterSequence":…,"resumedAtSequence":…}`.',
  })
  @ApiOkResponse({
    description: 'An open stream of server-sent events',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({
    description: '`Last-Event-ID` or `lastEventId` is not a stream sequence; `field` names it',
    standardSchema: ErrorBodySchema,
  })
  async follow(
    @Query('interactionId', { schema: InteractionIdParam.optional() })
    interactionId: string | undefined,
    @Query('lastEventId') lastEventId: unknown,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() request: GatewayRequest,
    @Res() response: GatewayResponse,
  ): Promise<void> {
    const after = resumeAfter(lastEventIdHeader, lastEventId);
    await this.stream.open(request, response, interactionId ?? null, after);
  }
}
