import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';
import { stringify } from 'yaml';
import { checkManifests } from './check-manifests.js';
import { kustomizeVersion, renderKustomization } from './kustomize.js';
import { readManifests, type KubernetesObject } from './manifest-documents.js';

const root = workspaceRoot();
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function rendered(directory: string): string {
  const result = renderKustomization(join(root, directory));
  if ('finding' in result) throw new Error(result.finding.message);
  return result.yaml;
}

describe('the Kubernetes manifests', () => {
  let overlay: string;
  beforeAll(() => {
    kustomizeVersion();
    overlay = rendered('deploy/k8s/overlays/example');
  });

  /** Rule ids reported after `mutate` changed the example overlay's objects. */
  async function rulesAfter(mutate: (objects: Json[]) => void): Promise<string[]> {
    const objects = readManifests('overlay.yaml', overlay).manifests.map(
      (m) => structuredClone(m.object) as Json,
    );
    mutate(objects);
    const text = objects.map((o) => stringify(o)).join('---\n');
    return (await checkManifests('overlay.yaml', text)).map((f) => f.rule);
  }

  const find = (objects: Json[], kind: string, name: string): Json => {
    const found = objects.find((o) => o['kind'] === kind && o['metadata']['name'] === name);
    if (found === undefined) throw new Error(`no ${kind}/${name} in the overlay`);
    return found;
  };
  const container = (objects: Json[], name: string): Json =>
    find(objects, 'Deployment', name)['spec']['template']['spec']['containers'][0];

  it('renders the base and the example overlay, and both pass every check', async () => {
    for (const directory of ['deploy/k8s/base', 'deploy/k8s/overlays/example']) {
      expect(await checkManifests(directory, rendered(directory))).toEqual([]);
    }
  });

  it('renders one Deployment per agent, the gateway Service, autoscalers and the provisioning Job', () => {
    const kinds = readManifests('overlay.yaml', overlay).manifests.map(
      ({ object }: { object: KubernetesObject }) =>
        `${String(object.kind)}/${String(object.metadata?.name)}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment/perception',
        'Deployment/qualification',
        'Deployment/escalation-governor',
        'Deployment/router',
        'Deployment/scheduler',
        'Deployment/gateway',
        'Service/gateway',
        'HorizontalPodAutoscaler/router',
        'Job/warmline-provision',
        'Namespace/warmline',
      ]),
    );
  });

  it('fails when kustomize cannot render a kustomization', () => {
    const result = renderKustomization(
      join(import.meta.dirname, '..', '__fixtures__', 'k8s', 'missing-resource'),
    );
    expect(result).toMatchObject({ finding: { rule: 'kustomize' } });
  });

  it('fails on YAML that does not parse', async () => {
    expect((await checkManifests('x.yaml', 'kind: [unclosed')).map((f) => f.rule)).toContain(
      'yaml',
    );
  });

  it('fails on a misspelt field the schema alone would let through, naming its path', async () => {
    const findings = await (async () => {
      const objects = readManifests('o.yaml', overlay).manifests.map(
        (m) => structuredClone(m.object) as Json,
      );
      const c = container(objects, 'router');
      c['livenesProbe'] = c['livenessProbe'];
      delete c['livenessProbe'];
      return checkManifests('o.yaml', objects.map((o) => stringify(o)).join('---\n'));
    })();
    const knownFields = findings.find((f) => f.rule === 'known-fields');
    expect(knownFields?.message).toContain(
      'Deployment/router: spec.template.spec.containers[0].livenesProbe',
    );
  });

  it.each<[string, (objects: Json[]) => void, string]>([
    [
      'a value of the wrong type',
      (o) => (find(o, 'Deployment', 'escalation-governor')['spec']['replicas'] = 'two'),
      'schema',
    ],
    [
      'a missing required field',
      (o) => delete find(o, 'Deployment', 'router')['spec']['selector'],
      'schema',
    ],
    [
      'a malformed quantity',
      (o) => (container(o, 'router')['resources']['limits']['memory'] = 'lots'),
      'schema',
    ],
    [
      'a kind with no schema',
      (o) => o.push({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }),
      'unknown-kind',
    ],
    [
      'an agent without probes',
      (o) => delete container(o, 'scheduler')['readinessProbe'],
      'probes',
    ],
    [
      'a container without a memory limit',
      (o) => delete container(o, 'perception')['resources']['limits'],
      'resources',
    ],
    [
      'a writable root filesystem',
      (o) => (container(o, 'gateway')['securityContext']['readOnlyRootFilesystem'] = false),
      'hardening',
    ],
    [
      "an agent holding another agent's password",
      (o) =>
        (container(o, 'router')['env'].find((e: Json) => e['name'] === 'WL_NATS_PASSWORD_ROUTER')[
          'name'
        ] = 'WL_NATS_PASSWORD_GATEWAY'),
      'own-credentials',
    ],
    [
      'the signing seed outside the governor',
      (o) =>
        container(o, 'router')['env'].push({ name: 'WARMLINE_GRANT_SIGNING_SEED', value: 'x' }),
      'own-credentials',
    ],
    [
      'a missing agent',
      (o) => o.splice(o.indexOf(find(o, 'Deployment', 'qualification')), 1),
      'agent-deployed',
    ],
    [
      'an autoscaler aimed at nothing',
      (o) =>
        (find(o, 'HorizontalPodAutoscaler', 'router')['spec']['scaleTargetRef']['name'] = 'routr'),
      'hpa-target',
    ],
    [
      'replicas fixed under an autoscaler',
      (o) => (find(o, 'Deployment', 'perception')['spec']['replicas'] = 3),
      'hpa-target',
    ],
    [
      'a real secret value',
      (o) =>
        (find(o, 'Secret', 'warmline-nats-router')['data']['password'] =
          Buffer.from('hunter2').toString('base64')),
      'placeholder-secrets',
    ],
  ])('fails on %s', async (_case, mutate, rule) => {
    expect(await rulesAfter(mutate)).toContain(rule);
  });
});
