// Twilio call status and answering-machine detection callbacks (form-encoded), as perception events.
import { Body, Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { sourceOf, type GatewayRequest } from './gateway-request.js';
import { InteractionIdParam } from './path-params.js';
import { RecordTwilioCallback, type AcceptedTwilioEvent } from './record-twilio-callback.js';
import { ErrorBodySchema, TwilioAcceptedSchema } from './response-schemas.js';
import { RequiresScope } from './route-access.js';
import {
  TwilioCallbackQuerySchema,
  TwilioCallbackSchema,
  type TwilioCallbackForm,
  type TwilioCallbackQuery,
} from './twilio-callback.schema.js';

@ApiTags('twilio')
@Controller('v1/twilio/:interactionId')
export class TwilioController {
  constructor(private readonly recordCallback: RecordTwilioCallback) {}

  @Post('status')
  @HttpCode(200)
  @RequiresScope('twilio', { twilioSignature: true })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary: 'Twilio StatusCallback / AsyncAmdStatusCallback',
    description:
      'Maps CallStatus and AnsweredBy onto CallStarted (opening statuses, when campaignId is in the query), CallAnswered (in-progress), AnsweringMachineResult (AnsweredBy) and HangUp (completed, busy, no-answer, failed, canceled), published unsequenced (sequence 0) with ids derived from CallSid, so Twilio retries are duplicates. Authenticated by an API key with the twilio scope (Basic credentials in the callback URL work) or, when configured, by X-Twilio-Signature.',
  })
  @ApiOkResponse({
    description: 'The events the callback became',
    standardSchema: TwilioAcceptedSchema,
  })
  @ApiBadRequestResponse({
    description: 'A form or query field is invalid',
    standardSchema: ErrorBodySchema,
  })
  @ApiServiceUnavailableResponse({
    description: 'The bus did not acknowledge; Twilio retries',
    standardSchema: ErrorBodySchema,
  })
  async status(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
    @Query({ schema: TwilioCallbackQuerySchema }) query: TwilioCallbackQuery,
    @Body({ schema: TwilioCallbackSchema }) form: TwilioCallbackForm,
    @Req() request: GatewayRequest,
  ): Promise<{ accepted: AcceptedTwilioEvent[] }> {
    const accepted = await this.recordCallback.execute({
      interactionId,
      form,
      query,
      source: sourceOf(request),
      receivedAtMs: Date.now(),
    });
    return { accepted };
  }
}
