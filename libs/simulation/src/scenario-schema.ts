// The shape of a scenario document. Every object is strict: an unknown key (a typo such as
// "duplicatRate") is an error, never silently ignored. Cross-field rules live in scenario-rules.ts.
import { z } from 'zod';
import {
  OBJECTION_TOPICS,
  PERSONAS,
  SIMULATION_MODES,
  TIMING_KINDS,
  WEEKDAYS,
} from './vocabulary.js';

const UINT32_MAX = 0xffff_ffff;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must match [A-Za-z0-9_-]{1,64}' });
const rate = z.number().min(0).max(1);
const weight = z.number().min(0).max(1_000_000);
const ms = z.int().min(0).max(UINT32_MAX);
const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'must be a time like "09:00" (24 h)' });
const msRange = z
  .strictObject({ min: ms, max: ms })
  .describe('A range of milliseconds, drawn uniformly; min ≤ max.');
const weights = z
  .record(z.string(), weight)
  .describe('Choices with relative weights, e.g. { "America/Chicago": 2, "America/New_York": 1 }.');

const personaMix = z
  .strictObject(
    Object.fromEntries(PERSONAS.map((persona) => [persona, weight])) as {
      [K in (typeof PERSONAS)[number]]: typeof weight;
    },
  )
  .describe('Relative weights of the buyer personas.');

const buyers = z
  .strictObject({
    mix: personaMix,
    timeZones: weights.describe('IANA time zones of buyers, weighted.'),
    languages: weights.describe('BCP 47 languages of buyers (en or en-*), weighted.'),
    territories: weights.describe('Sales territories of buyers, weighted.'),
    timing: z
      .strictObject(
        Object.fromEntries(TIMING_KINDS.map((kind) => [kind, weight])) as {
          [K in (typeof TIMING_KINDS)[number]]: typeof weight;
        },
      )
      .describe('What ready buyers say about timing: "now" or a call-back window.'),
    objectionTopics: z
      .array(z.enum(OBJECTION_TOPICS))
      .min(1)
      .describe('Topics objecting buyers raise, drawn uniformly.'),
    objectionResolveRate: rate.describe('Share of objecting buyers whose objection is resolved.'),
    permissionFirstRate: rate.describe(
      'Share of calls in which the agent asks for permission to transfer before proposing the next step.',
    ),
    assertionRate: rate.describe(
      "Share of buyer statements the voice agent's LLM also reports as a structured assertion.",
    ),
  })
  .describe('Who the buyers are.');

const workingHours = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS)).min(1),
    start: clockTime.describe('Opening time, "HH:MM" local.'),
    end: clockTime.describe('Closing time (exclusive), "HH:MM" local, after start.'),
  })
  .describe('One weekly working period in the closer time zone.');

const closerTraits = {
  skills: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'must be lower_snake_case' })),
  languages: z.array(z.string()).min(1),
  territories: z.array(z.string()).describe('Territories covered; empty = all.'),
  timeZone: z.string(),
  workingHours: z
    .union([z.literal('always'), z.array(workingHours).min(1)], {
      error: 'must be "always" or a list of { days, start, end }',
    })
    .describe('"always" (every day, all day: covers any simulation time) or weekly periods.'),
  capacity: z.int().min(1).max(100),
  declineRate: rate,
  noAnswerRate: rate,
  voicemailRate: rate,
  answerDelayMs: msRange.describe('How long the closer takes to accept a reservation / pick up.'),
  talkTimeMs: msRange.describe('How long a bridged call lasts after any re-qualification.'),
};

const closerDefaults = z.strictObject(closerTraits).describe('Traits every closer starts from.');

const listedCloser = z
  .strictObject({
    id,
    displayName: z.string().min(1).max(80).optional(),
    ...Object.fromEntries(
      Object.entries(closerTraits).map(([key, schema]) => [key, schema.optional()]),
    ),
  } as { id: typeof id; displayName: z.ZodOptional<z.ZodString> } & {
    [K in keyof typeof closerTraits]: z.ZodOptional<(typeof closerTraits)[K]>;
  })
  .describe('One closer: an id, and any traits that differ from the defaults.');

