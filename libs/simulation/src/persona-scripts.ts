// The conversation each persona has, written onto a CallScript (see README "Buyer model"). Every
// function draws from the rng in a fixed order, so a plan is reproducible from its seed.
import { v1, type warmline } from '@warmline/contracts';
import {
  AGENT_APOLOGY,
  AGENT_CLOSINGS,
  AGENT_OFFER_DETAILS,
  AGENT_OPENERS,
  AGENT_QUESTIONS,
  AGENT_VOICEMAIL_MESSAGE,
  BUYER_CONFIRMATIONS,
  BUYER_GOODBYES,
  BUYER_GREETINGS,
  BUYER_HEDGES,
  MARKER_ORDER,
  OBJECTION_LINES,
  VOICEMAIL_GREETINGS,
  type MarkerName,
} from './buyer-lines.js';
import type { AmdError, CallPlan } from './call-plan.js';
import type { CallScript } from './call-script.js';
import type { Rng } from './rng.js';
import type { Scenario } from './scenario-schema.js';
import { timingAnswer, type TimingAnswer } from './timing-answer.js';
import type { ObjectionTopic, Persona, TimingKind } from './vocabulary.js';

const { AmdResult, Speaker } = v1;

/** What a persona's conversation established, beyond its events. */
export interface Story {
  readonly questionOrder: readonly MarkerName[];
  readonly timing: TimingAnswer | null;
  readonly objection: CallPlan['objection'];
  readonly endsWithHangUp: boolean;
}

/** A conversation with a person: greeting, then the persona's qualification. */
export function conversation(
  script: CallScript,
  scenario: Scenario,
  persona: Exclude<Persona, 'voicemail'>,
  rng: Rng,
  amdError: AmdError | null,
): Story {
  script.answered(rng.between(2_000, 9_000));
  script.amd(...humanAmd(amdError, rng), rng.between(800, 2_500));
  script.agentSays(rng.pick(AGENT_OPENERS));
  script.buyerSays(rng.pick(BUYER_GREETINGS), []);
  if (persona === 'hedging') return hedgingCall(script, rng);

  const timing = timingAnswer(rng.weighted(scenario.buyers.timing), rng);
  const cutMarker = persona === 'interrupting' ? rng.pick(MARKER_ORDER) : null;
  const permissionFirst = rng.chance(scenario.buyers.permissionFirstRate);
  const confirm = (marker: MarkerName) =>
    confirmMarker(script, marker, timing, marker === cutMarker, rng);

  confirm('scope_confirmed');
  let objection: Story['objection'] = null;
  if (persona === 'objecting') {
    const topic = rng.pick(scenario.buyers.objectionTopics) as ObjectionTopic;
    const resolved = rng.chance(scenario.buyers.objectionResolveRate);
    objection = { topic, resolved };
    if (!objectionExchange(script, topic, resolved)) {
      script.agentSays(AGENT_CLOSINGS.refused);
      script.buyerSays(rng.pick(BUYER_GOODBYES), []);
      script.hangUp(Speaker.SPEAKER_BUYER, 'completed');
      return { questionOrder: ['scope_confirmed'], timing: null, objection, endsWithHangUp: true };
    }
  }
  const order: MarkerName[] = permissionFirst
    ? ['timing_consent', 'escalation_permission', 'next_step_accepted']
    : ['timing_consent', 'next_step_accepted', 'escalation_permission'];
  order.forEach(confirm);
  return {
    questionOrder: ['scope_confirmed', ...order],
    timing,
    objection,
    endsWithHangUp: false,
  };
}

function confirmMarker(
  script: CallScript,
  marker: MarkerName,
  timing: TimingAnswer,
  cut: boolean,
  rng: Rng,
): void {
  const question = rng.pick(questionFor(marker, timing.kind));
  const answer = marker === 'timing_consent' ? timing.text : rng.pick(BUYER_CONFIRMATIONS[marker]);
  const tags =
    marker === 'timing_consent'
      ? (['confirmation', 'timing'] as const)
      : (['confirmation'] as const);
  const claim = { marker, status: 'validated' } as const;
  if (cut) {
    script.bargeIn(question, AGENT_APOLOGY, answer, tags, claim);
  } else {
    script.agentSays(question);
    script.buyerSays(answer, tags, claim);
  }
}

