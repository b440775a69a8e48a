import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard.js';
import type { GatewayRequest } from './gateway-request.js';
import { readGatewaySettings } from './gateway-settings.js';
import { PublicRoute, RequiresScope } from './route-access.js';
import { twilioSignature } from './twilio-signature.js';

const DESK_KEY = 'desk-key-0123456789abcdef';
const settings = readGatewaySettings({
  WARMLINE_API_KEYS: `desk:${DESK_KEY}:desk+read`,
  WARMLINE_TWILIO_AUTH_TOKEN: 'token',
  WARMLINE_TWILIO_WEBHOOK_BASE_URL: 'https://gw.example.com',
});

class Routes {
  @RequiresScope('events')
  events(): string {
    return 'events';
  }

  @RequiresScope('read')
  read(): string {
    return 'read';
  }

  @RequiresScope('twilio', { twilioSignature: true })
  twilio(): string {
    return 'twilio';
  }

  @PublicRoute()
  health(): string {
    return 'health';
  }

  undeclared(): string {
    return 'undeclared';
  }
}

function contextFor(route: keyof Routes, request: Partial<GatewayRequest>): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const guard = new ApiKeyGuard(new Reflector(), settings);
const request = (headers: Record<string, string>, extra: object = {}) =>
  ({
    headers,
    protocol: 'http',
    originalUrl: '/v1/twilio/call-1/status',
    ...extra,
  }) as GatewayRequest;

describe('ApiKeyGuard', () => {
  it('lets a key with the scope through and records the caller', () => {
    const req = request({ authorization: `Bearer ${DESK_KEY}` });
    expect(guard.canActivate(contextFor('read', req))).toBe(true);
    expect(req.caller?.source).toBe('desk');
  });

  it('answers 401 without a key or with an unknown one', () => {
    expect(() => guard.canActivate(contextFor('read', request({})))).toThrow(
      expect.objectContaining({ status: 401, code: 'UNAUTHENTICATED' }),
    );
    expect(() =>
      guard.canActivate(contextFor('read', request({ 'x-api-key': 'nope-nope-nope-nope' }))),
    ).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('answers 403 naming the scope a known key lacks', () => {
    expect(() =>
      guard.canActivate(contextFor('events', request({ 'x-api-key': DESK_KEY }))),
    ).toThrow(
      expect.objectContaining({
        status: 403,
        code: 'SCOPE_MISSING',
        scope: 'events',
        source: 'desk',
      }),
    );
  });

  it('accepts a valid Twilio signature over the public URL on the Twilio route, and refuses a forged one', () => {
    const body = { CallSid: 'CA1', CallStatus: 'completed' };
    const signature = twilioSignature(
      'token',
      'https://gw.example.com/v1/twilio/call-1/status',
      body,
    );
    const signed = request({ 'x-twilio-signature': signature }, { body });
    expect(guard.canActivate(contextFor('twilio', signed))).toBe(true);
    expect(signed.caller?.source).toBe('twilio');
    const forged = request(
      { 'x-twilio-signature': signature },
      { body: { ...body, CallStatus: 'busy' } },
    );
    expect(() => guard.canActivate(contextFor('twilio', forged))).toThrow(
      expect.objectContaining({ status: 401, code: 'TWILIO_SIGNATURE_INVALID' }),
    );
  });

  it('does not take a Twilio signature on other routes', () => {
    const signed = request({ 'x-twilio-signature': 'whatever' });
    expect(() => guard.canActivate(contextFor('read', signed))).toThrow(
      expect.objectContaining({ status: 401, code: 'UNAUTHENTICATED' }),
    );
  });

  it('opens public routes and refuses routes that declare no access (fail closed)', () => {
    expect(guard.canActivate(contextFor('health', request({})))).toBe(true);
    expect(() => guard.canActivate(contextFor('undeclared', request({})))).toThrow(
      /declares no access/,
    );
  });
});
