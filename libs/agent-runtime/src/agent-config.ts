// An agent's configuration, read from the environment once at start-up and validated, so a bad value
// stops the process with the variable's name instead of failing at the first message.
import { hostname } from 'node:os';
import { agentScopes, isValidId, natsPasswordVariable, type AgentName } from '@warmline/contracts';
import { readStoreConfig, type StoreConfig } from './agent-store.js';
import { AgentConfigError } from './config-error.js';

/** Where an agent connects and who it is there. */
export interface AgentConfig {
  readonly agent: AgentName;
  /** This replica's id: `WARMLINE_INSTANCE`, default `<hostname>-<pid>`. */
  readonly instance: string;
  readonly nats: {
    readonly servers: readonly string[];
    readonly user: string | undefined;
    readonly pass: string | undefined;
  };
  /** Scopes the agent's envelopes carry: exactly those of the agent table. */
  readonly scopes: readonly string[];
  /** How long a message may be handled before the broker redelivers it (ms). */
  readonly ackWaitMs: number | undefined;
  /** How long in-flight handlers may finish on shutdown (ms). */
  readonly shutdownGraceMs: number | undefined;
  /** Port of /healthz, /readyz and /metrics (`WARMLINE_HTTP_PORT`; 0 = any free one); off when unset. */
  readonly httpPort: number | undefined;
  /** Address the HTTP endpoints bind (`WARMLINE_HTTP_HOST`, default 0.0.0.0). */
  readonly httpHost: string;
  /** MongoDB when `MONGODB_URI` is set, else JetStream KV. */
  readonly store: StoreConfig;
}

/**
 * Reads the common agent variables:
 * - `NATS_URL`: comma-separated server URLs (default `nats://127.0.0.1:4222`)
 * - `NATS_USER` (default: the agent name) and `NATS_PASSWORD` or `WL_NATS_PASSWORD_<AGENT>`
 *   (omit both on a development server without users)
 * - `WARMLINE_INSTANCE`, `WARMLINE_ACK_WAIT_MS`, `WARMLINE_SHUTDOWN_GRACE_MS`
 * - `WARMLINE_HTTP_PORT` / `WARMLINE_HTTP_HOST`: health and metrics endpoints (off when unset)
 * - `MONGODB_URI` (+ `WARMLINE_MONGODB_DATABASE`): use MongoDB instead of the embedded JetStream KV
 */
export function readAgentConfig(agent: AgentName, env: NodeJS.ProcessEnv): AgentConfig {
  const servers = (env['NATS_URL'] ?? 'nats://127.0.0.1:4222')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (servers.length === 0) throw new AgentConfigError('NATS_URL', 'lists no server');
  for (const url of servers) {
    if (!/^(nats|tls|wss?):\/\/[^\s/]+(:\d+)?\/?$/.test(url) && !/^[^\s:/]+:\d+$/.test(url)) {
      throw new AgentConfigError('NATS_URL', `"${url}" is not a NATS URL like nats://host:4222`);
    }
  }
  const pass = env['NATS_PASSWORD'] ?? env[natsPasswordVariable(agent)];
  const instance = env['WARMLINE_INSTANCE'] ?? `${hostname()}-${process.pid}`;
  if (!isValidId(instance)) {
    throw new AgentConfigError(
      'WARMLINE_INSTANCE',
      `"${instance}" must be 1-128 characters of [A-Za-z0-9_-]`,
    );
  }
  return {
    agent,
    instance,
    nats: { servers, user: pass === undefined ? undefined : (env['NATS_USER'] ?? agent), pass },
    scopes: agentScopes(agent),
    ackWaitMs: optionalMs(env, 'WARMLINE_ACK_WAIT_MS'),
    shutdownGraceMs: optionalMs(env, 'WARMLINE_SHUTDOWN_GRACE_MS'),
    httpPort: optionalPort(env, 'WARMLINE_HTTP_PORT'),
    httpHost: env['WARMLINE_HTTP_HOST']?.trim() || '0.0.0.0',
    store: readStoreConfig(env),
  };
}

/** A positive integer of milliseconds from `variable`, or undefined when unset. */
export function optionalMs(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new AgentConfigError(
      variable,
      `must be a positive whole number of milliseconds, got "${raw}"`,
    );
  }
  return value;
}

/** A required non-empty string from `variable`. */
export function requiredString(env: NodeJS.ProcessEnv, variable: string, what: string): string {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') {
    throw new AgentConfigError(variable, `is required: ${what}`);
  }
  return raw.trim();
}

/** A TCP port (0..65535; 0 = any free one) from `variable`, or undefined when unset. */
export function optionalPort(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new AgentConfigError(variable, `must be a port number from 0 to 65535, got "${raw}"`);
  }
  return value;
}
