// Who may do what on the bus: each agent's own NATS user publishes only its families, holds only
// their scopes, and consumes only the families listed here. deploy/nats/users.conf is generated
// from this table (tools/nats-config) and docs/bus.md shows it; change them together.
import { requiredScope, type Family, type InteractionFamily } from './subjects.js';

/** One row of the agent table. */
export interface AgentSpec {
  /** Agent name: its NATS user, consumer-name prefix and wl.dlq.<agent> subject. */
  readonly agent: string;
  /** Families the agent publishes; its envelopes carry exactly these families' scopes (+ dead letters). */
  readonly publishes: readonly Family[];
  /** Interaction families the agent handles through its durable partition consumers. */
  readonly consumes: readonly InteractionFamily[];
  /** Families the agent reads without consuming (ordered consumers, last-per-subject watches). */
  readonly reads: readonly Family[];
}

/** The agent table of docs/bus.md. */
export const AGENTS = [
  agent('perception', { publishes: ['signal'], consumes: ['perception'] }),
  agent('qualification', { publishes: ['intent'], consumes: ['signal'] }),
  agent('escalation-governor', {
    publishes: ['decision'],
    consumes: ['intent', 'handoff', 'appointment'],
    reads: ['closer'],
  }),
  agent('router', {
    publishes: ['handoff', 'telephony'],
    consumes: ['decision', 'reservation', 'callprogress'],
    reads: ['closer', 'intent'],
  }),
  agent('scheduler', {
    publishes: ['appointment', 'telephony'],
    consumes: ['decision', 'handoff', 'schedule'],
    reads: ['closer', 'intent'],
  }),
  agent('gateway', {
    publishes: ['perception', 'callprogress', 'reservation', 'schedule', 'closer'],
    consumes: [],
    reads: ['intent', 'decision', 'handoff', 'appointment', 'closer', 'dlq'],
  }),
  agent('simulator', {
    publishes: ['perception', 'callprogress', 'reservation', 'schedule', 'closer'],
    consumes: ['telephony'],
    reads: ['signal', 'intent', 'decision', 'handoff', 'appointment', 'closer', 'dlq'],
  }),
] as const satisfies readonly AgentSpec[];

/** An agent name from the table, e.g. "router". */
export type AgentName = (typeof AGENTS)[number]['agent'];

const byName = new Map<string, AgentSpec>(AGENTS.map((spec) => [spec.agent, spec]));

/** The table row of an agent, or `null` for an unknown name. */
export function agentSpec(name: string): AgentSpec | null {
  return byName.get(name) ?? null;
}

/** True when `name` is one of the agents. */
export function isAgentName(name: string): name is AgentName {
  return byName.has(name);
}

/**
 * The scopes an agent's envelopes carry: the publish scope of each family it publishes, plus
 * `deadletter.publish` (every consuming agent records what it could not process).
 */
export function agentScopes(name: AgentName): string[] {
  const spec = byName.get(name);
  if (!spec) throw new RangeError(`unknown agent "${name}"`);
  const families: Family[] = [...spec.publishes, 'dlq'];
  return [...new Set(families.map((family) => requiredScope(family)))];
}

/**
 * The environment variable that holds a NATS user's password for the server configs in deploy/nats
 * (`WL_NATS_PASSWORD_ESCALATION_GOVERNOR` for "escalation-governor"; the provisioning user is "admin").
 */
export function natsPasswordVariable(user: string): string {
  return `WL_NATS_PASSWORD_${user.toUpperCase().replace(/-/g, '_')}`;
}

function agent<const A extends string>(
  name: A,
  rights: {
    publishes: readonly Family[];
    consumes: readonly InteractionFamily[];
    reads?: readonly Family[];
  },
): {
  agent: A;
  publishes: readonly Family[];
  consumes: readonly InteractionFamily[];
  reads: readonly Family[];
} {
  return { agent: name, ...rights, reads: rights.reads ?? [] };
}
