// How Twilio callbacks are read: the auth token that verifies X-Twilio-Signature, the public URL
// Twilio signs, the buyer defaults for the CallStarted a callback opens, and the confidence given to
// each AnsweredBy value (Twilio reports none).
import { AgentConfigError } from '@warmline/agent-runtime';
import { IANAZone } from 'luxon';

/** Twilio's documented AnsweredBy values. */
export const TWILIO_ANSWERED_BY = [
  'human',
  'machine_start',
  'machine_end_beep',
  'machine_end_silence',
  'machine_end_other',
  'fax',
  'unknown',
] as const;
export type TwilioAnsweredBy = (typeof TWILIO_ANSWERED_BY)[number];

/**
 * Confidence published with each AnsweredBy value. Twilio's AMD gives a verdict, not a score: a
 * definitive verdict gets 0.9 (above perception's default 0.8 floor, so a "human" is trusted),
 * "unknown" gets 0.5 (below it, so perception flags it AMD_LOW_CONFIDENCE and the governor holds).
 */
export const DEFAULT_AMD_CONFIDENCE: Readonly<Record<TwilioAnsweredBy, number>> = {
  human: 0.9,
  machine_start: 0.9,
  machine_end_beep: 0.9,
  machine_end_silence: 0.9,
  machine_end_other: 0.9,
  fax: 0.9,
  unknown: 0.5,
};

export interface TwilioSettings {
  /** `WARMLINE_TWILIO_AUTH_TOKEN`: when set, a valid X-Twilio-Signature authenticates a callback. */
  readonly authToken: string | null;
  /** `WARMLINE_TWILIO_WEBHOOK_BASE_URL`: the scheme and host Twilio calls (behind TLS offload). */
  readonly webhookBaseUrl: string | null;
  /** `WARMLINE_TWILIO_BUYER_LANGUAGE`, default en-US: CallStarted.buyerLanguage unless the query says. */
  readonly buyerLanguage: string;
  /** `WARMLINE_TWILIO_TIME_ZONE`: CallStarted.timeZone unless the query says; no default. */
  readonly timeZone: string | null;
  /** `WARMLINE_TWILIO_AMD_CONFIDENCE`, e.g. "human:0.85,unknown:0.4", over DEFAULT_AMD_CONFIDENCE. */
  readonly amdConfidence: Readonly<Record<TwilioAnsweredBy, number>>;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Reads the WARMLINE_TWILIO_* variables, naming the bad one. */
export function readTwilioSettings(env: NodeJS.ProcessEnv): TwilioSettings {
  const language = env['WARMLINE_TWILIO_BUYER_LANGUAGE']?.trim() || 'en-US';
  if (!LANGUAGE_TAG.test(language)) {
    throw new AgentConfigError(
      'WARMLINE_TWILIO_BUYER_LANGUAGE',
      `"${language}" is not a BCP 47 tag`,
    );
  }
  const timeZone = env['WARMLINE_TWILIO_TIME_ZONE']?.trim() || null;
  if (timeZone !== null && !IANAZone.isValidZone(timeZone)) {
    throw new AgentConfigError(
      'WARMLINE_TWILIO_TIME_ZONE',
      `"${timeZone}" is not an IANA time zone`,
    );
  }
  return {
    authToken: env['WARMLINE_TWILIO_AUTH_TOKEN']?.trim() || null,
    webhookBaseUrl: baseUrlOf(env, 'WARMLINE_TWILIO_WEBHOOK_BASE_URL'),
    buyerLanguage: language,
    timeZone,
    amdConfidence: amdConfidenceOf(env, 'WARMLINE_TWILIO_AMD_CONFIDENCE'),
  };
}

function baseUrlOf(env: NodeJS.ProcessEnv, variable: string): string | null {
  const raw = env[variable]?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AgentConfigError(
      variable,
      `"${raw}" is not a URL such as https://gateway.example.com`,
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.search !== '' || url.hash !== '') {
    throw new AgentConfigError(
      variable,
      `"${raw}" must be an http(s) URL without query or fragment`,
    );
  }
  return raw.replace(/\/+$/, '');
}

function amdConfidenceOf(
  env: NodeJS.ProcessEnv,
  variable: string,
): Readonly<Record<TwilioAnsweredBy, number>> {
  const confidence: Record<TwilioAnsweredBy, number> = { ...DEFAULT_AMD_CONFIDENCE };
  const raw = env[variable]?.trim();
  if (!raw) return confidence;
  for (const entry of raw.split(',')) {
    const [name = '', value = ''] = entry.split(':').map((part) => part.trim());
    if (!(TWILIO_ANSWERED_BY as readonly string[]).includes(name)) {
      throw new AgentConfigError(
        variable,
        `"${name}" is not an AnsweredBy value (${TWILIO_ANSWERED_BY.join(', ')})`,
      );
    }
    const number = Number(value);
    if (value === '' || !Number.isFinite(number) || number < 0 || number > 1) {
      throw new AgentConfigError(variable, `${name} must be a number from 0 to 1, got "${value}"`);
    }
    confidence[name as TwilioAnsweredBy] = number;
  }
  return confidence;
}
