// Phrase sets from configuration: choose one for a language, patch the shipped set, validate a set
// read from YAML/JSON. A set is validated once (shape and every phrase compiles), then trusted.
import { z } from 'zod';
import { compiledPhraseSet } from './compiled-phrase-set.js';
import { ENGLISH_PHRASES } from './english-phrases.js';
import { PhraseSetInvalidError } from './errors.js';
import { MARKER_KIND_NAMES, type MarkerKindName } from './marker-kind.js';
import type { MarkerPhrases, ObjectionPhrases, PhraseSet } from './phrase-set.js';

/** Phrase sets shipped with the library. */
export const SHIPPED_PHRASE_SETS: readonly PhraseSet[] = [ENGLISH_PHRASES];

/**
 * Changes to one list: a bare array adds phrases; the object form can also remove phrases (exact
 * source text) or replace the list outright.
 */
export type ListPatch =
  | readonly string[]
  | {
      readonly add?: readonly string[];
      readonly remove?: readonly string[];
      readonly replace?: readonly string[];
    };

/** Changes to a phrase set; every field is optional. An objection topic set to `null` is dropped. */
export interface PhraseSetPatch {
  readonly language?: string;
  readonly affirm?: ListPatch;
  readonly hedge?: ListPatch;
  readonly negate?: ListPatch;
  readonly negators?: ListPatch;
  readonly negationAuxiliaries?: ListPatch;
  readonly contrast?: ListPatch;
  readonly contractions?: Readonly<Record<string, string>>;
  readonly markers?: Partial<
    Record<MarkerKindName, Partial<Record<keyof MarkerPhrases, ListPatch>>>
  >;
  readonly objections?: Readonly<
    Record<string, Partial<Record<keyof ObjectionPhrases, ListPatch>> | null>
  >;
  readonly objectionResolved?: ListPatch;
  readonly objectionCheck?: ListPatch;
  readonly voicemailGreeting?: ListPatch;
}

/**
 * The phrase set for a BCP 47 `language`: an exact tag match among `custom` then the shipped sets,
 * else a primary-language match ("en" for "en-AU"), custom sets first. `null` when none serves the
 * language: the extractor is then off for it and only structured assertions count as evidence.
 */
export function phraseSetFor(
  language: string,
  custom: readonly PhraseSet[] = [],
): PhraseSet | null {
  const tag = language.trim().toLowerCase();
  const candidates = [...custom, ...SHIPPED_PHRASE_SETS];
  const exact = candidates.find((set) => set.language.toLowerCase() === tag);
  if (exact !== undefined) return exact;
  const primary = tag.split('-')[0];
  return candidates.find((set) => set.language.toLowerCase() === primary) ?? null;
}

/** `base` with `patch` applied, validated; throws PhraseSetInvalidError naming the bad field. */
export function mergePhraseSet(base: PhraseSet, patch: PhraseSetPatch): PhraseSet {
  const merged: PhraseSet = {
    language: patch.language ?? base.language,
    affirm: patched(base.affirm, patch.affirm),
    hedge: patched(base.hedge, patch.hedge),
    negate: patched(base.negate, patch.negate),
    negators: patched(base.negators, patch.negators),
    negationAuxiliaries: patched(base.negationAuxiliaries, patch.negationAuxiliaries),
    contrast: patched(base.contrast, patch.contrast),
    contractions: { ...base.contractions, ...patch.contractions },
    markers: mergedMarkers(base, patch),
    objections: mergedObjections(base, patch),
    objectionResolved: patched(base.objectionResolved, patch.objectionResolved),
    objectionCheck: patched(base.objectionCheck, patch.objectionCheck),
    voicemailGreeting: patched(base.voicemailGreeting, patch.voicemailGreeting),
  };
  return parsePhraseSet(merged);
}

/** Validates a complete phrase set (e.g. from YAML); throws PhraseSetInvalidError naming the field. */
export function parsePhraseSet(input: unknown): PhraseSet {
  const result = PHRASE_SET_SCHEMA.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new PhraseSetInvalidError(field, `phrase set ${field || '(root)'}: ${issue?.message}`);
  }
  const set = result.data as PhraseSet;
  compiledPhraseSet(set);
  return set;
}

