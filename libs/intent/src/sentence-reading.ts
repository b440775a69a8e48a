// Reading one sentence: which answer words it holds (yes / maybe / no), and whether a statement in it
// is negated. Negation is read the way a note-taker reads it: a "not" earlier in the same clause
// negates what follows ("I don't need the whole roof"), but not when the "not" belongs to a phrase
// of its own ("not sure", "no problem", "why not").
import type { CompiledPhraseSet } from './compiled-phrase-set.js';
import { findPhrase, type PhraseMatch, type PhrasePattern } from './phrase-pattern.js';
import type { Sentence } from './utterance.js';

/** How far back (in words, within the clause) a negator reaches. */
export const NEGATION_REACH_WORDS = 4;

export type AnswerCategory = 'affirm' | 'hedge' | 'negate' | 'resolved';

export interface AnswerMatch extends PhraseMatch {
  readonly category: AnswerCategory;
}

/** A sentence with its answer words found and the words they use up. */
export interface ReadSentence {
  readonly sentence: Sentence;
  /** Non-overlapping, longest first wins ("no problem" beats "no"), in sentence order. */
  readonly answers: readonly AnswerMatch[];
  /** Words inside an affirm / hedge / resolved phrase, or an opening "no": a negator there negates
   * nothing else. */
  readonly consumed: readonly boolean[];
}

/** A statement match and whether it was negated. */
export interface StatementMatch {
  readonly start: number;
  readonly negated: boolean;
}

/** Finds the answer words of `sentence`. */
export function readSentence(sentence: Sentence, phrases: CompiledPhraseSet): ReadSentence {
  const candidates: AnswerMatch[] = [];
  const add = (patterns: readonly PhrasePattern[], category: AnswerCategory) => {
    for (const pattern of patterns) {
      for (const match of findPhrase(pattern, sentence.tokens))
        candidates.push({ ...match, category });
    }
  };
  add(phrases.affirm, 'affirm');
  add(phrases.hedge, 'hedge');
  add(phrases.negate, 'negate');
  add(phrases.objectionResolved, 'resolved');
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Array<boolean>(sentence.tokens.length).fill(false);
  const answers: AnswerMatch[] = [];
  for (const match of candidates) {
    if (taken.slice(match.start, match.end).some(Boolean)) continue;
    taken.fill(true, match.start, match.end);
    answers.push(match);
  }
  answers.sort((a, b) => a.start - b.start);
  const consumed = new Array<boolean>(sentence.tokens.length).fill(false);
  for (const match of answers) {
    // A one-word "no" opening the sentence is an answer, not a negator of what follows
    // ("no I want the whole roof" as ASR writes it, without the comma).
    const interjection = match.category === 'negate' && match.start === 0 && match.end === 1;
    if (match.category !== 'negate' || interjection) consumed.fill(true, match.start, match.end);
  }
  return { sentence, answers, consumed };
}

/**
 * Matches of a statement, negation-aware: "I want the 10 kW system" is found in "I don't want the
 * 10 kW system" too, marked negated, because the negator (and its "do") are read past.
 */
export function statementMatches(
  pattern: PhrasePattern,
  read: ReadSentence,
  phrases: CompiledPhraseSet,
): StatementMatch[] {
  const { tokens } = read.sentence;
  const out: StatementMatch[] = findPhrase(pattern, tokens).map((m) => ({
    start: m.start,
    negated: negatedBefore(m.start, read, phrases),
  }));
  const isNegator = (i: number) => phrases.negators.has(tokens[i] as string) && !read.consumed[i];
  const kept: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const auxiliary =
      phrases.negationAuxiliaries.has(tokens[i] as string) && !read.consumed[i] && isNegator(i + 1);
    if (!isNegator(i) && !auxiliary) kept.push(i);
  }
  if (kept.length === tokens.length) return out;
  const stripped = kept.map((i) => tokens[i] as string);
  for (const m of findPhrase(pattern, stripped)) {
    const start = kept[m.start] as number;
    if (out.some((known) => known.start === start)) continue;
    const end = (kept[m.end - 1] as number) + 1;
    const negatedInside = tokens.slice(start, end).some((_, k) => isNegator(start + k));
    out.push({ start, negated: negatedInside || negatedBefore(start, read, phrases) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Raw matches only, dropping those a negator precedes (a negated hedge or refusal says nothing). */
export function plainMatches(
  pattern: PhrasePattern,
  read: ReadSentence,
  phrases: CompiledPhraseSet,
): number[] {
  return findPhrase(pattern, read.sentence.tokens)
    .filter((m) => !negatedBefore(m.start, read, phrases))
    .map((m) => m.start);
}

function negatedBefore(start: number, read: ReadSentence, phrases: CompiledPhraseSet): boolean {
  const { tokens, clauseOf } = read.sentence;
  for (let j = start - 1; j >= Math.max(0, start - NEGATION_REACH_WORDS); j--) {
    if (clauseOf[j] !== clauseOf[start]) return false;
    if (phrases.negators.has(tokens[j] as string) && !read.consumed[j]) return true;
  }
  return false;
}
