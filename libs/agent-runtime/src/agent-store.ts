// Which store an agent uses, chosen once by configuration: MongoDB when MONGODB_URI is set (a
// queryable system of record), else the embedded default, JetStream KV on the agent's own broker
// connection credentials. Both pass the same contract suite, so agents cannot tell them apart.
import {
  openKvStore,
  openMongoStore,
  type MongoStoreWriteConcern,
  type WarmlineStore,
} from '@warmline/store';
import type { AgentConfig } from './agent-config.js';
import { AgentConfigError } from './config-error.js';

/** The store settings of an agent (part of AgentConfig). */
export type StoreConfig =
  | { readonly kind: 'kv' }
  | {
      readonly kind: 'mongodb';
      readonly uri: string;
      readonly database: string | undefined;
      /** Unset: the store's default, `majority`. */
      readonly writeConcern?: MongoStoreWriteConcern;
      /** Unset: the store's default, true. */
      readonly retryWrites?: boolean;
      /** Unset: the store's default wait for a usable server (5 s). */
      readonly timeoutMs?: number;
    };

/**
 * Reads `MONGODB_URI` / `WARMLINE_MONGODB_DATABASE`; KV when the URI is unset. The MongoDB durability
 * settings default to the store's (write concern `majority`, retryable writes on) and can be changed
 * per deployment: `WARMLINE_MONGODB_WRITE_CONCERN` (`majority` or a member count ≥ 1),
 * `WARMLINE_MONGODB_RETRY_WRITES` (`true` / `false`), `WARMLINE_MONGODB_TIMEOUT_MS`.
 */
export function readStoreConfig(env: NodeJS.ProcessEnv): StoreConfig {
  const uri = env['MONGODB_URI']?.trim();
  if (!uri) return { kind: 'kv' };
  const writeConcern = writeConcernOf(env['WARMLINE_MONGODB_WRITE_CONCERN']);
  const retryWrites = flagOf(env, 'WARMLINE_MONGODB_RETRY_WRITES');
  const timeoutMs = positiveMsOf(env, 'WARMLINE_MONGODB_TIMEOUT_MS');
  return {
    kind: 'mongodb',
    uri,
    database: env['WARMLINE_MONGODB_DATABASE']?.trim() || undefined,
    ...(writeConcern === undefined ? {} : { writeConcern }),
    ...(retryWrites === undefined ? {} : { retryWrites }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

function writeConcernOf(raw: string | undefined): MongoStoreWriteConcern | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value === 'majority') return { w: 'majority' };
  const members = Number(value);
  if (!Number.isInteger(members) || members < 1) {
    throw new AgentConfigError(
      'WARMLINE_MONGODB_WRITE_CONCERN',
      `must be "majority" or a number of members ≥ 1 (an unacknowledged write cannot report a compare-and-set), got "${value}"`,
    );
  }
  return { w: members };
}

function flagOf(env: NodeJS.ProcessEnv, variable: string): boolean | undefined {
  const value = env[variable]?.trim().toLowerCase();
  if (!value) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new AgentConfigError(variable, `must be true or false, got "${env[variable]}"`);
}

function positiveMsOf(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const value = env[variable]?.trim();
  if (!value) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new AgentConfigError(
      variable,
      `must be a positive whole number of milliseconds, got "${value}"`,
    );
  }
  return ms;
}

/** Opens the agent's store (verifying, never creating, what provisioning made). */
export function openAgentStore(config: AgentConfig): Promise<WarmlineStore> {
  if (config.store.kind === 'mongodb') {
    const { uri, database, writeConcern, retryWrites, timeoutMs } = config.store;
    return openMongoStore({
      uri,
      ...(database ? { database } : {}),
      ...(writeConcern ? { writeConcern } : {}),
      ...(retryWrites === undefined ? {} : { retryWrites }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
  }
  return openKvStore({
    servers: [...config.nats.servers],
    connection: {
      name: `${config.agent}@${config.instance}:store`,
      ...(config.nats.user === undefined
        ? {}
        : { user: config.nats.user, pass: config.nats.pass ?? '' }),
      maxReconnectAttempts: -1,
    },
  });
}

/** A description of the store for logs, without credentials. */
export function describeStore(config: StoreConfig): string {
  if (config.kind === 'kv') return 'JetStream KV';
  return `MongoDB ${config.uri.replace(/\/\/[^@/]*@/, '//***@')}`;
}
