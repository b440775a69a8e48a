import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';
import { chartValuesFindings } from './chart-values.js';

const file = join(workspaceRoot(), 'deploy', 'k8s', 'nats', 'values.yaml');
const values = readFileSync(file, 'utf8');

describe('chartValuesFindings', () => {
  it('accepts deploy/k8s/nats/values.yaml', () => {
    expect(chartValuesFindings(file, values)).toEqual([]);
  });

  it.each([
    ['two replicas', 'replicas: 3', 'replicas: 2', /replicas must be 3/],
    ['lazy fsync', 'sync_interval: always', 'sync_interval: 2m', /sync_interval/],
    [
      'no users.conf',
      'zz$include: ../warmline-nats/users.conf',
      'max_connections: 1000',
      /users\.conf/,
    ],
    [
      'a password from the wrong Secret',
      'name: warmline-nats-router,',
      'name: warmline-nats-gateway,',
      /WL_NATS_PASSWORD_ROUTER/,
    ],
  ])('fails on %s', (_case, from, to, problem) => {
    expect(values).toContain(from);
    const messages = chartValuesFindings(file, values.replace(from, to)).map((f) => f.message);
    expect(messages).toEqual([expect.stringMatching(problem)]);
  });
});