/** Validates a phrase-set patch from configuration; throws PhraseSetInvalidError naming the field. */
export function parsePhraseSetPatch(input: unknown): PhraseSetPatch {
  const result = PATCH_SCHEMA.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new PhraseSetInvalidError(
      field,
      `phrase set patch ${field || '(root)'}: ${issue?.message}`,
    );
  }
  return result.data as PhraseSetPatch;
}

function patched(list: readonly string[], patch: ListPatch | undefined): readonly string[] {
  if (patch === undefined) return list;
  if (isList(patch)) return unique([...list, ...patch]);
  const start = patch.replace ?? list;
  const removed = new Set(patch.remove ?? []);
  return unique([...start.filter((phrase) => !removed.has(phrase)), ...(patch.add ?? [])]);
}

function isList(patch: ListPatch): patch is readonly string[] {
  return Array.isArray(patch);
}

function mergedMarkers(base: PhraseSet, patch: PhraseSetPatch): PhraseSet['markers'] {
  const out = {} as Record<MarkerKindName, MarkerPhrases>;
  for (const name of MARKER_KIND_NAMES) {
    const from = base.markers[name];
    const change = patch.markers?.[name] ?? {};
    out[name] = {
      affirm: patched(from.affirm, change.affirm),
      affirmWithTime: patched(from.affirmWithTime, change.affirmWithTime),
      negate: patched(from.negate, change.negate),
      hedge: patched(from.hedge, change.hedge),
      asks: patched(from.asks, change.asks),
    };
  }
  return out;
}

function mergedObjections(base: PhraseSet, patch: PhraseSetPatch): PhraseSet['objections'] {
  const out: Record<string, ObjectionPhrases> = { ...base.objections };
  for (const [topic, change] of Object.entries(patch.objections ?? {})) {
    if (change === null) {
      delete out[topic];
      continue;
    }
    const from = out[topic] ?? { raise: [], mentions: [] };
    out[topic] = {
      raise: patched(from.raise, change.raise),
      mentions: patched(from.mentions, change.mentions),
    };
  }
  return out;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

const phrase = z.string().refine((text) => text.trim() !== '', { error: 'must not be empty' });
const phrases = z.array(phrase);
const topic = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'objection topics are lower_snake_case' });
const languageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
  error: 'must be a BCP 47 tag such as "en" or "en-GB"',
});

const markerPhrases = z.strictObject({
  affirm: phrases,
  affirmWithTime: phrases,
  negate: phrases,
  hedge: phrases,
  asks: phrases,
});

const PHRASE_SET_SCHEMA = z.strictObject({
  language: languageTag,
  affirm: phrases,
  hedge: phrases,
  negate: phrases,
  negators: phrases,
  negationAuxiliaries: phrases,
  contrast: phrases,
  contractions: z.record(z.string(), z.string()),
  markers: z.strictObject({
    scope_confirmed: markerPhrases,
    timing_consent: markerPhrases,
    next_step_accepted: markerPhrases,
    escalation_permission: markerPhrases,
  }),
  objections: z.record(topic, z.strictObject({ raise: phrases, mentions: phrases })),
  objectionResolved: phrases,
  objectionCheck: phrases,
  voicemailGreeting: phrases,
});

const listPatch = z.union([
  phrases,
  z.strictObject({
    add: phrases.optional(),
    remove: phrases.optional(),
    replace: phrases.optional(),
  }),
]);
const markerPatch = z
  .strictObject({
    affirm: listPatch,
    affirmWithTime: listPatch,
    negate: listPatch,
    hedge: listPatch,
    asks: listPatch,
  })
  .partial();

const PATCH_SCHEMA = z
  .strictObject({
    language: languageTag,
    affirm: listPatch,
    hedge: listPatch,
    negate: listPatch,
    negators: listPatch,
    negationAuxiliaries: listPatch,
    contrast: listPatch,
    contractions: z.record(z.string(), z.string()),
    markers: z
      .strictObject({
        scope_confirmed: markerPatch,
        timing_consent: markerPatch,
        next_step_accepted: markerPatch,
        escalation_permission: markerPatch,
      })
      .partial(),
    objections: z.record(
      topic,
      z.strictObject({ raise: listPatch, mentions: listPatch }).partial().nullable(),
    ),
    objectionResolved: listPatch,
    objectionCheck: listPatch,
    voicemailGreeting: listPatch,
  })
  .partial();
