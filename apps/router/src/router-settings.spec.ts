import { generateSigningKey } from '@warmline/authority';
import { ROUTER_DEFAULTS, readRouterSettings } from './router-settings.js';

const KEY = generateSigningKey().publicKey;

describe('readRouterSettings', () => {
  it('uses the documented defaults', () => {
    expect(readRouterSettings({ WARMLINE_GRANT_TRUSTED_KEYS: KEY })).toEqual({
      trustedIssuerKeys: [KEY],
      ...ROUTER_DEFAULTS,
    });
  });

  it('takes overrides from the environment', () => {
    const settings = readRouterSettings({
      WARMLINE_GRANT_TRUSTED_KEYS: KEY,
      WARMLINE_DIAL_TIMEOUT_MS: '9000',
      WARMLINE_DEFAULT_MAX_ATTEMPTS: '3',
      WARMLINE_RESERVATION_TIMEOUT_MS: '4000',
      WARMLINE_RING_GRACE_MS: '700',
    });
    expect(settings).toMatchObject({
      dialTimeoutMs: 9000,
      defaultMaxAttempts: 3,
      defaultReservationTimeoutMs: 4000,
      ringGraceMs: 700,
    });
  });

  it.each([
    [{}, /WARMLINE_GRANT_TRUSTED_KEYS: must list the escalation governor's grant public keys/],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: 'nonsense' },
      /WARMLINE_GRANT_TRUSTED_KEYS: .*not a valid nkey/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: KEY, WARMLINE_DIAL_TIMEOUT_MS: '0' },
      /WARMLINE_DIAL_TIMEOUT_MS: must be a positive/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: KEY, WARMLINE_DEFAULT_MAX_ATTEMPTS: '0' },
      /WARMLINE_DEFAULT_MAX_ATTEMPTS: must be a whole number from 1/,
    ],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: KEY, WARMLINE_DEFAULT_MAX_ATTEMPTS: '1.5' },
      /WARMLINE_DEFAULT_MAX_ATTEMPTS/,
    ],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => readRouterSettings(env)).toThrow(message);
  });
});
