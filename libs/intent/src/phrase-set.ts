// What the deterministic extractor listens for, per language. Every list holds phrases in the
// pattern language of phrase-pattern.ts; matching is case-insensitive on whole words.
import type { MarkerKindName } from './marker-kind.js';
import type { Contractions } from './utterance.js';

/** What the extractor listens for about one marker. */
export interface MarkerPhrases {
  /** Statements that confirm the marker on their own ("sign me up"). */
  readonly affirm: readonly string[];
  /** Statements that confirm it only when the same sentence names a time ("call me" + "Thursday after 2"). */
  readonly affirmWithTime: readonly string[];
  /** Statements that refuse or withdraw it ("something else", "not now"). */
  readonly negate: readonly string[];
  /** Tentative statements about it ("call me later", "just looking at the 5 kW"). */
  readonly hedge: readonly string[];
  /** Agent phrases that ask about it, so a bare "yes" answers it ("connect you", "good time"). */
  readonly asks: readonly string[];
}

/** What the extractor listens for about one objection topic. */
export interface ObjectionPhrases {
  /** Buyer phrases that raise it ("too expensive"). */
  readonly raise: readonly string[];
  /** Single words that show talk is about this topic ("price", "term"): they pick which open objection a
   * "that works" resolves, and keep a hedge about the topic from attaching to a marker. */
  readonly mentions: readonly string[];
}

/** The vocabulary of one language. */
export interface PhraseSet {
  /** BCP 47 tag the set serves: "en" serves every en-* tag, "en-GB" only en-GB. */
  readonly language: string;
  /** Answers that say yes ("sure", "that's right"). */
  readonly affirm: readonly string[];
  /** Tentative language ("maybe", "just looking", "I'd have to check"); a hedge beats a yes. */
  readonly hedge: readonly string[];
  /** Answers that say no or take something back ("not now", "actually I changed my mind"). */
  readonly negate: readonly string[];
  /** Words that negate a statement that follows them in the same clause ("not", "never"). */
  readonly negators: readonly string[];
  /** Auxiliaries dropped together with a negator ("do" in "do not want"), so "I don't want X"
   * is read as a negated "I want X". */
  readonly negationAuxiliaries: readonly string[];
  /** Words that start a new thought ("but"): a hedge after them does not weaken what came before. */
  readonly contrast: readonly string[];
  /** Spelling normalisation applied to utterances and phrases alike. */
  readonly contractions: Contractions;
  readonly markers: Readonly<Record<MarkerKindName, MarkerPhrases>>;
  /** Objection topics (lower_snake_case) and their phrases. */
  readonly objections: Readonly<Record<string, ObjectionPhrases>>;
  /** Buyer phrases that accept the agent's answer to an objection ("fair enough", "that works"). */
  readonly objectionResolved: readonly string[];
  /** Agent phrases that check whether an answer settled the concern ("does that work for you?"). */
  readonly objectionCheck: readonly string[];
  /** Phrases of an answering machine's greeting ("leave a message"): such speech is never evidence. */
  readonly voicemailGreeting: readonly string[];
}
