import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';
import { parse } from 'yaml';
import { checkCompose } from './check-compose.js';
import {
  composePolicyFindings,
  envExamplePlaceholderFindings,
  type ComposeService,
} from './compose-policy.js';
import { parseEnvFile } from './env-file.js';

const composeFile = join(workspaceRoot(), 'deploy', 'compose', 'docker-compose.yml');
const envExample = join(workspaceRoot(), 'deploy', 'compose', '.env.example');
const fixtures = join(import.meta.dirname, '..', '__fixtures__', 'compose');

describe('the compose file', () => {
  it('is valid for docker-compose 1.29 with the committed env example, and passes the policy', () => {
    expect(checkCompose(composeFile, envExample)).toEqual([]);
  });

  it.each([
    ['a top-level name:', join(fixtures, 'top-level-name.yml'), envExample, /name/],
    [
      'an unknown service key',
      join(fixtures, 'unknown-service-key.yml'),
      envExample,
      /restart_policy/,
    ],
    [
      'a required variable missing from the env file',
      composeFile,
      join(fixtures, 'empty.env'),
      /WL_NATS_PASSWORD_/,
    ],
  ])('fails on %s', (_case, file, env, message) => {
    const findings = checkCompose(file, env).filter((f) => f.rule === 'compose-config');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(message);
  });
});

describe('composePolicyFindings', () => {
  let services: Record<string, ComposeService & { environment: Record<string, unknown> }>;
  beforeEach(() => {
    const resolved = execFileSync(
      'docker-compose',
      ['--env-file', envExample, '-f', composeFile, 'config'],
      { encoding: 'utf8' },
    );
    services = (parse(resolved) as { services: typeof services }).services;
  });
  const rules = (): string[] => composePolicyFindings('c.yml', services).map((f) => f.rule);

  it('gives every agent a service, its own password and nothing else', () => {
    expect(rules()).toEqual([]);
    expect(
      Object.keys(services.router!.environment).filter((k) => k.startsWith('WL_NATS_PASSWORD_')),
    ).toEqual(['WL_NATS_PASSWORD_ROUTER']);
  });

  it.each<[string, () => void, string]>([
    [
      "an agent with another agent's password",
      () => (services.router!.environment['WL_NATS_PASSWORD_GATEWAY'] = 'x'),
      'own-credentials',
    ],
    [
      'an agent without its password',
      () => delete services.scheduler!.environment['WL_NATS_PASSWORD_SCHEDULER'],
      'own-credentials',
    ],
    [
      "a NATS node missing a user's password",
      () => delete services['nats-2']!.environment['WL_NATS_PASSWORD_SIMULATOR'],
      'own-credentials',
    ],
    [
      'the signing seed on the router',
      () => (services.router!.environment['WARMLINE_GRANT_SIGNING_SEED'] = 'x'),
      'own-credentials',
    ],
    [
      'a password on Jaeger',
      () =>
        (services.jaeger = { ...services.jaeger, environment: { WL_NATS_PASSWORD_ADMIN: 'x' } }),
      'own-credentials',
    ],
    ['a missing agent', () => delete services.qualification, 'agent-deployed'],
    [
      'a "latest" image',
      () => (services.jaeger = { ...services.jaeger, image: 'jaegertracing/jaeger:latest' }),
      'image-pinned',
    ],
    [
      'an agent without health check',
      () => (services.router = { ...services.router!, healthcheck: { disable: true } }),
      'healthcheck',
    ],
  ])('fails on %s', (_case, mutate, rule) => {
    mutate();
    expect(rules()).toContain(rule);
  });
});

describe('envExamplePlaceholderFindings', () => {
  it('accepts the committed example and refuses a real-looking secret in it', () => {
    const entries = parseEnvFile(readFileSync(envExample, 'utf8'));
    expect(envExamplePlaceholderFindings('.env.example', entries)).toEqual([]);
    const leaked = entries.map((e) =>
      e.name === 'WL_NATS_PASSWORD_ROUTER' ? { ...e, value: 'p7f3a9c2e1' } : e,
    );
    expect(envExamplePlaceholderFindings('.env.example', leaked)).toEqual([
      expect.objectContaining({
        rule: 'placeholder-secrets',
        message: expect.stringContaining('WL_NATS_PASSWORD_ROUTER'),
      }),
    ]);
  });
});
