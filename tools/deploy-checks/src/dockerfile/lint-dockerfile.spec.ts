import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';
import { lintDockerfile } from './lint-dockerfile.js';

const fixture = readFileSync(
  join(import.meta.dirname, '..', '__fixtures__', 'docker', 'minimal.Dockerfile'),
  'utf8',
);

/** The rule ids the lint reports for the fixture with `from` replaced by `to`. */
function rulesAfter(from: string, to: string): string[] {
  expect(fixture).toContain(from);
  return lintDockerfile('Dockerfile', fixture.replace(from, to)).map((f) => f.rule);
}

describe('lintDockerfile', () => {
  it('passes deploy/docker/Dockerfile, the one Warmline ships', () => {
    const file = join(workspaceRoot(), 'deploy', 'docker', 'Dockerfile');
    expect(lintDockerfile(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('passes the minimal fixture (so each case below fails for its own reason)', () => {
    expect(lintDockerfile('Dockerfile', fixture)).toEqual([]);
  });

  it.each([
    [
      'a "latest" base image',
      'ARG BASE=node:24.9.0-bookworm-slim',
      'ARG BASE=node:latest',
      'no-latest',
    ],
    ['an untagged base image', 'ARG BASE=node:24.9.0-bookworm-slim', 'ARG BASE=node', 'no-latest'],
    [
      'a floating tag',
      'ARG BASE=node:24.9.0-bookworm-slim',
      'ARG BASE=node:24-slim',
      'base-image-pinned',
    ],
    [
      'a build argument without default',
      'ARG BASE=node:24.9.0-bookworm-slim',
      'ARG BASE',
      'base-image-pinned',
    ],
    ['no USER', 'USER 1000:1000\n', '', 'non-root-user'],
    ['USER root', 'USER 1000:1000', 'USER root', 'non-root-user'],
    ['USER 0', 'USER 1000:1000', 'USER 0:0', 'non-root-user'],
    ['a named user', 'USER 1000:1000', 'USER node', 'non-root-user'],
    [
      'no HEALTHCHECK',
      'HEALTHCHECK --interval=10s CMD ["node", "dist/health.js"]\n',
      '',
      'healthcheck',
    ],
    [
      'HEALTHCHECK NONE',
      'HEALTHCHECK --interval=10s CMD ["node", "dist/health.js"]',
      'HEALTHCHECK NONE',
      'healthcheck',
    ],
    [
      'a secret in ENV',
      'WORKDIR /app',
      'WORKDIR /app\nENV API_KEY=abc123',
      'no-secrets-in-env-arg',
    ],
    [
      'a secret build argument',
      'WORKDIR /src',
      'WORKDIR /src\nARG NPM_TOKEN',
      'no-secrets-in-env-arg',
    ],
    ['COPY without --chown', '--from=build --chown=0:0', '--from=build', 'explicit-chown'],
    ['ADD', 'COPY . .', 'ADD . .', 'no-add'],
    [
      'a shell-form ENTRYPOINT',
      'ENTRYPOINT ["node", "dist/main.js"]',
      'ENTRYPOINT node dist/main.js',
      'exec-form-entrypoint',
    ],
    ['no ENTRYPOINT', 'ENTRYPOINT ["node", "dist/main.js"]\n', '', 'exec-form-entrypoint'],
    ['an unknown instruction', 'RUN npm ci', 'RUNN npm ci', 'syntax/unknown-instruction'],
    ['a bad duration', '--interval=10s', '--interval=ten', 'syntax/flag-invalid-duration'],
    ['a relative WORKDIR', 'WORKDIR /app', 'WORKDIR app', 'syntax/workdir-is-not-absolute'],
  ])('fails on %s', (_case, from, to, rule) => {
    expect(rulesAfter(from, to)).toContain(rule);
  });

  it('does not flag an empty ENV whose name only looks secret', () => {
    expect(rulesAfter('WORKDIR /app', 'WORKDIR /app\nENV TWILIO_AUTH_TOKEN=')).toEqual([]);
  });

  it('checks COPY --from images that are not build stages', () => {
    expect(rulesAfter('--from=build', '--from=busybox:latest')).toContain('no-latest');
  });

  it('names the file and the line of each finding', () => {
    const [finding] = lintDockerfile(
      'x/Dockerfile',
      fixture.replace('USER 1000:1000', 'USER root'),
    );
    expect(finding).toMatchObject({ file: 'x/Dockerfile', line: 11, rule: 'non-root-user' });
  });
});
