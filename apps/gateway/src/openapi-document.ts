// The OpenAPI document, generated from the controllers, their zod schemas and decorators. The running
// gateway serves it at /v1/openapi.json; `nx run gateway:openapi` writes it to apps/gateway/openapi.json.
import { Injectable, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Builds the document of a created (not necessarily listening) gateway application. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Warmline gateway')
    .setDescription(
      'The HTTP edge of Warmline: perception events from any voice stack, Twilio call status and AMD callbacks, closer presence and reservation answers, appointment changes, interaction reads and a handoff event stream. Errors are `{ error: { code, message, field? } }`.',
    )
    .setVersion('v1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description: 'Authorization: Bearer <API key>',
      },
      'bearer',
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Twilio-Signature',
        description:
          'Twilio request signature; accepted on the Twilio route when WARMLINE_TWILIO_AUTH_TOKEN is set',
      },
      'twilioSignature',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Holds the document built at start-up, for the controller that serves it. */
@Injectable()
export class OpenApiDocument {
  private document: OpenAPIObject | null = null;

  set(document: OpenAPIObject): void {
    this.document = document;
  }

  get(): OpenAPIObject {
    if (this.document === null) throw new Error('the OpenAPI document was not built at start-up');
    return this.document;
  }
}
