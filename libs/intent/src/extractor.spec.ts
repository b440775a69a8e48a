import { classifyAgentTurn } from './agent-turn.js';
import type { OpenObjectionView } from './claims.js';
import { ENGLISH_PHRASES } from './english-phrases.js';
import { extractClaims } from './extractor.js';
import { isVoicemailGreeting } from './voicemail-greeting.js';

/** The marker claims of `utterance` as { kind: polarity }. */
function markers(utterance: string, agent: string | null = null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const claim of extractClaims(utterance, { agentUtterance: agent }, ENGLISH_PHRASES)) {
    if (claim.type === 'marker') out[claim.kind] = claim.polarity;
  }
  return out;
}

function objections(utterance: string, agent: string | null, open: OpenObjectionView[] = []) {
  return extractClaims(utterance, { agentUtterance: agent, openObjections: open }, ENGLISH_PHRASES)
    .filter((c) => c.type === 'objection')
    .map((c) => (c.type === 'objection' ? `${c.status}:${c.topic}` : ''));
}

describe('extractClaims: direct statements', () => {
  it.each([
    ['yes, the whole roof is what I need', 'scope_confirmed'],
    ['I want the 10 kW system', 'scope_confirmed'],
    ['Put me through', 'escalation_permission'],
    ["I'm happy to talk to a specialist", 'escalation_permission'],
    ['happy to talk to a specialist', 'escalation_permission'],
    ["let's do the site survey", 'next_step_accepted'],
    ['Sign me up!', 'next_step_accepted'],
    ['now is fine', 'timing_consent'],
    ['call me Thursday after 2', 'timing_consent'],
  ])('"%s" affirms %s with no question asked', (utterance, kind) => {
    expect(markers(utterance)).toEqual({ [kind]: 'affirm' });
  });

  it('reads a negated statement as a refusal, not an affirmation', () => {
    expect(markers("I don't need the whole roof")).toEqual({ scope_confirmed: 'negate' });
    expect(markers('I do not want the 10 kW system')).toEqual({ scope_confirmed: 'negate' });
    expect(markers("please don't transfer me")).toEqual({ escalation_permission: 'negate' });
    expect(markers('now is not a good time')).toEqual({ timing_consent: 'negate' });
  });

  it('needs a time named in the sentence before "call me" is timing consent', () => {
    expect(markers('call me')).toEqual({});
    expect(markers('you can reach me tomorrow morning')).toEqual({ timing_consent: 'affirm' });
  });

  it('lets a later sentence correct an earlier one about the same marker', () => {
    expect(markers("I want the 5 kW system. Actually, I don't want the 5 kW system.")).toEqual({
      scope_confirmed: 'negate',
    });
  });

  it('does not take a sentence-opening "no" as negating what follows it', () => {
    expect(markers('no I want the whole roof system')).toEqual({ scope_confirmed: 'affirm' });
  });
});

describe('extractClaims: answers to the agent', () => {
  const connect = 'Would you like me to connect you to a specialist?';

  it.each(['yes', 'Sure', 'Absolutely.', "that's right", 'yeah go ahead', "I don't mind"])(
    '"%s" affirms what the agent asked',
    (reply) => {
      expect(markers(reply, connect)).toEqual({ escalation_permission: 'affirm' });
    },
  );

  it.each(['maybe', 'I guess', "I'm just looking", "I'd have to check", 'not sure', 'probably'])(
    '"%s" is a hedge',
    (reply) => {
      expect(markers(reply, connect)).toEqual({ escalation_permission: 'hedge' });
    },
  );

  it.each(['no', "don't", 'actually I changed my mind', 'no thanks'])(
    '"%s" is a refusal',
    (reply) => {
      expect(markers(reply, connect)).toEqual({ escalation_permission: 'negate' });
    },
  );

  it('reads "not now" as refusing the question and the timing', () => {
    expect(markers('not now', connect)).toEqual({
      timing_consent: 'negate',
      escalation_permission: 'negate',
    });
  });

  it('lets a hedge win over a yes in the same utterance', () => {
    expect(markers('yes, maybe', connect)).toEqual({ escalation_permission: 'hedge' });
    expect(markers('Yes. Well... maybe.', connect)).toEqual({ escalation_permission: 'hedge' });
    expect(markers('Sure, sign me up. I guess.')).toEqual({ next_step_accepted: 'hedge' });
  });

  it('does not let a hedge about an objection topic weaken an answer', () => {
    expect(markers("Yes, connect me. I'm not sure about the price though.", connect)).toEqual({
      escalation_permission: 'affirm',
    });
  });

  it('answers every marker the question asked, and takes a bare time as timing consent', () => {
    expect(markers('Yes please', 'Would you like me to connect you to a specialist now?')).toEqual({
      timing_consent: 'affirm',
      escalation_permission: 'affirm',
    });
    expect(markers('Thursday after 2', 'When would be a good time for a call back?')).toEqual({
      timing_consent: 'affirm',
    });
  });

  it('says nothing about markers when the agent asked nothing classifiable', () => {
    expect(markers('yes', 'Thanks for picking up.')).toEqual({});
    expect(markers('yes', null)).toEqual({});
  });

  it('prefers the buyer’s own statement over a bare answer for that marker', () => {
    expect(
      markers('No, not now. Call me Thursday after 2.', 'Would you like me to connect you now?'),
    ).toEqual({ timing_consent: 'affirm', escalation_permission: 'negate' });
  });
});

