// The simulator's environment, read once: where the broker is and who the simulator is there (the
// same variables every agent reads), and the governor keys its telephony adapter trusts.
import { AgentConfigError, readAgentConfig } from '@warmline/agent-runtime';
import { AuthorityConfigError, trustedIssuerKeysFromEnv } from '@warmline/authority';
import { SimulatorConfigError } from './errors.js';

/** The variable listing the governor's grant public keys. */
export const TRUSTED_KEYS_VARIABLE = 'WARMLINE_GRANT_TRUSTED_KEYS';

/** How the simulator reaches the bus and whom it trusts. */
export interface SimulatorSettings {
  readonly bus: {
    readonly servers: readonly string[];
    /** NATS user (`simulator` unless NATS_USER says otherwise); undefined on an open dev server. */
    readonly user: string | undefined;
    readonly pass: string | undefined;
    /** This process's id on the bus (`WARMLINE_INSTANCE`, default `<host>-<pid>`). */
    readonly instance: string;
  };
  /** Public keys of the governors whose grants the telephony adapter accepts. */
  readonly trustedGrantKeys: readonly string[];
}

/**
 * Reads `NATS_URL`, `NATS_USER`, `WL_NATS_PASSWORD_SIMULATOR` (or `NATS_PASSWORD`),
 * `WARMLINE_INSTANCE` and `WARMLINE_GRANT_TRUSTED_KEYS` (required). Throws SimulatorConfigError
 * naming the bad variable.
 */
export function readSimulatorSettings(env: NodeJS.ProcessEnv): SimulatorSettings {
  try {
    const config = readAgentConfig('simulator', env);
    return {
      bus: { ...config.nats, instance: config.instance },
      trustedGrantKeys: trustedIssuerKeysFromEnv(TRUSTED_KEYS_VARIABLE, env),
    };
  } catch (err) {
    if (err instanceof AgentConfigError) {
      throw new SimulatorConfigError(err.variable, err.message.replace(`${err.variable}: `, ''));
    }
    if (err instanceof AuthorityConfigError) {
      throw new SimulatorConfigError(
        TRUSTED_KEYS_VARIABLE,
        `${err.message} (the public keys of the governor whose grants the simulated telephony accepts)`,
      );
    }
    throw err;
  }
}
