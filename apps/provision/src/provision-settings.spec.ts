import { readProvisionSettings } from './provision-settings.js';

const base = { NATS_URL: 'nats://nats-1:4222', WL_NATS_PASSWORD_ADMIN: 'wlsecret' };

describe('readProvisionSettings', () => {
  it('defaults to one replica and the embedded store', () => {
    expect(readProvisionSettings(base)).toEqual({
      replicas: 1,
      timeoutMs: 120_000,
      store: { kind: 'kv' },
    });
  });

  it('takes three replicas and a MongoDB to prepare', () => {
    expect(
      readProvisionSettings({
        ...base,
        WARMLINE_JETSTREAM_REPLICAS: '3',
        MONGODB_URI: 'mongodb://db:27017',
      }),
    ).toMatchObject({ replicas: 3, store: { kind: 'mongodb', uri: 'mongodb://db:27017' } });
  });

  it.each([
    [{ WL_NATS_PASSWORD_ADMIN: 'x' }, /NATS_URL: is required/],
    [{ NATS_URL: 'nats://a:4222' }, /WL_NATS_PASSWORD_ADMIN: is required/],
    [
      { ...base, WARMLINE_JETSTREAM_REPLICAS: '2' },
      /WARMLINE_JETSTREAM_REPLICAS: must be 1, 3 or 5/,
    ],
  ])('names the bad variable: %j', (env, message) => {
    expect(() => readProvisionSettings(env)).toThrow(message);
  });
});