describe('extractClaims: objections', () => {
  it.each([
    ["that's too expensive", 'price'],
    ["I don't want to be locked in for years", 'contract_length'],
    ['I need to ask my wife first', 'authority'],
    ['we are already talking to another company', 'competitor'],
    ['this sounds like a scam', 'trust'],
  ])('"%s" raises %s', (utterance, topic) => {
    expect(objections(utterance, null)).toEqual([`raised:${topic}`]);
  });

  it('does not raise a negated objection', () => {
    expect(objections("it's not too expensive", null)).toEqual([]);
  });

  it('resolves an answered objection when the buyer accepts the answer', () => {
    const open = [{ topic: 'contract_length', answered: true }];
    expect(
      objections(
        'fair enough, the 12-month term is fine',
        'We can do a 12-month term with an exit clause.',
        open,
      ),
    ).toEqual(['resolved:contract_length']);
  });

  it('resolves on a yes to "does that work for you?"', () => {
    const open = [{ topic: 'price', answered: true }];
    expect(
      objections('Yes', 'We have financing with zero down. Does that work for you?', open),
    ).toEqual(['resolved:price']);
  });

  it('keeps the agent’s answer as the resolution text', () => {
    const [claim] = extractClaims(
      'ok that works',
      {
        agentUtterance: 'We have financing with zero down.',
        openObjections: [{ topic: 'price', answered: true }],
      },
      ENGLISH_PHRASES,
    );
    expect(claim).toEqual({
      type: 'objection',
      topic: 'price',
      status: 'resolved',
      resolution: 'accepted: We have financing with zero down.',
    });
  });

  it('does not resolve before the agent answered, nor on a hedged or refused acceptance', () => {
    expect(objections('ok that works', 'Hmm.', [{ topic: 'price', answered: false }])).toEqual([]);
    expect(
      objections('maybe that works', 'Zero down.', [{ topic: 'price', answered: true }]),
    ).toEqual([]);
    expect(
      objections("that doesn't work", 'Zero down.', [{ topic: 'price', answered: true }]),
    ).toEqual([]);
  });

  it('resolves the objection the buyer names when several are open', () => {
    const open = [
      { topic: 'price', answered: true },
      { topic: 'contract_length', answered: true },
    ];
    expect(objections('ok, the price is fine', 'Zero down and a 12-month term.', open)).toEqual([
      'resolved:price',
    ]);
  });
});

describe('classifyAgentTurn', () => {
  it.each([
    [
      'Would you like me to connect you to a specialist now?',
      ['timing_consent', 'escalation_permission'],
    ],
    ['Is now a good time?', ['timing_consent']],
    ['Shall I book the site survey?', ['next_step_accepted']],
    ['So you need the whole roof covered, is that right?', ['scope_confirmed']],
    ['Can I call you back tomorrow at 3?', ['timing_consent']],
    ['Installation takes about 2 days.', []],
  ])('"%s" asks about %j', (text, asks) => {
    expect(classifyAgentTurn(text, ENGLISH_PHRASES).markers).toEqual(asks);
  });
});

describe('isVoicemailGreeting', () => {
  it('recognises an answering machine greeting and not a buyer', () => {
    expect(
      isVoicemailGreeting(
        "Hi, you've reached Sam. Leave a message after the tone.",
        ENGLISH_PHRASES,
      ),
    ).toBe(true);
    expect(isVoicemailGreeting('Yes, now is a good time.', ENGLISH_PHRASES)).toBe(false);
  });
});
