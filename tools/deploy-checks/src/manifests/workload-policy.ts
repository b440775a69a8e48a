// What Warmline's manifests promise beyond the schema: every agent deployed with probes, resource
// requests and limits, a non-root read-only container, its own NATS credentials only, autoscalers that
// point at real Deployments (which then leave the replica count to them), and placeholder Secrets.
import { AGENTS } from '@warmline/contracts';
import {
  agentRole,
  credentialProblems,
  type WorkloadRole,
} from '../credentials/credential-policy.js';
import { isPlaceholder } from '../credentials/placeholder-secrets.js';
import type { Finding } from '../finding.js';
import { describeManifest, type Manifest } from './manifest-documents.js';

/** Agents that run as long-lived Deployments (the simulator is a CLI, run on demand). */
const DEPLOYED_AGENTS = AGENTS.map((spec) => spec.agent).filter((agent) => agent !== 'simulator');

type Json = Record<string, unknown>;

/** Policy findings over a whole rendered set of objects. */
export function workloadPolicyFindings(manifests: readonly Manifest[]): Finding[] {
  return [
    ...agentCoverageFindings(manifests),
    ...autoscalerFindings(manifests),
    ...manifests.flatMap(containerFindings),
    ...manifests.flatMap(placeholderSecretFindings),
  ];
}

/** Every long-running agent has a Deployment. */
function agentCoverageFindings(manifests: readonly Manifest[]): Finding[] {
  const deployed = new Set(manifests.filter(isDeployment).map(nameOf));
  return DEPLOYED_AGENTS.filter((agent) => !deployed.has(agent)).map((agent) => ({
    file: manifests[0]?.file ?? '(manifests)',
    rule: 'agent-deployed',
    message: `no Deployment for agent ${agent}`,
  }));
}

/** Autoscalers target existing Deployments, which then leave `replicas` to them. */
function autoscalerFindings(manifests: readonly Manifest[]): Finding[] {
  const deployments = manifests.filter(isDeployment);
  const findings: Finding[] = [];
  for (const manifest of manifests.filter((m) => m.object.kind === 'HorizontalPodAutoscaler')) {
    const target = field(manifest.object, 'spec', 'scaleTargetRef') as Json | undefined;
    const name = String(target?.['name'] ?? '');
    const deployment = deployments.find((d) => nameOf(d) === name);
    if (target?.['kind'] !== 'Deployment' || deployment === undefined) {
      findings.push(
        findingFor(manifest, 'hpa-target', `scales "${name}", which is not a Deployment here`),
      );
    } else if (field(deployment.object, 'spec', 'replicas') !== undefined) {
      findings.push(
        findingFor(
          deployment,
          'hpa-target',
          'sets spec.replicas while an autoscaler owns the count',
        ),
      );
    }
  }
  return findings;
}

/** Probes (Deployments), resources, hardening and credentials of every container of a workload. */
function containerFindings(manifest: Manifest): Finding[] {
  const kind = String(manifest.object.kind);
  if (kind !== 'Deployment' && kind !== 'Job') return [];
  const pod = podSpecOf(manifest);
  const role = roleOf(manifest);
  return containersOf(manifest).flatMap((container) => {
    const name = `container ${String(container['name'])}`;
    const probes =
      kind === 'Deployment' &&
      (container['livenessProbe'] === undefined || container['readinessProbe'] === undefined)
        ? [findingFor(manifest, 'probes', `${name} needs liveness and readiness probes`)]
        : [];
    return [
      ...probes,
      ...resourceProblems(container).map((p) => findingFor(manifest, 'resources', `${name} ${p}`)),
      ...hardeningProblems(pod, container).map((p) =>
        findingFor(manifest, 'hardening', `${name} ${p}`),
      ),
      ...credentialProblems(role, envNames(container)).map((p) =>
        findingFor(manifest, 'own-credentials', p),
      ),
    ];
  });
}

/** Committed Secrets hold change_me placeholders only. */
function placeholderSecretFindings(manifest: Manifest): Finding[] {
  if (manifest.object.kind !== 'Secret') return [];
  return secretValues(manifest)
    .filter(([, value]) => !isPlaceholder(value))
    .map(([key]) =>
      findingFor(
        manifest,
        'placeholder-secrets',
        `${key} holds a value; committed Secrets carry change_me placeholders`,
      ),
    );
}

function findingFor(manifest: Manifest, rule: string, message: string): Finding {
  return {
    file: manifest.file,
    line: manifest.line,
    rule,
    message: `${describeManifest(manifest)}: ${message}`,
  };
}

function isDeployment(manifest: Manifest): boolean {
  return manifest.object.kind === 'Deployment';
}

function roleOf(manifest: Manifest): WorkloadRole {
  if (manifest.object.kind === 'Deployment')
    return agentRole(nameOf(manifest)) ?? { kind: 'other' };
  const labels = field(manifest.object, 'metadata', 'labels') as Json | undefined;
  return labels?.['app.kubernetes.io/name'] === 'provision'
    ? { kind: 'provisioning' }
    : { kind: 'other' };
}

function resourceProblems(container: Json): string[] {
  const resources = container['resources'] as Json | undefined;
  const requests = resources?.['requests'] as Json | undefined;
  const limits = resources?.['limits'] as Json | undefined;
  const problems: string[] = [];
  if (requests?.['cpu'] === undefined || requests['memory'] === undefined)
    problems.push('needs cpu and memory requests');
  if (limits?.['memory'] === undefined) problems.push('needs a memory limit');
  return problems;
}

function hardeningProblems(pod: Json, container: Json): string[] {
  const podSecurity = (pod['securityContext'] ?? {}) as Json;
  const security = (container['securityContext'] ?? {}) as Json;
  const problems: string[] = [];
  if ((security['runAsNonRoot'] ?? podSecurity['runAsNonRoot']) !== true)
    problems.push('must set runAsNonRoot');
  if (security['readOnlyRootFilesystem'] !== true) problems.push('must set readOnlyRootFilesystem');
  if (security['allowPrivilegeEscalation'] !== false)
    problems.push('must set allowPrivilegeEscalation: false');
  return problems;
}

function secretValues(manifest: Manifest): Array<[string, string]> {
  const data = (manifest.object['data'] ?? {}) as Json;
  const stringData = (manifest.object['stringData'] ?? {}) as Json;
  return [
    ...Object.entries(data).map(([k, v]): [string, string] => [
      k,
      Buffer.from(String(v), 'base64').toString('utf8'),
    ]),
    ...Object.entries(stringData).map(([k, v]): [string, string] => [k, String(v)]),
  ];
}

function podSpecOf(manifest: Manifest): Json {
  return (field(manifest.object, 'spec', 'template', 'spec') ?? {}) as Json;
}

function containersOf(manifest: Manifest): Json[] {
  const containers = podSpecOf(manifest)['containers'];
  return Array.isArray(containers) ? (containers as Json[]) : [];
}

function envNames(container: Json): string[] {
  const env = container['env'];
  return Array.isArray(env) ? env.map((entry) => String((entry as Json)['name'])) : [];
}

function nameOf(manifest: Manifest): string {
  return String(manifest.object.metadata?.name ?? '');
}

function field(object: unknown, ...path: string[]): unknown {
  let current: unknown = object;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[key];
  }
  return current;
}
