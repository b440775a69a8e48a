// The governor's own settings, read once at start-up: its campaign policies, the key it signs
// grants with, and how often a grant in force is re-checked between intent versions.
import {
  AgentConfigError,
  optionalMs,
  readPolicyBook,
  type ReadText,
} from '@warmline/agent-runtime';
import {
  DEFAULT_SIGNING_SEED_ENV,
  isAuthorityError,
  signingKeyFromEnv,
  type SigningKey,
} from '@warmline/authority';
import type { PolicyBook } from '@warmline/policy';

/** Default pause between two checks of a grant in force (expiry, readiness decay). */
export const DEFAULT_GRANT_CHECK_INTERVAL_MS = 1_000;

export interface GovernorSettings {
  readonly policies: PolicyBook;
  readonly signingKey: SigningKey;
  /** Longest pause between two revocation checks of an unused grant. */
  readonly grantCheckIntervalMs: number;
}

/**
 * `WARMLINE_POLICY_FILES` (comma-separated YAML/JSON policy files; DEFAULT_POLICY when unset),
 * `WARMLINE_GRANT_SIGNING_SEED` (the nkey seed grants are signed with; required) and
 * `WARMLINE_GRANT_CHECK_INTERVAL_MS` (default 1000). Throws AgentConfigError naming the variable.
 */
export function readGovernorSettings(
  env: NodeJS.ProcessEnv,
  readText?: ReadText,
): GovernorSettings {
  return {
    policies: readPolicyBook(env, readText),
    signingKey: readSigningKey(env),
    grantCheckIntervalMs:
      optionalMs(env, 'WARMLINE_GRANT_CHECK_INTERVAL_MS') ?? DEFAULT_GRANT_CHECK_INTERVAL_MS,
  };
}

function readSigningKey(env: NodeJS.ProcessEnv): SigningKey {
  const variable = DEFAULT_SIGNING_SEED_ENV;
  if ((env[variable] ?? '').trim() === '') {
    throw new AgentConfigError(
      variable,
      'is required: the nkey seed the governor signs authority grants with (see libs/authority)',
    );
  }
  try {
    return signingKeyFromEnv(variable, env);
  } catch (err) {
    // The message names the variable and never echoes the seed.
    if (isAuthorityError(err)) throw new AgentConfigError(variable, err.message);
    throw err;
  }
}