const closers = z
  .strictObject({
    count: z
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('Generate this many closers from defaults.'),
    list: z.array(listedCloser).min(1).max(1000).optional().describe('Or name each closer.'),
    defaults: closerDefaults,
  })
  .describe('The closer pool: exactly one of count or list.');

const faults = z
  .strictObject({
    amdErrorRate: rate.describe(
      'Share of calls whose answering-machine result is wrong or unsure.',
    ),
    asrLagRate: rate.describe('Share of transcript segments that arrive late.'),
    asrLagMs: ms.describe('asr_latency_ms of a lagging segment (and how late it is sent).'),
    duplicateRate: rate.describe('Share of events sent twice (same event id).'),
    reorderRate: rate.describe('Share of events sent later than their sequence says.'),
    reorderWindow: z.int().min(1).max(20).describe('How many places an event may move.'),
    tokenLimitRate: rate.describe("Share of calls on which the agent's LLM runs out of context."),
    promptDriftRate: rate.describe('Share of calls on which the agent drifts off its prompt.'),
  })
  .describe('Perception faults to inject.');

const policyOverride = z
  .strictObject({
    liveTransfer: z
      .strictObject({
        enabled: z.boolean().optional(),
        transferMode: z.enum(['warm', 'cold']).optional(),
        readinessThreshold: rate.optional(),
        maxAttempts: z.int().min(1).max(20).optional(),
        reservationTimeoutMs: z.int().min(1).max(UINT32_MAX).optional(),
      })
      .optional(),
    appointment: z
      .strictObject({
        enabled: z.boolean().optional(),
        requireConsentWindow: z.boolean().optional(),
        readinessThreshold: rate.optional(),
      })
      .optional(),
  })
  .describe("Fields of the campaign policy's actions to set for one mode, over the mode's own.");

/** The zod schema of a scenario document (structure only; see scenario-rules.ts). */
export const scenarioSchema = z
  .strictObject({
    seed: z.int().min(0).max(UINT32_MAX).describe('Same seed, same buyers, faults and report.'),
    campaignId: id.describe('Campaign of every call (per-mode ids are derived from it).'),
    description: z.string().optional(),
    calls: z.int().min(1).max(100_000).describe('Calls per mode.'),
    concurrency: z.int().min(1).max(10_000).describe('Calls in flight at once, at most.'),
    arrivalRatePerSecond: z
      .number()
      .gt(0)
      .max(10_000)
      .describe('Mean rate new calls start at (wall clock, Poisson arrivals).'),
    timeScale: z
      .number()
      .gt(0)
      .max(1_000)
      .describe('Simulated ms per wall-clock ms: 10 plays a 60 s conversation in 6 s.'),
    callLimitMs: ms.min(1).describe('Simulated length after which a call is given up on.'),
    modes: z
      .array(z.enum(SIMULATION_MODES))
      .min(1)
      .describe('Modes to run, each on the same buyers; more than one adds a comparison.'),
    buyers,
    closers,
    faults,
    policy: z
      .strictObject(
        Object.fromEntries(SIMULATION_MODES.map((mode) => [mode, policyOverride.optional()])) as {
          [K in (typeof SIMULATION_MODES)[number]]: z.ZodOptional<typeof policyOverride>;
        },
      )
      .optional()
      .describe('Extra campaign-policy overrides per mode.'),
  })
  .describe('A Warmline simulation scenario.');

type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A validated scenario. */
export type Scenario = DeepReadonly<z.output<typeof scenarioSchema>>;
export type BuyerPopulation = Scenario['buyers'];
export type CloserPool = Scenario['closers'];
export type CloserTraits = Scenario['closers']['defaults'];
export type ListedCloser = NonNullable<Scenario['closers']['list']>[number];
export type FaultRates = Scenario['faults'];
export type WorkingPeriod = Exclude<CloserTraits['workingHours'], 'always'>[number];
export type MsRange = CloserTraits['answerDelayMs'];
export type PolicyOverride = NonNullable<NonNullable<Scenario['policy']>['warm']>;
