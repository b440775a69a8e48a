import { ENGLISH_PHRASES } from './english-phrases.js';
import { compilePhrase, findPhrase, PatternSyntaxError } from './phrase-pattern.js';
import { sentencesOf, words } from './utterance.js';

const { contractions, contrast } = ENGLISH_PHRASES;

describe('words', () => {
  it('lower-cases, straightens quotes and expands contractions with or without the apostrophe', () => {
    expect(words('I’d have to CHECK', contractions)).toEqual(['i', 'would', 'have', 'to', 'check']);
    expect(words("don't dont can't won't", contractions)).toEqual([
      'do',
      'not',
      'do',
      'not',
      'can',
      'not',
      'will',
      'not',
    ]);
    expect(words("Let's do it, that's right", contractions)).toEqual([
      'let',
      'us',
      'do',
      'it',
      'that',
      'is',
      'right',
    ]);
  });

  it('splits hyphenated words, keeps clock times whole and drops possessive s', () => {
    expect(words('the 12-month term at 14:00, my wife’s call', contractions)).toEqual([
      'the',
      '12',
      'month',
      'term',
      'at',
      '14:00',
      'my',
      'wife',
      'call',
    ]);
  });
});

describe('sentencesOf', () => {
  it('splits at sentence ends and at contrast words, and numbers clauses at commas', () => {
    const sentences = sentencesOf(
      'Yes, the whole roof. But maybe later; ok',
      contractions,
      contrast,
    );
    expect(sentences.map((s) => s.tokens.join(' '))).toEqual([
      'yes the whole roof',
      'maybe later',
      'ok',
    ]);
    expect(sentences[0]?.clauseOf).toEqual([0, 1, 1, 1]);
  });

  it('does not split a decimal or a number with thousands separators', () => {
    const [sentence] = sentencesOf('the 2.5 kW one for $20,000 please', contractions, contrast);
    expect(sentence?.clauseOf.every((c) => c === 0)).toBe(true);
  });
});

describe('phrase patterns', () => {
  const match = (pattern: string, text: string) =>
    findPhrase(compilePhrase(pattern, contractions), words(text, contractions)).map((m) => [
      m.start,
      m.end,
    ]);

  it('matches whole words only, case-insensitively', () => {
    expect(match('sure', 'SURE thing')).toEqual([[0, 1]]);
    expect(match('sure', 'unsure')).toEqual([]);
  });

  it('supports alternatives, optional groups and a 0–3 word wildcard', () => {
    expect(match('(i|we) want the * system', 'we want the 10 kw system')).toEqual([[0, 6]]);
    expect(match('(i|we) want the * system', 'i want the really very big solar system')).toEqual(
      [],
    );
    expect(match('(please|) connect me', 'connect me')).toEqual([[0, 2]]);
  });

  it('normalises the phrase like the utterance, so contractions match either way', () => {
    expect(match("I'd have to check", 'i would have to check')).toEqual([[0, 5]]);
  });

  it('rejects unbalanced groups and phrases with nothing to match', () => {
    expect(() => compilePhrase('(yes|no', contractions)).toThrow(PatternSyntaxError);
    expect(() => compilePhrase('yes)', contractions)).toThrow(PatternSyntaxError);
    expect(() => compilePhrase('*', contractions)).toThrow(PatternSyntaxError);
  });
});
