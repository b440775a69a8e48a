import { join } from 'node:path';
import { natsServerBinary, workspaceRoot } from '@warmline/nats-server';
import { checkNatsConfigs } from './check-nats-configs.js';
import { NEWER_SERVER_KEYS, serverKnows } from './newer-server-keys.js';
import { natsServerVersion } from './nats-server-version.js';

const binary = natsServerBinary();
const serverVersion = natsServerVersion(binary);
const fixtures = join(import.meta.dirname, '..', '__fixtures__', 'nats');
const deployNats = join(workspaceRoot(), 'deploy', 'nats');

function check(...names: string[]): ReturnType<typeof checkNatsConfigs> {
  return checkNatsConfigs(
    names.map((name) => join(fixtures, name)),
    { binary, serverVersion, root: fixtures },
  );
}

describe('checkNatsConfigs', () => {
  it('accepts deploy/nats: the single node and the three cluster nodes with the generated users.conf', () => {
    const configs = [
      'nats-server.conf',
      'cluster/node-1.conf',
      'cluster/node-2.conf',
      'cluster/node-3.conf',
    ];
    const result = checkNatsConfigs(
      configs.map((c) => join(deployNats, c)),
      { binary, serverVersion, root: deployNats },
    );
    expect(result.findings).toEqual([]);
    if (!serverKnows(serverVersion, NEWER_SERVER_KEYS[0]!)) {
      // Exactly one blanked line: sync_interval in the shared cluster config.
      expect(result.notes).toEqual([
        expect.stringMatching(/cluster\/common\.conf:\d+: sync_interval .* value checked: always$/),
      ]);
    }
  });

  it('accepts a config with variables for passwords and the store folder', () => {
    expect(check('valid.conf').findings).toEqual([]);
  });

  it('lets nats-server refuse a misspelt key: only the listed keys are blanked', () => {
    const [finding] = check('misspelt-key.conf').findings;
    expect(finding).toMatchObject({ rule: 'nats-server', line: 5 });
    expect(finding?.message).toContain('unknown field "sync_intervall"');
  });

  it('checks the value of a blanked key itself', () => {
    const result = check('bad-sync-value.conf');
    const rules = result.findings.map((f) => f.rule);
    expect(rules).toContain(
      serverKnows(serverVersion, NEWER_SERVER_KEYS[0]!) ? 'nats-server' : 'nats-newer-key',
    );
  });

  it('fails on a missing include and on an unknown key in a block', () => {
    expect(check('missing-include.conf').findings.map((f) => f.rule)).toEqual(['nats-server']);
    expect(check('unknown-cluster-key.conf').findings[0]?.message).toContain('route_compression');
  });

  it('blanks nothing for a server that knows the newer keys', () => {
    const result = checkNatsConfigs([join(fixtures, 'valid.conf')], {
      binary,
      serverVersion: [2, 10, 0],
      root: fixtures,
    });
    expect(result.notes).toEqual([]);
    // The local server, if older, then refuses the key: the blanking above is what lets it pass.
    if (!serverKnows(serverVersion, NEWER_SERVER_KEYS[0]!)) {
      expect(result.findings[0]?.message).toContain('unknown field "sync_interval"');
    }
  });
});
