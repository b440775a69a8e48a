// Who may call a route, declared on the route itself: public (health, the OpenAPI document) or an
// API-key scope, optionally satisfied by a valid X-Twilio-Signature instead. A route that declares
// nothing is refused (fail closed).
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ApiScope } from './api-keys.js';
import { ErrorBodySchema } from './response-schemas.js';

export const ROUTE_ACCESS = 'warmline:route-access';

/** The access rule of a route. */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'scope'; readonly scope: ApiScope; readonly twilioSignature: boolean };

/** No credentials needed. */
export function PublicRoute(): MethodDecorator & ClassDecorator {
  return SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);
}

/** An API key with `scope` is needed (or, with `twilioSignature`, a valid X-Twilio-Signature). */
export function RequiresScope(
  scope: ApiScope,
  options: { readonly twilioSignature?: boolean } = {},
): MethodDecorator & ClassDecorator {
  const access: RouteAccess = {
    kind: 'scope',
    scope,
    twilioSignature: options.twilioSignature ?? false,
  };
  return applyDecorators(
    SetMetadata(ROUTE_ACCESS, access),
    ApiSecurity('bearer'),
    ApiSecurity('apiKey'),
    ...(access.twilioSignature ? [ApiSecurity('twilioSignature')] : []),
    ApiUnauthorizedResponse({
      description: 'No API key, an unknown key, or an invalid X-Twilio-Signature',
      standardSchema: ErrorBodySchema,
    }),
    ApiForbiddenResponse({
      description: `The API key lacks the "${scope}" scope`,
      standardSchema: ErrorBodySchema,
    }),
  );
}
