// How words are read: lower-cased, curly quotes straightened, split on anything that is not a letter
// or digit (so "12-month" is "12 month"), contractions expanded by the phrase set ("I'd" -> "i would",
// "dont" -> "do not"). Phrases and utterances go through the same function, so a phrase matches
// whatever spelling ASR produced.

/** Token -> expansion, plus suffix rules written with a leading "*" ("*n't" -> " not"). */
export type Contractions = Readonly<Record<string, string>>;

/** One sentence of an utterance: its words and, per word, the comma-separated clause it sits in. */
export interface Sentence {
  /** The sentence as spoken (trimmed), for time expressions and quotes. */
  readonly text: string;
  readonly tokens: readonly string[];
  /** clauseOf[i] is the clause index of tokens[i]; negation does not reach across clauses. */
  readonly clauseOf: readonly number[];
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*(?::\d{2})?/gu;
// A sentence ends at . ! ? ; followed by a space or the end (so "2.5" stays whole) or at a line break.
const SENTENCE_END = /[.!?;]+(?=\s|$)|\n+/u;
// A clause ends at a comma not inside a number ("$20,000"), a dash or a colon not inside a time.
const CLAUSE_END = /,(?!\d)|\s[-–—]+\s|[–—]|:(?!\d)/u;

/** Splits text into normalised words, expanding contractions. */
export function words(text: string, contractions: Contractions): string[] {
  const lower = text.toLowerCase().replace(/[’‘`´]/gu, "'");
  const out: string[] = [];
  for (const raw of lower.match(WORD) ?? []) {
    for (const word of expand(raw, contractions).split(' ')) {
      if (word !== '') out.push(word);
    }
  }
  return out;
}

/** Splits an utterance into sentences (also at contrast words such as "but") and clauses. */
export function sentencesOf(
  text: string,
  contractions: Contractions,
  contrastWords: readonly string[],
): Sentence[] {
  const contrast = contrastSplitter(contrastWords);
  const sentences: Sentence[] = [];
  for (const part of text.split(SENTENCE_END)) {
    for (const piece of contrast === null ? [part] : part.split(contrast)) {
      const sentence = sentenceOf(piece.trim(), contractions);
      if (sentence.tokens.length > 0) sentences.push(sentence);
    }
  }
  return sentences;
}

function sentenceOf(text: string, contractions: Contractions): Sentence {
  const tokens: string[] = [];
  const clauseOf: number[] = [];
  text.split(CLAUSE_END).forEach((clause, index) => {
    for (const word of words(clause, contractions)) {
      tokens.push(word);
      clauseOf.push(index);
    }
  });
  return { text, tokens, clauseOf };
}

function contrastSplitter(contrastWords: readonly string[]): RegExp | null {
  const alternatives = contrastWords.filter((w) => w.trim() !== '').map(escapeRegExp);
  return alternatives.length === 0
    ? null
    : new RegExp(`(?<![\\p{L}\\p{N}'])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}'])`, 'iu');
}

function expand(word: string, contractions: Contractions): string {
  const exact = contractions[word];
  if (exact !== undefined) return exact;
  if (!word.includes("'")) return word;
  // Longest suffix rule first, so "*n't" wins over "*'t" should a phrase set define both.
  const rules = Object.keys(contractions)
    .filter((key) => key.startsWith('*') && word.endsWith(key.slice(1)))
    .sort((a, b) => b.length - a.length);
  const rule = rules[0];
  if (rule !== undefined) return word.slice(0, word.length - rule.length + 1) + contractions[rule];
  return word.replace(/'/gu, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
