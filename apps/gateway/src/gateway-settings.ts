// The gateway's own settings, read once at start-up; a bad value stops the process with the
// variable's name (and, for API keys, the entry's position and source — never the key).
import { AgentConfigError, optionalMs, requiredString } from '@warmline/agent-runtime';
import { ApiKeyRing } from './api-keys.js';
import { readTwilioSettings, type TwilioSettings } from './twilio-settings.js';

/** Where the HTTP server listens and what it reads. */
export interface HttpSettings {
  /** `WARMLINE_HTTP_PORT`, default 8080; 0 lets the system pick a free port. */
  readonly port: number;
  /** `WARMLINE_HTTP_HOST`, default 0.0.0.0. */
  readonly host: string;
  /** `WARMLINE_HTTP_BODY_LIMIT_BYTES`, default 1 MiB; larger bodies get 413. */
  readonly bodyLimitBytes: number;
}

export interface GatewaySettings {
  readonly http: HttpSettings;
  readonly apiKeys: ApiKeyRing;
  /** `WARMLINE_SSE_KEEPALIVE_MS`, default 15 s: comment lines that keep idle streams open. */
  readonly sseKeepAliveMs: number;
  readonly twilio: TwilioSettings;
}

export const DEFAULT_HTTP_PORT = 8080;
export const DEFAULT_HTTP_HOST = '0.0.0.0';
export const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;
export const DEFAULT_SSE_KEEPALIVE_MS = 15_000;

/** Reads every gateway variable; `WARMLINE_API_KEYS` is required. */
export function readGatewaySettings(env: NodeJS.ProcessEnv): GatewaySettings {
  return {
    http: {
      port: portOf(env, 'WARMLINE_HTTP_PORT'),
      host: env['WARMLINE_HTTP_HOST']?.trim() || DEFAULT_HTTP_HOST,
      bodyLimitBytes: bytesOf(env, 'WARMLINE_HTTP_BODY_LIMIT_BYTES') ?? DEFAULT_BODY_LIMIT_BYTES,
    },
    apiKeys: ApiKeyRing.parse(
      requiredString(env, 'WARMLINE_API_KEYS', 'API keys as source:key:scope1+scope2,…'),
    ),
    sseKeepAliveMs: optionalMs(env, 'WARMLINE_SSE_KEEPALIVE_MS') ?? DEFAULT_SSE_KEEPALIVE_MS,
    twilio: readTwilioSettings(env),
  };
}

function portOf(env: NodeJS.ProcessEnv, variable: string): number {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return DEFAULT_HTTP_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new AgentConfigError(
      variable,
      `must be a port from 0 to 65535 (0 = any free port), got "${raw}"`,
    );
  }
  return port;
}

function bytesOf(env: NodeJS.ProcessEnv, variable: string): number | undefined {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return undefined;
  const bytes = Number(raw);
  if (!Number.isInteger(bytes) || bytes < 1_024) {
    throw new AgentConfigError(
      variable,
      `must be a whole number of bytes, at least 1024, got "${raw}"`,
    );
  }
  return bytes;
}
