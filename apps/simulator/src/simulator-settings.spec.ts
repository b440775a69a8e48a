import { generateSigningKey } from '@warmline/authority';
import { SimulatorConfigError } from './errors.js';
import { readSimulatorSettings } from './simulator-settings.js';

const key = generateSigningKey().publicKey;

describe('readSimulatorSettings', () => {
  it('connects as the simulator NATS user with its own password and trusts the listed keys', () => {
    const settings = readSimulatorSettings({
      NATS_URL: 'nats://broker:4222',
      WL_NATS_PASSWORD_SIMULATOR: 'secret',
      WARMLINE_INSTANCE: 'sim-1',
      WARMLINE_GRANT_TRUSTED_KEYS: key,
    });
    expect(settings).toEqual({
      bus: {
        servers: ['nats://broker:4222'],
        user: 'simulator',
        pass: 'secret',
        instance: 'sim-1',
      },
      trustedGrantKeys: [key],
    });
  });

  it('connects without credentials to an open development server', () => {
    const settings = readSimulatorSettings({ WARMLINE_GRANT_TRUSTED_KEYS: key });
    expect(settings.bus).toMatchObject({
      servers: ['nats://127.0.0.1:4222'],
      user: undefined,
      pass: undefined,
    });
  });

  it.each([
    [{}, /WARMLINE_GRANT_TRUSTED_KEYS: .*lists no issuer keys/],
    [{ WARMLINE_GRANT_TRUSTED_KEYS: 'not-a-key' }, /WARMLINE_GRANT_TRUSTED_KEYS/],
    [
      { WARMLINE_GRANT_TRUSTED_KEYS: key, NATS_URL: 'http://x' },
      /NATS_URL: "http:\/\/x" is not a NATS URL/,
    ],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => readSimulatorSettings(env)).toThrow(SimulatorConfigError);
    expect(() => readSimulatorSettings(env)).toThrow(message);
  });
});
