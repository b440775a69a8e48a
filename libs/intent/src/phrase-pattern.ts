// The little pattern language of phrase sets, so one line covers the ways people say one thing:
//   words           matched whole, after the same normalisation as the utterance ("I'd" = "i would")
//   (a|b c|)        one of the alternatives; an empty alternative makes the group optional
//   *               any 0 to 3 words ("i want the * system" matches "i want the 10 kw system")
import { words, type Contractions } from './utterance.js';

/** The most words a `*` may stand for. */
export const WILDCARD_MAX_WORDS = 3;

type Element =
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'alt'; readonly options: readonly Sequence[] };
type Sequence = readonly Element[];

/** A compiled phrase. */
export interface PhrasePattern {
  readonly source: string;
  readonly sequence: Sequence;
}

/** A span of a sentence's tokens matched by a pattern; `end` is exclusive. */
export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  readonly source: string;
}

/** Compiles a phrase; throws PatternSyntaxError on unbalanced parentheses or a phrase of no words. */
export function compilePhrase(source: string, contractions: Contractions): PhrasePattern {
  const lexemes = source.match(/\(|\)|\||\*|[^\s()|*]+/gu) ?? [];
  let at = 0;
  const sequence = (): Sequence => {
    const out: Element[] = [];
    while (at < lexemes.length && lexemes[at] !== ')' && lexemes[at] !== '|') {
      const lexeme = lexemes[at++] as string;
      if (lexeme === '*') out.push({ kind: 'any' });
      else if (lexeme === '(') out.push(alternatives());
      else for (const word of words(lexeme, contractions)) out.push({ kind: 'word', word });
    }
    return out;
  };
  const alternatives = (): Element => {
    const options: Sequence[] = [sequence()];
    while (lexemes[at] === '|') {
      at++;
      options.push(sequence());
    }
    if (lexemes[at] !== ')') throw new PatternSyntaxError(source, 'missing ")"');
    at++;
    return { kind: 'alt', options };
  };
  const compiled = sequence();
  if (at < lexemes.length) throw new PatternSyntaxError(source, `unexpected "${lexemes[at]}"`);
  if (!hasWord(compiled)) throw new PatternSyntaxError(source, 'no words to match');
  return { source, sequence: compiled };
}

/** Every match of `pattern` in `tokens`, one per start position (the longest there), left to right. */
export function findPhrase(pattern: PhrasePattern, tokens: readonly string[]): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (let start = 0; start < tokens.length; start++) {
    const ends = endsOf(pattern.sequence, 0, tokens, start);
    // A match must consume a word; a pattern of optional groups alone never matches nothing.
    const end = Math.max(-1, ...ends.filter((e) => e > start));
    if (end > start) matches.push({ start, end, source: pattern.source });
  }
  return matches;
}

/** Raised by compilePhrase; phrase-set validation turns it into PhraseSetInvalidError. */
export class PatternSyntaxError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`phrase "${pattern}": ${reason}`);
    this.name = 'PatternSyntaxError';
  }
}

function endsOf(seq: Sequence, index: number, tokens: readonly string[], pos: number): number[] {
  if (index === seq.length) return [pos];
  const element = seq[index] as Element;
  if (element.kind === 'word') {
    return tokens[pos] === element.word ? endsOf(seq, index + 1, tokens, pos + 1) : [];
  }
  if (element.kind === 'any') {
    const ends: number[] = [];
    for (let skip = 0; skip <= WILDCARD_MAX_WORDS && pos + skip <= tokens.length; skip++) {
      ends.push(...endsOf(seq, index + 1, tokens, pos + skip));
    }
    return ends;
  }
  const ends: number[] = [];
  for (const option of element.options) {
    for (const mid of endsOf(option, 0, tokens, pos))
      ends.push(...endsOf(seq, index + 1, tokens, mid));
  }
  return ends;
}

function hasWord(seq: Sequence): boolean {
  return seq.some((e) => e.kind === 'word' || (e.kind === 'alt' && e.options.some(hasWord)));
}
