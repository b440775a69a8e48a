// The shape of a campaign policy document. Every object is strict: an unknown key (a typo such as
// "readinessTreshold") is an error, never silently ignored. Cross-field rules live in policy-rules.ts.
import { z } from 'zod';
import {
  FALLBACK_ACTIONS,
  FALLBACK_CONDITIONS,
  MARKER_NAMES,
  SIGNAL_FAULT_NAMES,
} from './vocabulary.js';

/** The longest grant lifetime @warmline/authority will sign (its MAX_GRANT_TTL_MS). */
export const MAX_GRANT_TTL_MS = 3_600_000;

const UINT32_MAX = 0xffff_ffff;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { error: 'must match [A-Za-z0-9_-]{1,128}' });
const fraction = z.number().min(0).max(1);
const positiveMs = z.int().min(1).max(UINT32_MAX);
const grantTtlMs = z
  .int()
  .min(1)
  .max(MAX_GRANT_TTL_MS)
  .describe(`Lifetime of the signed grant, ms (at most ${MAX_GRANT_TTL_MS}).`);
const markers = z
  .array(z.enum(MARKER_NAMES))
  .min(1)
  .describe('Markers that must be VALIDATED, e.g. [scope_confirmed, timing_consent].');
const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'must be a time like "09:00" (24 h)' });

const fallbackRule = z
  .strictObject({
    when: z.enum(FALLBACK_CONDITIONS).describe('The live-transfer failure this rule matches.'),
    then: z.enum(FALLBACK_ACTIONS).describe('What the router does then.'),
  })
  .describe('One fallback rule; rules are checked in order and the first match wins.');

const liveTransfer = z
  .strictObject({
    enabled: z.boolean(),
    requiredMarkers: markers,
    readinessThreshold: fraction.describe('Decayed readiness needed, 0..1.'),
    maxAttempts: z.int().min(1).max(20).describe('Closers to try for one transfer.'),
    grantTtlMs,
    reservationTimeoutMs: positiveMs.describe('How long a closer reservation may stay pending.'),
    readinessWindowMs: positiveMs.describe(
      'How long after the readiness peak the buyer may still be connected.',
    ),
    transferMode: z.enum(['warm', 'cold']).describe('warm = the closer is briefed first.'),
    fallbackRules: z.array(fallbackRule),
  })
  .describe('Authorising a live transfer to a human closer.');

const appointment = z
  .strictObject({
    enabled: z.boolean(),
    requiredMarkers: markers,
    readinessThreshold: fraction.describe('Decayed readiness needed, 0..1.'),
    requireConsentWindow: z
      .boolean()
      .describe('Authorise only when the buyer gave a timing window that has not yet ended.'),
    slotDurationMs: positiveMs.describe('Length of a booked slot.'),
    grantTtlMs,
  })
  .describe('Authorising an appointment booking.');

const signalQuality = z
  .strictObject({
    minAsrConfidence: fraction.describe(
      'Floor on ASR confidence; a required marker validated only on transcript evidence below it does not count.',
    ),
    maxAsrLatencyMs: positiveMs.describe('ASR lag beyond this is an asr_lag fault (perception).'),
    minAmdConfidence: fraction.describe(
      'An answering-machine "human" result below this confidence holds the call.',
    ),
    minAssertionConfidence: fraction.describe(
      'Floor on the confidence of structured assertions from the voice agent LLM.',
    ),
    maxPromptDriftScore: fraction.describe(
      'Drift score beyond this is a prompt_drift fault (perception).',
    ),
    maxFaultRatio: fraction.describe(
      'Faulted signals / all signals of the interaction beyond this is a degraded signal.',
    ),
    minSignalsForFaultRatio: z
      .int()
      .min(1)
      .describe('The fault ratio is judged only once this many signals were seen.'),
    holdOnFaults: z
      .array(z.enum(SIGNAL_FAULT_NAMES))
      .describe('Recent perception faults that hold escalation (degraded signal).'),
  })
  .describe('Signal-quality floors.');

const operatingHours = z
  .strictObject({
    timeZone: z.string().describe('IANA time zone of the closer team, e.g. "America/New_York".'),
    days: z
      .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
      .min(1)
      .describe('Days closers take live transfers.'),
    start: clockTime.describe('Opening time, "HH:MM" local.'),
    end: clockTime.describe('Closing time (exclusive), "HH:MM" local, after start.'),
  })
  .describe('When live transfers are possible; outside them only appointments are authorised.');

const controls = z
  .strictObject({
    escalationsPerMinute: z
      .int()
      .min(1)
      .describe('Live-transfer authorisations per minute for the team; beyond it, appointments.'),
    maxPendingTransfersPerAvailableCloser: z
      .number()
      .gt(0)
      .describe('Pending transfers allowed per available closer.'),
    decisionTimeoutMs: positiveMs.describe(
      'An intent version older than this when evaluated is not decided on (stale).',
    ),
    readinessHalfLifeMs: positiveMs.describe('Readiness halves after this long without evidence.'),
    escalationLimitPerInteraction: z
      .int()
      .min(1)
      .max(100)
      .describe('Grants one interaction may receive in total.'),
    operatingHours: operatingHours.optional(),
  })
  .describe('Operational controls.');

/** The zod schema of a campaign policy document (structure only; see policy-rules.ts). */
export const campaignPolicySchema = z
  .strictObject({
    id: id.describe('Policy id, written into every grant and decision.'),
    version: z.int().min(1).max(UINT32_MAX).describe('Policy version; bump on every change.'),
    description: z.string().optional().describe('What this policy is for, for people.'),
    campaigns: z
      .array(
        z.union([z.literal('*'), id], {
          error: 'must be "*" or a campaign id matching [A-Za-z0-9_-]{1,128}',
        }),
      )
      .min(1)
      .describe('Campaign ids this policy applies to, or ["*"] for every other campaign.'),
    team: id.describe('Closer team; rate limits count per team.'),
    actions: z.strictObject({ liveTransfer, appointment }),
    signalQuality,
    controls,
  })
  .describe('A Warmline campaign escalation policy.');

type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A validated campaign policy. */
export type CampaignPolicy = DeepReadonly<z.output<typeof campaignPolicySchema>>;
export type LiveTransferPolicy = CampaignPolicy['actions']['liveTransfer'];
export type AppointmentPolicy = CampaignPolicy['actions']['appointment'];
export type SignalQualityPolicy = CampaignPolicy['signalQuality'];
export type PolicyControls = CampaignPolicy['controls'];
export type OperatingHours = NonNullable<PolicyControls['operatingHours']>;
export type FallbackRulePolicy = LiveTransferPolicy['fallbackRules'][number];
