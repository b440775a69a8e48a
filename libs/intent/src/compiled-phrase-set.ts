// A phrase set with every phrase compiled once. Compilation is cached per PhraseSet object, so the
// extractor pays for it on the first utterance only; sets are treated as immutable.
import { PhraseSetInvalidError } from './errors.js';
import { MARKER_KIND_NAMES, type MarkerKindName } from './marker-kind.js';
import { compilePhrase, PatternSyntaxError, type PhrasePattern } from './phrase-pattern.js';
import type { PhraseSet } from './phrase-set.js';
import { words } from './utterance.js';

export interface CompiledMarkerPhrases {
  readonly affirm: readonly PhrasePattern[];
  readonly affirmWithTime: readonly PhrasePattern[];
  readonly negate: readonly PhrasePattern[];
  readonly hedge: readonly PhrasePattern[];
  readonly asks: readonly PhrasePattern[];
}

export interface CompiledObjection {
  readonly topic: string;
  readonly raise: readonly PhrasePattern[];
  readonly mentions: readonly PhrasePattern[];
}

export interface CompiledPhraseSet {
  readonly set: PhraseSet;
  readonly affirm: readonly PhrasePattern[];
  readonly hedge: readonly PhrasePattern[];
  readonly negate: readonly PhrasePattern[];
  readonly negators: ReadonlySet<string>;
  readonly negationAuxiliaries: ReadonlySet<string>;
  readonly markers: Readonly<Record<MarkerKindName, CompiledMarkerPhrases>>;
  /** In the phrase set's key order. */
  readonly objections: readonly CompiledObjection[];
  readonly objectionResolved: readonly PhrasePattern[];
  readonly objectionCheck: readonly PhrasePattern[];
  readonly voicemailGreeting: readonly PhrasePattern[];
}

const cache = new WeakMap<PhraseSet, CompiledPhraseSet>();

/** The compiled form of `set`; throws PhraseSetInvalidError naming the first phrase that does not compile. */
export function compiledPhraseSet(set: PhraseSet): CompiledPhraseSet {
  const hit = cache.get(set);
  if (hit !== undefined) return hit;
  const compile = (list: readonly string[], field: string): PhrasePattern[] =>
    list.map((source, index) => {
      try {
        return compilePhrase(source, set.contractions);
      } catch (err) {
        if (!(err instanceof PatternSyntaxError)) throw err;
        throw new PhraseSetInvalidError(`${field}.${index}`, err.message, { cause: err });
      }
    });
  const wordSet = (list: readonly string[]) =>
    new Set(list.flatMap((w) => words(w, set.contractions)));
  const markers = {} as Record<MarkerKindName, CompiledMarkerPhrases>;
  for (const name of MARKER_KIND_NAMES) {
    const m = set.markers[name];
    markers[name] = {
      affirm: compile(m.affirm, `markers.${name}.affirm`),
      affirmWithTime: compile(m.affirmWithTime, `markers.${name}.affirmWithTime`),
      negate: compile(m.negate, `markers.${name}.negate`),
      hedge: compile(m.hedge, `markers.${name}.hedge`),
      asks: compile(m.asks, `markers.${name}.asks`),
    };
  }
  const compiled: CompiledPhraseSet = {
    set,
    affirm: compile(set.affirm, 'affirm'),
    hedge: compile(set.hedge, 'hedge'),
    negate: compile(set.negate, 'negate'),
    negators: wordSet(set.negators),
    negationAuxiliaries: wordSet(set.negationAuxiliaries),
    markers,
    objections: Object.entries(set.objections).map(([topic, phrases]) => ({
      topic,
      raise: compile(phrases.raise, `objections.${topic}.raise`),
      mentions: compile(phrases.mentions, `objections.${topic}.mentions`),
    })),
    objectionResolved: compile(set.objectionResolved, 'objectionResolved'),
    objectionCheck: compile(set.objectionCheck, 'objectionCheck'),
    voicemailGreeting: compile(set.voicemailGreeting, 'voicemailGreeting'),
  };
  cache.set(set, compiled);
  return compiled;
}
