// The provisioning step's settings, read once and validated: where the broker is, as whom, how many
// replicas, and optionally which MongoDB to prepare.
import {
  AgentConfigError,
  optionalMs,
  readStoreConfig,
  type StoreConfig,
} from '@warmline/agent-runtime';

export interface ProvisionSettings {
  /** Replicas of every stream and KV bucket (`WARMLINE_JETSTREAM_REPLICAS`: 1, 3 or 5; default 1). */
  readonly replicas: 1 | 3 | 5;
  /** How long to keep retrying while the cluster comes up (`WARMLINE_PROVISION_TIMEOUT_MS`, 120 s). */
  readonly timeoutMs: number;
  /** MongoDB to prepare as well when `MONGODB_URI` is set. */
  readonly store: StoreConfig;
}

/** Reads the settings; NATS_URL and WL_NATS_PASSWORD_ADMIN are required (no local broker here). */
export function readProvisionSettings(env: NodeJS.ProcessEnv): ProvisionSettings {
  if (!env['NATS_URL']) {
    throw new AgentConfigError('NATS_URL', 'is required: the broker (or cluster) to provision');
  }
  if (!env['WL_NATS_PASSWORD_ADMIN']) {
    throw new AgentConfigError('WL_NATS_PASSWORD_ADMIN', "is required: the admin user's password");
  }
  const raw = env['WARMLINE_JETSTREAM_REPLICAS'] ?? '1';
  if (raw !== '1' && raw !== '3' && raw !== '5') {
    throw new AgentConfigError('WARMLINE_JETSTREAM_REPLICAS', `must be 1, 3 or 5, got "${raw}"`);
  }
  return {
    replicas: Number(raw) as 1 | 3 | 5,
    timeoutMs: optionalMs(env, 'WARMLINE_PROVISION_TIMEOUT_MS') ?? 120_000,
    store: readStoreConfig(env),
  };
}