function questionFor(marker: MarkerName, timing: TimingKind): readonly string[] {
  switch (marker) {
    case 'scope_confirmed':
    case 'next_step_accepted':
      return AGENT_QUESTIONS[marker];
    case 'timing_consent':
      return timing === 'now' ? AGENT_QUESTIONS.timing_now : AGENT_QUESTIONS.timing_window;
    case 'escalation_permission':
      return timing === 'now'
        ? [...AGENT_QUESTIONS.escalation_permission_now, ...AGENT_QUESTIONS.escalation_permission]
        : AGENT_QUESTIONS.escalation_permission;
  }
}

/** The buyer objects after hearing the offer; true when the agent's answer settles it. */
function objectionExchange(script: CallScript, topic: ObjectionTopic, resolved: boolean): boolean {
  const lines = OBJECTION_LINES[topic];
  script.agentSays(AGENT_OFFER_DETAILS);
  script.buyerSays(lines.raise, ['objection_raised'], { objection: topic, status: 'raised' });
  script.agentSays(lines.answer);
  if (resolved) {
    script.buyerSays(lines.accept, ['objection_resolved'], {
      objection: topic,
      status: 'resolved',
      resolution: lines.answer.split(/(?<=[.?!])\s/)[0] ?? lines.answer,
    });
  } else {
    script.buyerSays(lines.refuse, ['objection_refused'], { objection: topic, status: 'raised' });
  }
  return resolved;
}

function hedgingCall(script: CallScript, rng: Rng): Story {
  for (const marker of MARKER_ORDER) {
    script.agentSays(rng.pick(questionFor(marker, 'now')));
    script.buyerSays(rng.pick(BUYER_HEDGES[marker]), ['hedge'], { marker, status: 'exploratory' });
  }
  script.agentSays(AGENT_CLOSINGS.hedging);
  script.buyerSays(rng.pick(BUYER_GOODBYES), []);
  script.hangUp(Speaker.SPEAKER_BUYER, 'completed');
  return { questionOrder: MARKER_ORDER, timing: null, objection: null, endsWithHangUp: true };
}

/** A machine answers: its greeting, AMD, and the agent's message. */
export function voicemailCall(script: CallScript, rng: Rng, amdError: AmdError | null): Story {
  script.answered(rng.between(8_000, 20_000));
  const greeting = script.greeting(rng.pick(VOICEMAIL_GREETINGS), ['voicemail_greeting']);
  const [result, confidence] =
    amdError === null
      ? ([AmdResult.AMD_RESULT_MACHINE_START, rng.between(0.85, 0.97)] as const)
      : amdError === 'unknown'
        ? ([AmdResult.AMD_RESULT_UNKNOWN, rng.between(0.3, 0.6)] as const)
        : ([AmdResult.AMD_RESULT_HUMAN, rng.between(0.5, 0.75)] as const);
  script.amd(
    result,
    confidence,
    Math.min(rng.between(2_000, 3_500), greeting.endMs - script.answeredAt),
    true,
  );
  script.agentSays(AGENT_VOICEMAIL_MESSAGE, greeting.endMs + rng.between(700, 1_200));
  script.hangUp(Speaker.SPEAKER_AGENT, 'completed');
  return { questionOrder: [], timing: null, objection: null, endsWithHangUp: true };
}

/** AMD's verdict on a person: right and sure, or the drawn error. */
function humanAmd(amdError: AmdError | null, rng: Rng): [warmline.v1.AmdResult, number] {
  switch (amdError) {
    case 'machine_for_human':
      return [AmdResult.AMD_RESULT_MACHINE_START, rng.between(0.6, 0.85)];
    case 'low_confidence_human':
      return [AmdResult.AMD_RESULT_HUMAN, rng.between(0.4, 0.75)];
    case 'unknown':
      return [AmdResult.AMD_RESULT_UNKNOWN, rng.between(0.3, 0.6)];
    default:
      return [AmdResult.AMD_RESULT_HUMAN, rng.between(0.88, 0.99)];
  }
}
