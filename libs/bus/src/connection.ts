// One NATS connection per agent process: named after the agent, authenticated as its own user,
// reconnecting forever with jitter (a broker restart must not need an agent restart).
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RECONNECT_JITTER_MS, RECONNECT_TIME_WAIT_MS } from './constants.js';
import { InvalidBusOptionsError } from './errors.js';

/** Who this process is on the bus and how it reaches the broker. */
export interface BusConnectionOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  readonly servers: string | readonly string[];
  /** Agent name (`perception`, `router`, …): names durable consumers and the dead-letter subject. */
  readonly agent: string;
  /** This replica's id (pod name, hostname…): shows in the connection name and `Envelope.producer`. */
  readonly instance: string;
  /** NATS user of this agent (deploy/nats/); omitted on an open development server. */
  readonly user?: string;
  readonly pass?: string;
  readonly reconnectTimeWaitMs?: number;
  readonly reconnectJitterMs?: number;
}

// Agent names become parts of consumer names and subjects: no dots, wildcards or spaces.
const AGENT_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Checks the identity options once, naming the bad one. */
export function validateConnectionOptions(options: BusConnectionOptions): void {
  if (!AGENT_NAME.test(options.agent)) {
    throw new InvalidBusOptionsError(
      `agent "${options.agent}" must match ${AGENT_NAME} (it names consumers and wl.dlq.<agent>)`,
    );
  }
  if (options.instance.trim() === '') {
    throw new InvalidBusOptionsError('instance must be a non-empty replica id');
  }
  const servers = typeof options.servers === 'string' ? [options.servers] : options.servers;
  if (servers.length === 0 || servers.some((s) => s.trim() === '')) {
    throw new InvalidBusOptionsError('servers must list at least one NATS URL');
  }
}

/** The connection name the broker shows for this replica (`<agent>@<instance>`). */
export function connectionName(options: Pick<BusConnectionOptions, 'agent' | 'instance'>): string {
  return `${options.agent}@${options.instance}`;
}

/** Opens this agent's NATS connection; rejects if the broker cannot be reached at start-up. */
export async function connectBus(options: BusConnectionOptions): Promise<NatsConnection> {
  validateConnectionOptions(options);
  return connect({
    servers: typeof options.servers === 'string' ? options.servers : [...options.servers],
    name: connectionName(options),
    ...(options.user === undefined ? {} : { user: options.user, pass: options.pass ?? '' }),
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? RECONNECT_TIME_WAIT_MS,
    reconnectJitter: options.reconnectJitterMs ?? RECONNECT_JITTER_MS,
  });
}
