// The buyer model only means something if Warmline hears it as intended: every line is run through
// @warmline/intent's built-in English extractor here.
import {
  ENGLISH_PHRASES,
  classifyAgentTurn,
  extractClaims,
  isVoicemailGreeting,
  type Claim,
} from '@warmline/intent';
import {
  AGENT_APOLOGY,
  AGENT_CLOSINGS,
  AGENT_HOLD_FILLERS,
  AGENT_OFFER_DETAILS,
  AGENT_OPENERS,
  AGENT_QUESTIONS,
  AGENT_VOICEMAIL_MESSAGE,
  BUYER_CONFIRMATIONS,
  BUYER_GOODBYES,
  BUYER_GREETINGS,
  BUYER_HEDGES,
  OBJECTION_LINES,
  TIMING_NOW_ANSWERS,
  VOICEMAIL_GREETINGS,
  type MarkerName,
} from './buyer-lines.js';
import { Rng } from './rng.js';
import { timingAnswer } from './timing-answer.js';
import { OBJECTION_TOPICS } from './vocabulary.js';

const claimsOf = (
  agent: string,
  buyer: string,
  open: { topic: string; answered: boolean }[] = [],
): Claim[] =>
  extractClaims(buyer, { agentUtterance: agent, openObjections: open }, ENGLISH_PHRASES);
const markerClaim = (claims: Claim[], kind: MarkerName) =>
  claims.find((c) => c.type === 'marker' && c.kind === kind);

const QUESTIONS: Record<MarkerName, readonly string[]> = {
  scope_confirmed: AGENT_QUESTIONS.scope_confirmed,
  timing_consent: [...AGENT_QUESTIONS.timing_now, ...AGENT_QUESTIONS.timing_window],
  next_step_accepted: AGENT_QUESTIONS.next_step_accepted,
  escalation_permission: [
    ...AGENT_QUESTIONS.escalation_permission,
    ...AGENT_QUESTIONS.escalation_permission_now,
  ],
};

const WINDOW_ANSWERS = [
  ...new Set(Array.from({ length: 400 }, (_, i) => timingAnswer('window', Rng.seeded(i)).text)),
];

describe('buyer lines as the extractor hears them', () => {
  it('asks about exactly one marker per question (the "now" permission question also about timing)', () => {
    for (const [marker, questions] of Object.entries(QUESTIONS)) {
      for (const question of questions) {
        const asks = classifyAgentTurn(question, ENGLISH_PHRASES).markers;
        const expected = AGENT_QUESTIONS.escalation_permission_now.includes(question as never)
          ? ['timing_consent', 'escalation_permission']
          : [marker];
        expect({ question, asks }).toEqual({ question, asks: expected });
      }
    }
  });

  it.each(['scope_confirmed', 'next_step_accepted', 'escalation_permission'] as const)(
    'hears every %s confirmation as an affirmation of it',
    (marker) => {
      for (const question of QUESTIONS[marker]) {
        for (const answer of BUYER_CONFIRMATIONS[marker]) {
          expect({ answer, claim: markerClaim(claimsOf(question, answer), marker) }).toEqual({
            answer,
            claim: expect.objectContaining({ polarity: 'affirm' }),
          });
        }
      }
    },
  );

  it('hears every timing answer, "now" and call-back windows, as timing consent', () => {
    expect(WINDOW_ANSWERS.length).toBeGreaterThanOrEqual(10);
    const pairs = [
      ...AGENT_QUESTIONS.timing_now.flatMap((q) => TIMING_NOW_ANSWERS.map((a) => [q, a] as const)),
      ...AGENT_QUESTIONS.timing_window.flatMap((q) => WINDOW_ANSWERS.map((a) => [q, a] as const)),
    ];
    for (const [question, answer] of pairs) {
      expect({ answer, claim: markerClaim(claimsOf(question, answer), 'timing_consent') }).toEqual({
        answer,
        claim: expect.objectContaining({ polarity: 'affirm' }),
      });
    }
  });

  it('hears every hedge as tentative and never as a yes', () => {
    for (const [marker, hedges] of Object.entries(BUYER_HEDGES) as [
      MarkerName,
      readonly string[],
    ][]) {
      for (const question of QUESTIONS[marker]) {
        for (const hedge of hedges) {
          const claims = claimsOf(question, hedge);
          expect(claims.some((c) => c.type === 'marker' && c.polarity === 'affirm')).toBe(false);
          const claim = markerClaim(claims, marker);
          if (claim !== undefined) expect(claim).toMatchObject({ polarity: 'hedge' });
        }
      }
    }
  });

  it.each(OBJECTION_TOPICS)('raises, resolves and re-raises a %s objection', (topic) => {
    const lines = OBJECTION_LINES[topic];
    expect(claimsOf(AGENT_OFFER_DETAILS, lines.raise)).toEqual([
      { type: 'objection', topic, status: 'raised' },
    ]);
    const open = [{ topic, answered: true }];
    expect(claimsOf(lines.answer, lines.accept, open)).toEqual([
      expect.objectContaining({ type: 'objection', topic, status: 'resolved' }),
    ]);
    expect(claimsOf(lines.answer, lines.refuse, open)).toContainEqual({
      type: 'objection',
      topic,
      status: 'raised',
    });
    expect(
      claimsOf(lines.answer, lines.refuse, open).some(
        (c) => c.type === 'objection' && c.status === 'resolved',
      ),
    ).toBe(false);
  });

  it('lets small talk, fillers and goodbyes claim nothing', () => {
    const agentLines = [
      ...AGENT_OPENERS,
      AGENT_OFFER_DETAILS,
      AGENT_CLOSINGS.hedging,
      AGENT_CLOSINGS.refused,
      AGENT_VOICEMAIL_MESSAGE,
    ];
    for (const agent of agentLines) {
      expect({ agent, asks: classifyAgentTurn(agent, ENGLISH_PHRASES).markers }).toEqual({
        agent,
        asks: [],
      });
      for (const buyer of [...BUYER_GREETINGS, ...BUYER_GOODBYES])
        expect(claimsOf(agent, buyer)).toEqual([]);
    }
    for (const filler of [AGENT_HOLD_FILLERS.first, ...AGENT_HOLD_FILLERS.repeated]) {
      expect(classifyAgentTurn(filler, ENGLISH_PHRASES).objectionCheck).toBe(false);
    }
    expect(classifyAgentTurn(AGENT_APOLOGY, ENGLISH_PHRASES).markers).toEqual([]);
  });

  it('makes every answering-machine greeting recognisable as voicemail', () => {
    for (const greeting of VOICEMAIL_GREETINGS)
      expect(isVoicemailGreeting(greeting, ENGLISH_PHRASES)).toBe(true);
    for (const line of [...BUYER_GREETINGS, ...BUYER_CONFIRMATIONS.scope_confirmed]) {
      expect(isVoicemailGreeting(line, ENGLISH_PHRASES)).toBe(false);
    }
  });
});
