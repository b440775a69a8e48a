// The NATS Helm chart values (deploy/k8s/nats/values.yaml) cannot be rendered here (no helm), so the
// settings Warmline depends on are asserted instead: a 3-node cluster with JetStream on file storage,
// fsync before ack, the generated users.conf included and mounted, and every user's password from
// the Secret the agents read.
import { parse } from 'yaml';
import { natsPasswordVariable } from '@warmline/contracts';
import { NATS_USERS } from '../credentials/credential-policy.js';
import type { Finding } from '../finding.js';

type Json = Record<string, unknown>;

/** Findings for chart values that would not run Warmline's broker as designed. */
export function chartValuesFindings(file: string, text: string): Finding[] {
  const values = (parse(text) ?? {}) as Json;
  const problems: string[] = [];
  const demand = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  demand(
    get(values, 'config', 'cluster', 'enabled') === true,
    'config.cluster.enabled must be true',
  );
  demand(get(values, 'config', 'cluster', 'replicas') === 3, 'config.cluster.replicas must be 3');
  demand(
    get(values, 'config', 'jetstream', 'enabled') === true,
    'config.jetstream.enabled must be true',
  );
  demand(
    get(values, 'config', 'jetstream', 'fileStore', 'enabled') !== false,
    'JetStream must keep file storage',
  );
  demand(
    get(values, 'config', 'jetstream', 'merge', 'sync_interval') === 'always',
    'config.jetstream.merge.sync_interval must be "always" (fsync before ack)',
  );
  const merged = (get(values, 'config', 'merge') ?? {}) as Json;
  const includes = Object.entries(merged).filter(([key]) => key.endsWith('$include'));
  demand(
    includes.some(([, path]) => String(path).endsWith('users.conf')),
    'config.merge must $include users.conf',
  );
  const mounts = JSON.stringify(get(values, 'container', 'patch') ?? []);
  const volumes = JSON.stringify(get(values, 'podTemplate', 'patch') ?? []);
  demand(
    mounts.includes('/volumeMounts/-') && volumes.includes('/spec/volumes/-'),
    'users.conf must be mounted (container.patch and podTemplate.patch)',
  );
  const env = (get(values, 'container', 'env') ?? {}) as Json;
  for (const user of NATS_USERS) {
    const variable = natsPasswordVariable(user);
    const secret = get(env, variable, 'valueFrom', 'secretKeyRef', 'name');
    demand(
      secret === `warmline-nats-${user}`,
      `container.env.${variable} must come from Secret warmline-nats-${user}`,
    );
  }
  return problems.map((message) => ({ file, rule: 'nats-chart-values', message }));
}

function get(object: unknown, ...path: string[]): unknown {
  let current: unknown = object;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[key];
  }
  return current;
}
