// Moving or cancelling a booked appointment (desk, CRM).
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AcceptedEvent } from './accepted-event.js';
import {
  CancelSchema,
  RescheduleSchema,
  type CancelJson,
  type RescheduleJson,
} from './appointment-change.js';
import { sourceOf, type GatewayRequest } from './gateway-request.js';
import { AppointmentIdParam, InteractionIdParam } from './path-params.js';
import { RequestAppointmentChange } from './request-appointment-change.js';
import { PublishedResponses } from './published-docs.js';
import { RequiresScope } from './route-access.js';

@ApiTags('desk')
@Controller('v1/interactions/:interactionId/appointments/:appointmentId')
export class AppointmentsController {
  constructor(private readonly requestChange: RequestAppointmentChange) {}

  @Post('reschedule')
  @HttpCode(202)
  @RequiresScope('desk')
  @ApiOperation({
    summary: 'Move an appointment into a new consented window',
    description:
      'Published as an AppointmentChangeRequest on `schedule`; the scheduler answers on `appointment`.',
  })
  @PublishedResponses('A field is invalid; `field` names it')
  reschedule(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
    @Param('appointmentId', { schema: AppointmentIdParam }) appointmentId: string,
    @Body({ schema: RescheduleSchema }) json: RescheduleJson,
    @Req() request: GatewayRequest,
  ): Promise<AcceptedEvent> {
    return this.requestChange.execute(
      interactionId,
      appointmentId,
      { kind: 'reschedule', json },
      sourceOf(request),
    );
  }

  @Post('cancel')
  @HttpCode(202)
  @RequiresScope('desk')
  @ApiOperation({
    summary: 'Cancel an appointment',
    description: 'Published as an AppointmentChangeRequest on `schedule`.',
  })
  @PublishedResponses('A field is invalid; `field` names it')
  cancel(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
    @Param('appointmentId', { schema: AppointmentIdParam }) appointmentId: string,
    @Body({ schema: CancelSchema }) json: CancelJson,
    @Req() request: GatewayRequest,
  ): Promise<AcceptedEvent> {
    return this.requestChange.execute(
      interactionId,
      appointmentId,
      { kind: 'cancel', json },
      sourceOf(request),
    );
  }
}
