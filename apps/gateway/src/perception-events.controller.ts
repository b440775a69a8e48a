// Perception events from any voice stack, in the protobuf JSON mapping.
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import type { AcceptedEvent } from './accepted-event.js';
import { sourceOf, type GatewayRequest } from './gateway-request.js';
import { InteractionIdParam } from './path-params.js';
import { eventsBodySchema, MAX_BATCH_EVENTS } from './perception-event.schema.js';
import { PublishPerceptionEvents, type PerceptionEventsBody } from './publish-perception-events.js';
import { AcceptedBatchSchema, AcceptedEventSchema, ErrorBodySchema } from './response-schemas.js';
import { RequiresScope } from './route-access.js';

@ApiTags('perception')
@Controller('v1/interactions/:interactionId/events')
export class PerceptionEventsController {
  constructor(private readonly publishEvents: PublishPerceptionEvents) {}

  @Post()
  @HttpCode(202)
  @RequiresScope('events')
  @ApiOperation({
    summary: 'Send one perception event, or a batch of up to 100',
    description:
      'Each event is checked with the rules perception applies; a batch is checked whole before any event is published, then published in order. Answered 202 only after JetStream stored every event. Enums take their full name (SPEAKER_BUYER) or the short form (BUYER). A repeated eventId is a duplicate, not an error.',
  })
  @ApiAcceptedResponse({
    description: 'Stored: one acknowledgement, or `accepted` for a batch',
    standardSchema: z.union([AcceptedEventSchema, AcceptedBatchSchema]),
  })
  @ApiBadRequestResponse({
    description: 'A field breaks a rule; `field` names it',
    standardSchema: ErrorBodySchema,
  })
  @ApiPayloadTooLargeResponse({
    description: 'The body is too large',
    standardSchema: ErrorBodySchema,
  })
  @ApiServiceUnavailableResponse({
    description: 'The bus did not acknowledge; retry',
    standardSchema: ErrorBodySchema,
  })
  async publish(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
    @Body({ schema: eventsBodySchema(MAX_BATCH_EVENTS) }) body: PerceptionEventsBody,
    @Req() request: GatewayRequest,
  ): Promise<AcceptedEvent | { accepted: AcceptedEvent[] }> {
    const accepted = await this.publishEvents.execute(interactionId, body, sourceOf(request));
    return 'events' in body ? { accepted } : (accepted[0] as AcceptedEvent);
  }
}
