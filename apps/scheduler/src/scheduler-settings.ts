// The scheduler's own settings, read once at start-up: the governors it trusts, how long an
// appointment lasts, how slots are searched, what the invites say and how long the calendar keeps
// finished appointments. A bad value stops the process with the variable's name.
import { AgentConfigError, optionalMs } from '@warmline/agent-runtime';
import {
  DEFAULT_TRUSTED_KEYS_ENV,
  MAX_GRANT_TTL_MS,
  isAuthorityError,
  trustedIssuerKeysFromEnv,
} from '@warmline/authority';
import {
  isSchedulingError,
  resolveSchedulingOptions,
  type ResolvedSchedulingOptions,
} from '@warmline/scheduling';

/** Who sends the invites (ORGANIZER); absent when no scheduling mailbox is configured. */
export interface InviteOrganizer {
  readonly email: string;
  readonly name?: string;
}

export interface SchedulerSettings {
  /** nkey public keys of the governors whose grants are accepted. */
  readonly trustedIssuerKeys: readonly string[];
  /** Length of every appointment, ms. */
  readonly appointmentDurationMs: number;
  readonly scheduling: ResolvedSchedulingOptions;
  /** How long a finished appointment (and an answered request) stays in the calendar, ms. */
  readonly calendarRetentionMs: number;
  /** SUMMARY of every invite. */
  readonly inviteSummary: string;
  readonly organizer: InviteOrganizer | null;
}

/** Default appointment length: 30 minutes. */
export const DEFAULT_APPOINTMENT_DURATION_MS = 30 * 60_000;

/** Default retention of finished appointments: 7 days. */
export const DEFAULT_CALENDAR_RETENTION_MS = 7 * 86_400_000;

/** Default invite title. */
export const DEFAULT_INVITE_SUMMARY = 'Appointment';

// The same address rule the invite builder enforces, checked here so a bad mailbox stops start-up.
const EMAIL = /^[^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+$/;

/**
 * Reads:
 * - `WARMLINE_GRANT_TRUSTED_KEYS` (required): the governors' public keys, comma or space separated;
 * - `WARMLINE_APPOINTMENT_DURATION_MS` (default 30 min);
 * - `WARMLINE_APPOINTMENT_BUFFER_MS`, `WARMLINE_SLOT_GRANULARITY_MS`, `WARMLINE_MIN_LEAD_TIME_MS`,
 *   `WARMLINE_ALTERNATIVES_HORIZON_MS`, `WARMLINE_MAX_ALTERNATIVES` (defaults of @warmline/scheduling);
 * - `WARMLINE_CALENDAR_RETENTION_MS` (default 7 days; at least the longest grant lifetime, so a
 *   grant that could still verify always finds the booking it made);
 * - `WARMLINE_INVITE_SUMMARY`, `WARMLINE_INVITE_ORGANIZER_EMAIL`, `WARMLINE_INVITE_ORGANIZER_NAME`.
 */
export function readSchedulerSettings(env: NodeJS.ProcessEnv): SchedulerSettings {
  const calendarRetentionMs =
    optionalMs(env, 'WARMLINE_CALENDAR_RETENTION_MS') ?? DEFAULT_CALENDAR_RETENTION_MS;
  if (calendarRetentionMs < MAX_GRANT_TTL_MS) {
    throw new AgentConfigError(
      'WARMLINE_CALENDAR_RETENTION_MS',
      `must be at least the longest grant lifetime (${MAX_GRANT_TTL_MS} ms), got ${calendarRetentionMs}`,
    );
  }
  return {
    trustedIssuerKeys: trustedKeys(env),
    appointmentDurationMs:
      optionalMs(env, 'WARMLINE_APPOINTMENT_DURATION_MS') ?? DEFAULT_APPOINTMENT_DURATION_MS,
    scheduling: schedulingOptions(env),
    calendarRetentionMs,
    inviteSummary: oneLine(env, 'WARMLINE_INVITE_SUMMARY') ?? DEFAULT_INVITE_SUMMARY,
    organizer: organizer(env),
  };
}

function trustedKeys(env: NodeJS.ProcessEnv): string[] {
  try {
    return trustedIssuerKeysFromEnv(DEFAULT_TRUSTED_KEYS_ENV, env);
  } catch (err) {
    if (!isAuthorityError(err)) throw err;
    throw new AgentConfigError(
      DEFAULT_TRUSTED_KEYS_ENV,
      `${err.message} (the escalation governor's public key; without it no grant can be verified)`,
    );
  }
}

// Each option keeps the variable it came from, so a range error names the variable, not the field.
const OPTION_VARIABLES = {
  bufferMs: 'WARMLINE_APPOINTMENT_BUFFER_MS',
  granularityMs: 'WARMLINE_SLOT_GRANULARITY_MS',
  minLeadTimeMs: 'WARMLINE_MIN_LEAD_TIME_MS',
  alternativesHorizonMs: 'WARMLINE_ALTERNATIVES_HORIZON_MS',
  maxAlternatives: 'WARMLINE_MAX_ALTERNATIVES',
} as const;

function schedulingOptions(env: NodeJS.ProcessEnv): ResolvedSchedulingOptions {
  const given: Record<string, number> = {};
  for (const [option, variable] of Object.entries(OPTION_VARIABLES)) {
    const value = wholeNumber(env, variable);
    if (value !== undefined) given[option] = value;
  }
  try {
    return resolveSchedulingOptions(given);
  } catch (err) {
    if (!isSchedulingError(err) || !('field' in err)) throw err;
    const variable = OPTION_VARIABLES[err.field as keyof typeof OPTION_VARIABLES];
    throw new AgentConfigError(variable ?? String(err.field), err.message);
  }
}

function wholeNumber(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AgentConfigError(variable, `must be a whole number of at least 0, got "${raw}"`);
  }
  return value;
}

function organizer(env: NodeJS.ProcessEnv): InviteOrganizer | null {
  const email = oneLine(env, 'WARMLINE_INVITE_ORGANIZER_EMAIL');
  const name = oneLine(env, 'WARMLINE_INVITE_ORGANIZER_NAME');
  if (email === undefined) {
    if (name !== undefined) {
      throw new AgentConfigError(
        'WARMLINE_INVITE_ORGANIZER_EMAIL',
        'is required when WARMLINE_INVITE_ORGANIZER_NAME is set',
      );
    }
    return null;
  }
  if (!EMAIL.test(email)) {
    throw new AgentConfigError(
      'WARMLINE_INVITE_ORGANIZER_EMAIL',
      `must be an e-mail address, got "${email}"`,
    );
  }
  return name === undefined ? { email } : { email, name };
}

function oneLine(env: NodeJS.ProcessEnv, variable: string): string | undefined {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (/[\r\n]/.test(raw)) throw new AgentConfigError(variable, 'must be one line');
  return raw;
}
