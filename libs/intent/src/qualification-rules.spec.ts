import { ENGLISH_PHRASES } from './english-phrases.js';
import { QualificationRulesError } from './errors.js';
import { DEFAULT_QUALIFICATION_RULES, qualificationRules } from './qualification-rules.js';

describe('qualificationRules', () => {
  it('returns the defaults with overrides merged, nested ones included', () => {
    const rules = qualificationRules({ minAsrConfidence: 0.8, readiness: { resistance: 0.4 } });
    expect(rules.minAsrConfidence).toBe(0.8);
    expect(rules.readiness).toEqual({ ...DEFAULT_QUALIFICATION_RULES.readiness, resistance: 0.4 });
  });

  it.each([
    [{ minAsrConfidence: 1.2 }, 'minAsrConfidence'],
    [{ halfLifeMs: 0 }, 'halfLifeMs'],
    [{ defaultTimeZone: 'Mars/Olympus' }, 'defaultTimeZone'],
    [{ readiness: { scope: 0.9, acceptance: 0.05, cadence: 0.05 } }, 'readiness'],
    [{ cadence: { promptReplyMs: 5_000, slowReplyMs: 1_000 } }, 'cadence'],
  ])('refuses %j, naming %s', (input, field) => {
    try {
      qualificationRules(input);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(QualificationRulesError);
      expect((err as QualificationRulesError).field).toBe(field);
    }
  });

  it('refuses a phrase set with a phrase that does not compile, naming where', () => {
    const broken = { ...ENGLISH_PHRASES, hedge: ['(maybe'] };
    expect(() => qualificationRules({ phraseSets: [broken] })).toThrow(/phraseSets\.0\.hedge\.0/);
  });
});
