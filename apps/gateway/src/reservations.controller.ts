// A closer desk accepting or declining a PENDING reservation.
import { applyDecorators, Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AcceptedEvent } from './accepted-event.js';
import { AnswerReservation } from './answer-reservation.js';
import { sourceOf, type GatewayRequest } from './gateway-request.js';
import { InteractionIdParam, ReservationIdParam } from './path-params.js';
import {
  ReservationAnswerSchema,
  type ReservationAnswerJson,
  type ReservationAnswerKind,
} from './reservation-answer.js';
import { AcceptedEventSchema, ErrorBodySchema } from './response-schemas.js';
import { RequiresScope } from './route-access.js';

function AnswerDocs(answer: ReservationAnswerKind): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: `${answer === 'accept' ? 'Accept' : 'Decline'} a reservation`,
      description:
        'Published as a ReservationResponse on the interaction; the router checks the closer is the one reserved. The same answer again is a duplicate; the opposite answer after it is a 409.',
    }),
    ApiAcceptedResponse({ description: 'Stored', standardSchema: AcceptedEventSchema }),
    ApiBadRequestResponse({ description: 'Invalid id or body', standardSchema: ErrorBodySchema }),
    ApiConflictResponse({
      description: 'The reservation was already answered otherwise',
      standardSchema: ErrorBodySchema,
    }),
    ApiServiceUnavailableResponse({
      description: 'Bus or store unreachable; retry',
      standardSchema: ErrorBodySchema,
    }),
  );
}

@ApiTags('desk')
@Controller('v1/interactions/:interactionId/reservations/:reservationId')
export class ReservationsController {
  constructor(private readonly answerReservation: AnswerReservation) {}

  @Post('accept')
  @HttpCode(202)
  @RequiresScope('desk')
  @AnswerDocs('accept')
  accept(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
    @Param('reservationId', { schema: ReservationIdParam }) reservationId: string,
    @Body({ schema: ReservationAnswerSchema }) json: ReservationAnswerJson,
    @Req() request: GatewayRequest,
  ): Promise<AcceptedEvent> {
    return this.answerReservation.execute(
      interactionId,
      reservationId,
      'accept',
      json,
      sourceOf(request),
    );
  }

  @Post('decline')
  @HttpCode(202)
  @RequiresScope('desk')
  @AnswerDocs('decline')
  decline(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
    @Param('reservationId', { schema: ReservationIdParam }) reservationId: string,
    @Body({ schema: ReservationAnswerSchema }) json: ReservationAnswerJson,
    @Req() request: GatewayRequest,
  ): Promise<AcceptedEvent> {
    return this.answerReservation.execute(
      interactionId,
      reservationId,
      'decline',
      json,
      sourceOf(request),
    );
  }
}
