import { readGatewaySettings } from './gateway-settings.js';
import { DEFAULT_AMD_CONFIDENCE, readTwilioSettings } from './twilio-settings.js';

const KEYS = { WARMLINE_API_KEYS: 'voice:voice-key-0123456789abcdef:events' };

describe('readGatewaySettings', () => {
  it('uses the documented defaults', () => {
    const settings = readGatewaySettings(KEYS);
    expect(settings.http).toEqual({ port: 8080, host: '0.0.0.0', bodyLimitBytes: 1_048_576 });
    expect(settings.sseKeepAliveMs).toBe(15_000);
    expect(settings.apiKeys.size).toBe(1);
    expect(settings.twilio).toEqual({
      authToken: null,
      webhookBaseUrl: null,
      buyerLanguage: 'en-US',
      timeZone: null,
      amdConfidence: DEFAULT_AMD_CONFIDENCE,
    });
  });

  it('takes overrides, including port 0 (any free port)', () => {
    const settings = readGatewaySettings({
      ...KEYS,
      WARMLINE_HTTP_PORT: '0',
      WARMLINE_HTTP_HOST: '127.0.0.1',
      WARMLINE_HTTP_BODY_LIMIT_BYTES: '65536',
      WARMLINE_SSE_KEEPALIVE_MS: '5000',
    });
    expect(settings.http).toEqual({ port: 0, host: '127.0.0.1', bodyLimitBytes: 65_536 });
    expect(settings.sseKeepAliveMs).toBe(5_000);
  });

  it.each([
    [{}, /WARMLINE_API_KEYS: is required/],
    [
      { ...KEYS, WARMLINE_HTTP_PORT: '70000' },
      /WARMLINE_HTTP_PORT: must be a port from 0 to 65535/,
    ],
    [
      { ...KEYS, WARMLINE_HTTP_BODY_LIMIT_BYTES: '10' },
      /WARMLINE_HTTP_BODY_LIMIT_BYTES: must be a whole number of bytes/,
    ],
    [{ ...KEYS, WARMLINE_API_KEYS: 'voice:key' }, /WARMLINE_API_KEYS: entry 1 \(source "voice"\)/],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => readGatewaySettings(env)).toThrow(message);
  });
});

describe('readTwilioSettings', () => {
  it('reads the token, the public base URL, buyer defaults and confidence overrides', () => {
    expect(
      readTwilioSettings({
        WARMLINE_TWILIO_AUTH_TOKEN: 'secret',
        WARMLINE_TWILIO_WEBHOOK_BASE_URL: 'https://gw.example.com/',
        WARMLINE_TWILIO_BUYER_LANGUAGE: 'es-MX',
        WARMLINE_TWILIO_TIME_ZONE: 'America/Mexico_City',
        WARMLINE_TWILIO_AMD_CONFIDENCE: 'unknown:0.3, fax:1',
      }),
    ).toEqual({
      authToken: 'secret',
      webhookBaseUrl: 'https://gw.example.com',
      buyerLanguage: 'es-MX',
      timeZone: 'America/Mexico_City',
      amdConfidence: { ...DEFAULT_AMD_CONFIDENCE, unknown: 0.3, fax: 1 },
    });
  });

  it.each([
    [
      { WARMLINE_TWILIO_TIME_ZONE: 'Mars/Base' },
      /WARMLINE_TWILIO_TIME_ZONE: "Mars\/Base" is not an IANA time zone/,
    ],
    [{ WARMLINE_TWILIO_BUYER_LANGUAGE: 'english' }, /WARMLINE_TWILIO_BUYER_LANGUAGE/],
    [
      { WARMLINE_TWILIO_WEBHOOK_BASE_URL: 'gw.example.com' },
      /WARMLINE_TWILIO_WEBHOOK_BASE_URL: "gw.example.com" is not a URL/,
    ],
    [{ WARMLINE_TWILIO_WEBHOOK_BASE_URL: 'https://gw.example.com/?a=1' }, /without query/],
    [{ WARMLINE_TWILIO_AMD_CONFIDENCE: 'robot:0.5' }, /"robot" is not an AnsweredBy value/],
    [{ WARMLINE_TWILIO_AMD_CONFIDENCE: 'human:1.5' }, /human must be a number from 0 to 1/],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => readTwilioSettings(env)).toThrow(message);
  });
});
