import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey } from '@warmline/authority';
import { DEFAULT_POLICY } from '@warmline/policy';
import { DEFAULT_GRANT_CHECK_INTERVAL_MS, readGovernorSettings } from './governor-settings.js';

const key = generateSigningKey();
const seed = { WARMLINE_GRANT_SIGNING_SEED: key.seed };
const defaultYaml = readFileSync(
  join(import.meta.dirname, '../../../libs/policy/policies/default.policy.yaml'),
  'utf8',
);
const solarJson = JSON.stringify({
  ...DEFAULT_POLICY,
  id: 'solar',
  campaigns: ['solar'],
  team: 'solar',
});

function files(texts: Record<string, string>) {
  return (path: string) => {
    const text = texts[path];
    if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return text;
  };
}

describe('readGovernorSettings', () => {
  it('decides with the default policy and signs with the seed when nothing else is set', () => {
    const settings = readGovernorSettings(seed);
    expect(settings.policies.policyFor('any-campaign')).toEqual(DEFAULT_POLICY);
    expect(settings.signingKey.publicKey).toBe(key.publicKey);
    expect(settings.grantCheckIntervalMs).toBe(DEFAULT_GRANT_CHECK_INTERVAL_MS);
  });

  it('reads every policy file listed, YAML and JSON, and resolves campaigns across them', () => {
    const settings = readGovernorSettings(
      {
        ...seed,
        WARMLINE_POLICY_FILES: ' default.policy.yaml , solar.policy.json ',
        WARMLINE_GRANT_CHECK_INTERVAL_MS: '250',
      },
      files({ 'default.policy.yaml': defaultYaml, 'solar.policy.json': solarJson }),
    );
    expect(settings.policies.policyFor('solar')?.id).toBe('solar');
    expect(settings.policies.policyFor('other')?.id).toBe('default');
    expect(settings.grantCheckIntervalMs).toBe(250);
  });

  it('has no policy for a campaign no listed file covers', () => {
    const settings = readGovernorSettings(
      { ...seed, WARMLINE_POLICY_FILES: 'solar.policy.json' },
      files({ 'solar.policy.json': solarJson }),
    );
    expect(settings.policies.policyFor('other')).toBeNull();
  });

  it('names the file, field and line of an invalid policy', () => {
    const bad = defaultYaml.replace('readinessThreshold: 0.7', 'readinessThreshold: 1.4');
    expect(() =>
      readGovernorSettings(
        { ...seed, WARMLINE_POLICY_FILES: 'bad.policy.yaml' },
        files({ 'bad.policy.yaml': bad }),
      ),
    ).toThrow(
      /^WARMLINE_POLICY_FILES: policy bad\.policy\.yaml is invalid[\s\S]*bad\.policy\.yaml: actions\.liveTransfer\.readinessThreshold: must be ≤ 1, got 1\.4 \(line \d+\)/,
    );
  });

  it.each([
    [
      { WARMLINE_POLICY_FILES: 'missing.yaml' },
      /WARMLINE_POLICY_FILES: cannot read missing\.yaml: ENOENT/,
    ],
    [
      { WARMLINE_POLICY_FILES: 'policy.txt' },
      /WARMLINE_POLICY_FILES: policy\.txt must end in \.yaml, \.yml or \.json/,
    ],
    [
      { WARMLINE_POLICY_FILES: 'solar.policy.json,solar.policy.json' },
      /WARMLINE_POLICY_FILES: two policies have the id solar/,
    ],
    [
      { WARMLINE_GRANT_CHECK_INTERVAL_MS: '0' },
      /WARMLINE_GRANT_CHECK_INTERVAL_MS: must be a positive/,
    ],
  ])('refuses to start on %j', (env, message) => {
    expect(() =>
      readGovernorSettings({ ...seed, ...env }, files({ 'solar.policy.json': solarJson })),
    ).toThrow(message);
  });

  it('refuses to start without a signing seed, naming the variable', () => {
    expect(() => readGovernorSettings({})).toThrow(
      expect.objectContaining({
        name: 'AgentConfigError',
        variable: 'WARMLINE_GRANT_SIGNING_SEED',
        message: expect.stringMatching(/^WARMLINE_GRANT_SIGNING_SEED: is required/),
      }),
    );
  });

  it('refuses a malformed seed without echoing it', () => {
    const secret = 'SAnotreallyaseed';
    let message = '';
    try {
      readGovernorSettings({ WARMLINE_GRANT_SIGNING_SEED: secret });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^WARMLINE_GRANT_SIGNING_SEED: .*not a valid nkey seed/);
    expect(message).not.toContain(secret);
  });
});
