// The OpenAPI answers of an endpoint that publishes what it was sent: 202 with JetStream's
// acknowledgement, 400 naming the field, 503 when the bus did not acknowledge.
import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { AcceptedEventSchema, ErrorBodySchema } from './response-schemas.js';

/** 202 / 400 (described as `badRequest`) / 503, as every publishing endpoint answers. */
export function PublishedResponses(badRequest: string): MethodDecorator {
  return applyDecorators(
    ApiAcceptedResponse({ description: 'Stored', standardSchema: AcceptedEventSchema }),
    ApiBadRequestResponse({ description: badRequest, standardSchema: ErrorBodySchema }),
    ApiServiceUnavailableResponse({
      description: 'The bus did not acknowledge; retry',
      standardSchema: ErrorBodySchema,
    }),
  );
}
