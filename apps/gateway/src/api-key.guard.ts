// Authenticates every request by its route's declared access: public, or an API key holding the
// route's scope (401 without a known key, 403 naming the missing scope). The Twilio callback route
// also accepts a valid X-Twilio-Signature when WARMLINE_TWILIO_AUTH_TOKEN is configured.
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ScopeMissingError, UnauthenticatedError } from './api-errors.js';
import type { ApiCaller } from './api-keys.js';
import type { GatewayRequest } from './gateway-request.js';
import type { GatewaySettings } from './gateway-settings.js';
import { presentedKey } from './presented-key.js';
import { ROUTE_ACCESS, type RouteAccess } from './route-access.js';
import { GATEWAY_SETTINGS } from './tokens.js';
import { isValidTwilioSignature, type FormParams } from './twilio-signature.js';

/** The caller of a request authenticated by Twilio's signature. */
export const TWILIO_SIGNED_CALLER: ApiCaller = { source: 'twilio', scopes: new Set(['twilio']) };

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === undefined) {
      throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access`);
    }
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    request.caller = this.callerOf(request, access);
    return true;
  }

  private callerOf(request: GatewayRequest, access: RouteAccess & { kind: 'scope' }): ApiCaller {
    const signature = request.headers['x-twilio-signature'];
    const authToken = this.settings.twilio.authToken;
    if (access.twilioSignature && authToken !== null && typeof signature === 'string') {
      const url = `${this.settings.twilio.webhookBaseUrl ?? `${request.protocol}://${request.headers.host ?? ''}`}${request.originalUrl}`;
      if (!isValidTwilioSignature(authToken, signature, url, formOf(request.body))) {
        throw new UnauthenticatedError(
          `X-Twilio-Signature does not match ${url} and the posted fields (check WARMLINE_TWILIO_AUTH_TOKEN and WARMLINE_TWILIO_WEBHOOK_BASE_URL)`,
          'TWILIO_SIGNATURE_INVALID',
        );
      }
      return TWILIO_SIGNED_CALLER;
    }
    const key = presentedKey(request.headers);
    if (key === null) {
      throw new UnauthenticatedError(
        'no API key: send Authorization: Bearer <key> or X-Api-Key: <key>',
      );
    }
    const caller = this.settings.apiKeys.authenticate(key);
    if (caller === null) throw new UnauthenticatedError('the API key is not known');
    if (!caller.scopes.has(access.scope)) throw new ScopeMissingError(caller.source, access.scope);
    return caller;
  }
}

function formOf(body: unknown): FormParams {
  if (typeof body !== 'object' || body === null) return {};
  const params: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') params[name] = value;
    else if (Array.isArray(value)) params[name] = value.map(String);
  }
  return params;
}
