import { agentScopes } from '@warmline/contracts';
import { readAgentConfig } from './agent-config.js';
import { AgentConfigError } from './config-error.js';

describe('readAgentConfig', () => {
  it('applies defaults: local broker, no user, the agent table scopes', () => {
    const config = readAgentConfig('qualification', {});
    expect(config.nats).toEqual({
      servers: ['nats://127.0.0.1:4222'],
      user: undefined,
      pass: undefined,
    });
    expect(config.scopes).toEqual(agentScopes('qualification'));
    expect(config.instance).toMatch(/-\d+$/);
  });

  it('reads servers, the agent password variable and the instance', () => {
    const config = readAgentConfig('escalation-governor', {
      NATS_URL: 'nats://a:4222, nats://b:4222',
      WL_NATS_PASSWORD_ESCALATION_GOVERNOR: 'wl123',
      WARMLINE_INSTANCE: 'gov-0',
      WARMLINE_ACK_WAIT_MS: '15000',
    });
    expect(config.nats).toEqual({
      servers: ['nats://a:4222', 'nats://b:4222'],
      user: 'escalation-governor',
      pass: 'wl123',
    });
    expect(config.instance).toBe('gov-0');
    expect(config.ackWaitMs).toBe(15_000);
  });

  it.each([
    [{ NATS_URL: 'http://x' }, 'NATS_URL: "http://x" is not a NATS URL'],
    [{ NATS_URL: ' , ' }, 'NATS_URL: lists no server'],
    [{ WARMLINE_INSTANCE: 'pod.1' }, 'WARMLINE_INSTANCE: "pod.1" must be'],
    [{ WARMLINE_ACK_WAIT_MS: '-5' }, 'WARMLINE_ACK_WAIT_MS: must be a positive whole number'],
    [{ WARMLINE_SHUTDOWN_GRACE_MS: 'soon' }, 'WARMLINE_SHUTDOWN_GRACE_MS: must be a positive'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readAgentConfig('router', env)).toThrow(AgentConfigError);
    expect(() => readAgentConfig('router', env)).toThrow(message);
  });
});

describe('store selection', () => {
  it('uses the embedded JetStream KV unless MONGODB_URI is set', () => {
    expect(readAgentConfig('router', {}).store).toEqual({ kind: 'kv' });
    expect(
      readAgentConfig('router', {
        MONGODB_URI: 'mongodb://warmline:secret@db:27017/?replicaSet=rs0',
        WARMLINE_MONGODB_DATABASE: 'campaigns',
      }).store,
    ).toEqual({
      kind: 'mongodb',
      uri: 'mongodb://warmline:secret@db:27017/?replicaSet=rs0',
      database: 'campaigns',
    });
  });

  it('reads the MongoDB durability settings, defaulting to the store’s (majority, retried writes)', () => {
    const uri = 'mongodb://db:27017/?replicaSet=rs0';
    expect(readAgentConfig('router', { MONGODB_URI: uri }).store).toEqual({
      kind: 'mongodb',
      uri,
      database: undefined,
    });
    expect(
      readAgentConfig('router', {
        MONGODB_URI: uri,
        WARMLINE_MONGODB_WRITE_CONCERN: '2',
        WARMLINE_MONGODB_RETRY_WRITES: 'false',
        WARMLINE_MONGODB_TIMEOUT_MS: '8000',
      }).store,
    ).toEqual({
      kind: 'mongodb',
      uri,
      database: undefined,
      writeConcern: { w: 2 },
      retryWrites: false,
      timeoutMs: 8000,
    });
  });

  it.each([
    [
      'WARMLINE_MONGODB_WRITE_CONCERN',
      '0',
      /WARMLINE_MONGODB_WRITE_CONCERN: must be "majority" or a number/,
    ],
    ['WARMLINE_MONGODB_WRITE_CONCERN', 'all', /got "all"/],
    [
      'WARMLINE_MONGODB_RETRY_WRITES',
      'yes',
      /WARMLINE_MONGODB_RETRY_WRITES: must be true or false/,
    ],
    ['WARMLINE_MONGODB_TIMEOUT_MS', '-5', /WARMLINE_MONGODB_TIMEOUT_MS: must be a positive/],
  ])('names %s when it is %s', (variable, value, message) => {
    const env = { MONGODB_URI: 'mongodb://db:27017/', [variable]: value };
    expect(() => readAgentConfig('router', env)).toThrow(AgentConfigError);
    expect(() => readAgentConfig('router', env)).toThrow(message);
  });

  it('never shows MongoDB credentials in its description', async () => {
    const { describeStore } = await import('./agent-store.js');
    expect(
      describeStore({
        kind: 'mongodb',
        uri: 'mongodb://warmline:secret@db:27017/',
        database: undefined,
      }),
    ).toBe('MongoDB mongodb://***@db:27017/');
  });
});
