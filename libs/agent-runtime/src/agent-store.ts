// Which store an agent uses, chosen once by configuration: MongoDB when MONGODB_URI is set (a
// queryable system of record), else the embedded default, JetStream KV on the agent's own broker
// connection credentials. Both pass the same contract suite, so agents cannot tell them apart.
import { openKvStore, openMongoStore, type WarmlineStore } from '@warmline/store';
import type { AgentConfig } from './agent-config.js';

/** The store settings of an agent (part of AgentConfig). */
export type StoreConfig =
  | { readonly kind: 'kv' }
  | { readonly kind: 'mongodb'; readonly uri: string; readonly database: string | undefined };

/** Reads `MONGODB_URI` / `WARMLINE_MONGODB_DATABASE`; KV when the URI is unset. */
export function readStoreConfig(env: NodeJS.ProcessEnv): StoreConfig {
  const uri = env['MONGODB_URI']?.trim();
  if (!uri) return { kind: 'kv' };
  return { kind: 'mongodb', uri, database: env['WARMLINE_MONGODB_DATABASE']?.trim() || undefined };
}

/** Opens the agent's store (verifying, never creating, what provisioning made). */
export function openAgentStore(config: AgentConfig): Promise<WarmlineStore> {
  if (config.store.kind === 'mongodb') {
    return openMongoStore({
      uri: config.store.uri,
      ...(config.store.database ? { database: config.store.database } : {}),
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
