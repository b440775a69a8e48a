// What the compose file promises beyond what `docker-compose config` validates: every agent runs as a
// service with its own NATS password only (the servers hold them all, provisioning the admin's), the
// signing seed stays with the governor, images are pinned, long-running agents have health checks,
// and the committed env example holds placeholders only.
import { AGENTS } from '@warmline/contracts';
import {
  agentRole,
  credentialProblems,
  type WorkloadRole,
} from '../credentials/credential-policy.js';
import { isPlaceholder, SECRET_SETTING } from '../credentials/placeholder-secrets.js';
import { parseImageReference, unpinnedReason } from '../dockerfile/image-reference.js';
import type { Finding } from '../finding.js';
import type { EnvEntry } from './env-file.js';

/** A service of the resolved compose configuration (`docker-compose config` output). */
export interface ComposeService {
  readonly image?: string;
  readonly environment?: Record<string, unknown>;
  readonly healthcheck?: { readonly disable?: boolean; readonly test?: unknown };
}

/** Findings for the resolved services of `file`. */
export function composePolicyFindings(
  file: string,
  services: Readonly<Record<string, ComposeService>>,
): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: string, message: string): void => {
    findings.push({ file, rule, message });
  };
  for (const { agent } of AGENTS) {
    if (services[agent] === undefined) report('agent-deployed', `no service for agent ${agent}`);
  }
  for (const [name, service] of Object.entries(services)) {
    const role = roleOf(name, service);
    for (const problem of credentialProblems(role, Object.keys(service.environment ?? {}))) {
      report('own-credentials', `service ${name}: ${problem}`);
    }
    const reason =
      service.image === undefined
        ? 'has no image'
        : unpinnedReason(parseImageReference(service.image));
    if (reason !== null)
      report('image-pinned', `service ${name}: ${service.image ?? ''} ${reason}`);
    const longRunningAgent = role.kind === 'agent' && role.agent !== 'simulator';
    if (
      longRunningAgent &&
      (service.healthcheck?.disable === true || service.healthcheck?.test === undefined)
    ) {
      report('healthcheck', `service ${name} has no health check`);
    }
  }
  return findings;
}

/** Findings for secret settings of the committed env example that hold more than a placeholder. */
export function envExamplePlaceholderFindings(
  file: string,
  entries: readonly EnvEntry[],
): Finding[] {
  return entries
    .filter((entry) => SECRET_SETTING.test(entry.name) && !isPlaceholder(entry.value))
    .map((entry) => ({
      file,
      line: entry.line,
      rule: 'placeholder-secrets',
      message: `${entry.name} holds a value; the example must carry change_me placeholders`,
    }));
}

function roleOf(name: string, service: ComposeService): WorkloadRole {
  const agent = agentRole(name);
  if (agent !== null) return agent;
  if (service.image !== undefined && parseImageReference(service.image).name === 'nats') {
    return { kind: 'nats-server' };
  }
  return name === 'provision' ? { kind: 'provisioning' } : { kind: 'other' };
}
