// The router's own settings, read once at start-up. A bad value stops the process with the name of
// the variable: the trusted grant issuers (without them no grant could ever be verified) and the
// defaults used where a grant leaves a limit at 0 ("policy default").
import { AgentConfigError, optionalMs } from '@warmline/agent-runtime';
import { isAuthorityError, trustedIssuerKeysFromEnv } from '@warmline/authority';

export interface RouterSettings {
  /** nkey public keys of the governors whose grants the router accepts. */
  readonly trustedIssuerKeys: readonly string[];
  /** How long a closer's phone rings before telephony gives up (DialCloser.timeout_ms). */
  readonly dialTimeoutMs: number;
  /** Closers tried for one transfer when the grant's max_attempts is 0. */
  readonly defaultMaxAttempts: number;
  /** How long a reservation waits for the desk when the grant's reservation_timeout_ms is 0. */
  readonly defaultReservationTimeoutMs: number;
  /** How long past the dial timeout the router waits for telephony's verdict before calling it no answer. */
  readonly ringGraceMs: number;
}

/** Defaults of the settings that have one. */
export const ROUTER_DEFAULTS = {
  dialTimeoutMs: 20_000,
  defaultMaxAttempts: 2,
  defaultReservationTimeoutMs: 15_000,
  ringGraceMs: 5_000,
} as const;

const TRUSTED_KEYS_VARIABLE = 'WARMLINE_GRANT_TRUSTED_KEYS';

/**
 * `WARMLINE_GRANT_TRUSTED_KEYS` (required), `WARMLINE_DIAL_TIMEOUT_MS`, `WARMLINE_DEFAULT_MAX_ATTEMPTS`,
 * `WARMLINE_RESERVATION_TIMEOUT_MS` and `WARMLINE_RING_GRACE_MS`.
 */
export function readRouterSettings(env: NodeJS.ProcessEnv): RouterSettings {
  return {
    trustedIssuerKeys: trustedKeys(env),
    dialTimeoutMs: optionalMs(env, 'WARMLINE_DIAL_TIMEOUT_MS') ?? ROUTER_DEFAULTS.dialTimeoutMs,
    defaultMaxAttempts:
      optionalCount(env, 'WARMLINE_DEFAULT_MAX_ATTEMPTS') ?? ROUTER_DEFAULTS.defaultMaxAttempts,
    defaultReservationTimeoutMs:
      optionalMs(env, 'WARMLINE_RESERVATION_TIMEOUT_MS') ??
      ROUTER_DEFAULTS.defaultReservationTimeoutMs,
    ringGraceMs: optionalMs(env, 'WARMLINE_RING_GRACE_MS') ?? ROUTER_DEFAULTS.ringGraceMs,
  };
}

function trustedKeys(env: NodeJS.ProcessEnv): string[] {
  try {
    return trustedIssuerKeysFromEnv(TRUSTED_KEYS_VARIABLE, env);
  } catch (err) {
    if (!isAuthorityError(err)) throw err;
    throw new AgentConfigError(
      TRUSTED_KEYS_VARIABLE,
      `must list the escalation governor's grant public keys: ${err.message}`,
    );
  }
}

function optionalCount(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 20) {
    throw new AgentConfigError(variable, `must be a whole number from 1 to 20, got "${raw}"`);
  }
  return value;
}
