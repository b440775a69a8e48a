import { ENGLISH_PHRASES } from './english-phrases.js';
import { PhraseSetInvalidError } from './errors.js';
import { extractClaims } from './extractor.js';
import {
  mergePhraseSet,
  parsePhraseSet,
  parsePhraseSetPatch,
  phraseSetFor,
} from './phrase-set-config.js';

describe('phraseSetFor', () => {
  it('serves every en-* tag with English and nothing for a language without a set', () => {
    expect(phraseSetFor('en-US')).toBe(ENGLISH_PHRASES);
    expect(phraseSetFor('EN-gb')).toBe(ENGLISH_PHRASES);
    expect(phraseSetFor('es-MX')).toBeNull();
  });

  it('prefers a custom set, an exact tag over a primary-language one', () => {
    const british = { ...ENGLISH_PHRASES, language: 'en-GB' };
    const custom = { ...ENGLISH_PHRASES };
    expect(phraseSetFor('en-GB', [custom, british])).toBe(british);
    expect(phraseSetFor('en-US', [custom, british])).toBe(custom);
  });
});

describe('mergePhraseSet', () => {
  const scope = (utterance: string, set = ENGLISH_PHRASES) =>
    extractClaims(utterance, {}, set)
      .filter((c) => c.type === 'marker')
      .map((c) => (c.type === 'marker' ? c.polarity : ''));

  it('adds campaign phrases so the extractor hears them', () => {
    expect(scope('the heat pump please')).toEqual([]);
    const heatPumps = mergePhraseSet(ENGLISH_PHRASES, {
      markers: { scope_confirmed: { affirm: ['the heat pump please'] } },
    });
    expect(scope('the heat pump please', heatPumps)).toEqual(['affirm']);
  });

  it('removes and replaces phrases, and drops objection topics', () => {
    const noProbably = mergePhraseSet(ENGLISH_PHRASES, {
      hedge: { remove: ['probably'] },
      objections: { trust: null },
    });
    expect(noProbably.hedge).not.toContain('probably');
    expect(noProbably.objections).not.toHaveProperty('trust');
    const onlyYes = mergePhraseSet(ENGLISH_PHRASES, { affirm: { replace: ['yes'] } });
    expect(onlyYes.affirm).toEqual(['yes']);
    expect(ENGLISH_PHRASES.affirm.length).toBeGreaterThan(1);
  });

  it('refuses a patch that breaks a phrase, naming it', () => {
    expect(() => mergePhraseSet(ENGLISH_PHRASES, { negate: ['(no|nope'] })).toThrow(
      PhraseSetInvalidError,
    );
  });
});

describe('parsing phrase sets from configuration', () => {
  it('accepts the shipped set as JSON', () => {
    expect(parsePhraseSet(JSON.parse(JSON.stringify(ENGLISH_PHRASES)))).toEqual(ENGLISH_PHRASES);
  });

  it('names the bad field', () => {
    expect(() => parsePhraseSet({ ...ENGLISH_PHRASES, language: 'english' })).toThrow(/language/);
    expect(() => parsePhraseSet({ ...ENGLISH_PHRASES, affirm: ['yes', ' '] })).toThrow(/affirm\.1/);
    expect(() => parsePhraseSetPatch({ objections: { 'Bad Topic': null } })).toThrow(
      PhraseSetInvalidError,
    );
    expect(() => parsePhraseSetPatch({ affrim: ['yes'] })).toThrow(PhraseSetInvalidError);
  });

  it('accepts a valid patch', () => {
    expect(
      parsePhraseSetPatch({
        hedge: { add: ['dunno'] },
        markers: { timing_consent: { asks: ['free to chat'] } },
      }),
    ).toEqual({
      hedge: { add: ['dunno'] },
      markers: { timing_consent: { asks: ['free to chat'] } },
    });
  });
});
