import { fromTimestamp, v1 } from '@warmline/contracts';
import {
  ESCALATION_QUOTE,
  EXPLORATORY_QUOTE,
  REVOKED_QUOTE,
  SCOPE_QUOTES,
  T0,
  TIMING_QUOTE,
  intentState,
} from './__fixtures__/intent-state.js';
import { buildBrief } from './brief.js';
import { doNotAskQuestions } from './do-not-ask.js';
import { HandoffInputError } from './errors.js';

const K = v1.MarkerKind;

describe('buildBrief', () => {
  const brief = buildBrief(intentState(), T0);

  it('lists every validated marker, ordered by kind, with the buyer quotes oldest first', () => {
    expect(brief.validatedMarkers?.map((m) => [m.kind, m.quotes])).toEqual([
      [K.MARKER_KIND_SCOPE_CONFIRMED, [SCOPE_QUOTES[0], SCOPE_QUOTES[1]]],
      [K.MARKER_KIND_TIMING_CONSENT, [TIMING_QUOTE]],
      [K.MARKER_KIND_ESCALATION_PERMISSION, [ESCALATION_QUOTE]],
    ]);
  });

  it('carries confidence and validated_at of each validated marker', () => {
    const scope = brief.validatedMarkers?.[0];
    expect(scope?.confidence).toBe(0.95);
    expect(fromTimestamp(scope?.validatedAt ?? {})).toBe(T0 - 170_000);
  });

  it('never shows a marker that is not VALIDATED, nor its quotes', () => {
    const state = intentState();
    state.markers = [
      ...(state.markers ?? []),
      {
        kind: K.MARKER_KIND_ESCALATION_PERMISSION,
        status: v1.MarkerStatus.MARKER_STATUS_REVOKED,
        confidence: 0.9,
        evidence: [{ quote: REVOKED_QUOTE }],
      },
    ].filter(
      (m) =>
        m.kind !== K.MARKER_KIND_ESCALATION_PERMISSION ||
        m.status === v1.MarkerStatus.MARKER_STATUS_REVOKED,
    );
    const revoked = buildBrief(state, T0);
    expect(revoked.validatedMarkers?.map((m) => m.kind)).toEqual([
      K.MARKER_KIND_SCOPE_CONFIRMED,
      K.MARKER_KIND_TIMING_CONSENT,
    ]);
    const everything = JSON.stringify(revoked);
    expect(everything).not.toContain(EXPLORATORY_QUOTE);
    expect(everything).not.toContain(REVOKED_QUOTE);
    expect(revoked.doNotAsk).not.toContain('Would you like to go ahead with the next step?');
    expect(revoked.doNotAsk).not.toContain('Are you happy to speak with a specialist?');
  });

  it('lists resolved objections with how they were resolved, and open ones for honesty', () => {
    expect(brief.resolvedObjections).toEqual([
      {
        topic: 'price',
        raisedQuote: 'That sounds expensive',
        resolution: 'Zero-down financing at 80 dollars a month accepted',
        resolutionQuote: 'OK, with financing that works',
      },
    ]);
    expect(brief.openObjections).toEqual([
      {
        topic: 'contract_length',
        raisedQuote: "I don't want to be locked in for 25 years",
        resolution: '',
        resolutionQuote: '',
      },
    ]);
  });

  it('says what not to ask again, from validated markers, resolved objections and the consent window', () => {
    expect(brief.doNotAsk).toEqual([
      'What are you looking for?',
      'When would be a good time?',
      'Are you happy to speak with a specialist?',
      'Is the price a concern for you?',
    ]);
  });

  it('carries the consent window, readiness with peak age, version, language and campaign', () => {
    expect(brief.consentWindow).toMatchObject({
      timeZone: 'America/New_York',
      sourceText: 'tomorrow after 3',
    });
    expect(fromTimestamp(brief.consentWindow?.startAt ?? {})).toBe(Date.UTC(2026, 2, 5, 20, 0));
    expect(brief).toMatchObject({
      readinessScore: 0.78,
      peakScore: 0.86,
      peakAgeMs: 45_000,
      intentVersion: 7,
      buyerLanguage: 'en-US',
      campaignId: 'solar-q4',
    });
  });

  it('renders a short, ordered whisper text', () => {
    expect(brief.text).toBe(
      [
        'Buyer readiness 78% (peak 86%, 45 seconds ago).',
        `Confirmed: what they want "${SCOPE_QUOTES[1]}"; timing "${TIMING_QUOTE}"; OK to talk to a specialist "${ESCALATION_QUOTE}".`,
        'Resolved: price: Zero-down financing at 80 dollars a month accepted "OK, with financing that works".',
        `Still open: contract length "I don't want to be locked in for 25 years".`,
        'Agreed time: Thu 5 Mar 15:00 to 17:00 America/New_York "tomorrow after 3".',
        'Do not ask: What are you looking for? When would be a good time? Are you happy to speak with a specialist? Is the price a concern for you?',
        'Buyer language: en-US.',
      ].join('\n'),
    );
  });

  it('is deterministic: the same state and time give the same brief', () => {
    expect(buildBrief(intentState(), T0)).toEqual(brief);
  });

  it('survives encoding as a HandoffBrief', () => {
    const decoded = v1.HandoffBrief.toObject(
      v1.HandoffBrief.decode(v1.HandoffBrief.encode(v1.HandoffBrief.fromObject(brief)).finish()),
    );
    expect(decoded['text']).toBe(brief.text);
    expect(decoded['validatedMarkers']).toHaveLength(3);
  });

  it('cuts long quotes in the text but keeps them whole in the structured brief', () => {
    const long = 'We want solar panels '.repeat(20).trim();
    const state = intentState({
      markers: [
        {
          kind: K.MARKER_KIND_SCOPE_CONFIRMED,
          status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
          confidence: 1,
          evidence: [{ quote: long }],
        },
      ],
    });
    const cut = buildBrief(state, T0, { maxQuoteChars: 40 });
    expect(cut.validatedMarkers?.[0]?.quotes).toEqual([long]);
    expect(cut.text).toContain(`"${long.slice(0, 39).trimEnd()}…"`);
    expect(cut.text).not.toContain(long);
  });

  it('copes with an empty state: no markers, no window, zero peak age', () => {
    const empty = buildBrief({ interactionId: 'call-1', version: 1 }, T0);
    expect(empty).toMatchObject({
      validatedMarkers: [],
      resolvedObjections: [],
      openObjections: [],
      doNotAsk: [],
      consentWindow: null,
      peakAgeMs: 0,
    });
    expect(empty.text).toBe('Buyer readiness 0% (peak 0%).');
  });

  it('never reports a negative peak age (clock behind the peak)', () => {
    expect(buildBrief(intentState(), T0 - 60_000).peakAgeMs).toBe(0);
  });

  it('refuses a non-finite time or a silly quote limit', () => {
    expect(() => buildBrief(intentState(), Number.NaN)).toThrow(HandoffInputError);
    expect(() => buildBrief(intentState(), T0, { maxQuoteChars: 2 })).toThrow(
      expect.objectContaining({ field: 'maxQuoteChars' }),
    );
  });
});

describe('doNotAskQuestions', () => {
  it('phrases known and unknown objection topics and drops duplicates', () => {
    expect(
      doNotAskQuestions([K.MARKER_KIND_TIMING_CONSENT], ['contract_length', 'roof_age'], true),
    ).toEqual([
      'When would be a good time?',
      'Are you comfortable with the contract length?',
      'Do you have any concerns about roof age?',
    ]);
  });
});
