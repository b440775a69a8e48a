// The knobs of qualification, validated once at start-up and injected into every qualify() call.
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { compiledPhraseSet } from './compiled-phrase-set.js';
import { isIntentError, QualificationRulesError } from './errors.js';
import type { PhraseSet } from './phrase-set.js';

/** How the readiness score weighs its components (see readiness.ts). */
export interface ReadinessWeights {
  /** Weight of scope clarity. */
  readonly scope: number;
  /** Weight of acceptance of next steps (next step, permission, timing). */
  readonly acceptance: number;
  /** Weight of response cadence. */
  readonly cadence: number;
  /** How much full resistance takes off the score, 0..1 (0.6 = at most 60 % off). */
  readonly resistance: number;
  /** How much full resistance shortens the decay half-life, 0..1 (0.5 = decays twice as fast). */
  readonly frictionDecay: number;
}

/** How reply latency and silences become the cadence component. */
export interface CadenceRules {
  /** A reply or silence this short (or shorter) scores 1. */
  readonly promptReplyMs: number;
  /** A reply or silence this long (or longer) scores 0. */
  readonly slowReplyMs: number;
  /** Weight of each new observation in the running average, 0..1. */
  readonly smoothing: number;
}

export interface QualificationRules {
  /** ASR confidence a transcript needs to validate a marker (the policy's floor). */
  readonly minAsrConfidence: number;
  /** Confidence a structured assertion needs to validate a marker. */
  readonly minAssertionConfidence: number;
  /** Below this, an answering-machine result is "uncertain" rather than believed. */
  readonly minAmdConfidence: number;
  /** Phrase sets that take precedence over the shipped ones (e.g. a campaign-patched English). */
  readonly phraseSets: readonly PhraseSet[];
  /** Language assumed when neither CallStarted nor ASR named one. */
  readonly defaultLanguage: string;
  /** Zone consent windows are read in when CallStarted named none. */
  readonly defaultTimeZone: string;
  readonly readiness: ReadinessWeights;
  /** Readiness halves after this long without validating evidence. */
  readonly halfLifeMs: number;
  /** A readiness move smaller than this is not worth a new intent version on its own. */
  readonly minReadinessChange: number;
  readonly cadence: CadenceRules;
  /** How many recent buyer-relevant signals CallHealth.recent_faults covers. */
  readonly recentFaultSignals: number;
  /**
   * How long a fault stays recent (event time, ms): a buyer who waits silently after a cut or lagging
   * utterance is not held forever — the agent's next words age the fault out and a new version says so.
   */
  readonly recentFaultWindowMs: number;
}

/** Defaults a campaign starts from. */
export const DEFAULT_QUALIFICATION_RULES: QualificationRules = Object.freeze({
  minAsrConfidence: 0.75,
  minAssertionConfidence: 0.8,
  minAmdConfidence: 0.7,
  phraseSets: [],
  defaultLanguage: 'en',
  defaultTimeZone: 'UTC',
  readiness: { scope: 0.35, acceptance: 0.45, cadence: 0.2, resistance: 0.6, frictionDecay: 0.5 },
  halfLifeMs: 120_000,
  minReadinessChange: 0.02,
  cadence: { promptReplyMs: 1_000, slowReplyMs: 6_000, smoothing: 0.3 },
  recentFaultSignals: 5,
  recentFaultWindowMs: 10_000,
});

/** Partial rules, as read from configuration; nested objects may be partial too. */
export type QualificationRulesInput = Partial<
  Omit<QualificationRules, 'readiness' | 'cadence'> & {
    readiness: Partial<ReadinessWeights>;
    cadence: Partial<CadenceRules>;
  }
>;

/**
 * DEFAULT_QUALIFICATION_RULES with `input` applied, validated. Throws QualificationRulesError naming
 * the field. No positive readiness weight may exceed half of their sum, so no single indicator can
 * carry the score.
 */
export function qualificationRules(input: QualificationRulesInput = {}): QualificationRules {
  const d = DEFAULT_QUALIFICATION_RULES;
  const merged = {
    ...d,
    ...input,
    readiness: { ...d.readiness, ...input.readiness },
    cadence: { ...d.cadence, ...input.cadence },
  };
  const result = RULES_SCHEMA.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new QualificationRulesError(field, `qualification rules ${field}: ${issue?.message}`);
  }
  merged.phraseSets.forEach((set, index) => {
    try {
      compiledPhraseSet(set);
    } catch (err) {
      if (!isIntentError(err)) throw err;
      const field = `phraseSets.${index}.${err.field}`;
      throw new QualificationRulesError(field, `qualification rules ${field}: ${err.message}`, {
        cause: err,
      });
    }
  });
  return merged;
}

const fraction = z.number().min(0).max(1);
const positiveMs = z.number().int().positive();

const RULES_SCHEMA = z
  .object({
    minAsrConfidence: fraction,
    minAssertionConfidence: fraction,
    minAmdConfidence: fraction,
    phraseSets: z.array(z.object({ language: z.string().min(1) }).loose()),
    defaultLanguage: z.string().min(1),
    defaultTimeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
      error: 'must be an IANA time zone',
    }),
    readiness: z
      .object({
        scope: fraction,
        acceptance: fraction,
        cadence: fraction,
        resistance: fraction,
        frictionDecay: z.number().min(0).max(0.9),
      })
      .refine(({ scope, acceptance, cadence }) => scope + acceptance + cadence > 0, {
        error: 'scope + acceptance + cadence must be positive',
      })
      .refine(
        ({ scope, acceptance, cadence }) =>
          Math.max(scope, acceptance, cadence) <= (scope + acceptance + cadence) / 2,
        { error: 'no single weight may exceed half of scope + acceptance + cadence' },
      ),
    halfLifeMs: positiveMs,
    minReadinessChange: z.number().min(0).max(1),
    cadence: z
      .object({
        promptReplyMs: z.number().min(0),
        slowReplyMs: z.number().positive(),
        smoothing: fraction,
      })
      .refine(({ promptReplyMs, slowReplyMs }) => slowReplyMs > promptReplyMs, {
        error: 'slowReplyMs must be greater than promptReplyMs',
      }),
    recentFaultSignals: z.number().int().min(1).max(50),
    recentFaultWindowMs: positiveMs,
  })
  .strict();
