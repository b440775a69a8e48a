// Who may hold which secret, the same in compose and Kubernetes: each agent its own NATS password and
// no other (the broker is the first authority check, docs/bus.md); the NATS servers every password
// users.conf refers to; the provisioning step the admin's only; the governor alone the grant signing
// seed. Workloads are described by the environment variable names they receive.
import { AGENTS, natsPasswordVariable, type AgentName } from '@warmline/contracts';
import { ADMIN_USER } from '@warmline/nats-server';

/** What a workload is, for the purpose of its credentials. */
export type WorkloadRole =
  | { readonly kind: 'agent'; readonly agent: AgentName }
  | { readonly kind: 'nats-server' }
  | { readonly kind: 'provisioning' }
  | { readonly kind: 'other' };

export const SIGNING_SEED_VARIABLE = 'WARMLINE_GRANT_SIGNING_SEED';

const PASSWORD_PREFIX = 'WL_NATS_PASSWORD_';

/** Every NATS user of users.conf: the provisioning admin and one per agent. */
export const NATS_USERS: readonly string[] = [ADMIN_USER, ...AGENTS.map((spec) => spec.agent)];

/** The role of a workload named `name` (an agent's name makes it that agent). */
export function agentRole(name: string): WorkloadRole | null {
  const spec = AGENTS.find((candidate) => candidate.agent === name);
  return spec === undefined ? null : { kind: 'agent', agent: spec.agent };
}

/** Why `variables` are wrong for a workload of `role` (empty when they are right). */
export function credentialProblems(role: WorkloadRole, variables: readonly string[]): string[] {
  const passwords = variables.filter((name) => name.startsWith(PASSWORD_PREFIX)).sort();
  const hasSeed = variables.includes(SIGNING_SEED_VARIABLE);
  const problems: string[] = [];
  const expectPasswords = (wanted: readonly string[], what: string): void => {
    const missing = wanted.filter((name) => !passwords.includes(name));
    const extra = passwords.filter((name) => !wanted.includes(name));
    if (missing.length > 0) problems.push(`${what} lacks ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`${what} must not receive ${extra.join(', ')}`);
  };
  switch (role.kind) {
    case 'agent':
      expectPasswords([natsPasswordVariable(role.agent)], `agent ${role.agent}`);
      if (hasSeed !== (role.agent === 'escalation-governor')) {
        problems.push(
          hasSeed
            ? `only the escalation governor may hold ${SIGNING_SEED_VARIABLE}`
            : `the escalation governor needs ${SIGNING_SEED_VARIABLE}`,
        );
      }
      break;
    case 'nats-server':
      expectPasswords(NATS_USERS.map(natsPasswordVariable), 'a NATS server');
      if (hasSeed) problems.push(`only the escalation governor may hold ${SIGNING_SEED_VARIABLE}`);
      break;
    case 'provisioning':
      expectPasswords([natsPasswordVariable(ADMIN_USER)], 'the provisioning step');
      if (hasSeed) problems.push(`only the escalation governor may hold ${SIGNING_SEED_VARIABLE}`);
      break;
    case 'other':
      expectPasswords([], 'a workload that is not an agent');
      if (hasSeed) problems.push(`only the escalation governor may hold ${SIGNING_SEED_VARIABLE}`);
      break;
  }
  return problems;
}
