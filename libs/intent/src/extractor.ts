// The built-in, deterministic extractor: reads one final buyer utterance the way a careful note-taker
// would, so Warmline qualifies calls with no LLM at all.
//
//  - Statements about a marker count on their own ("sign me up"); a negated one is a refusal
//    ("I don't need the whole roof").
//  - A bare answer ("yes", "maybe", "no") is about what the agent's last utterance asked.
//  - In one sentence a no beats a maybe, and a maybe beats a yes ("yes, maybe" is a hedge). A
//    sentence of hedging alone ("Yes. Well... maybe.") weakens every yes of the utterance, unless it
//    is about an objection topic ("not sure about the price though").
//  - A later sentence corrects an earlier one about the same marker.
import { classifyAgentTurn, topicsMentioned, type AgentAsk } from './agent-turn.js';
import type { Claim, ConversationSoFar, MarkerClaim, ObjectionClaim, Polarity } from './claims.js';
import { compiledPhraseSet, type CompiledPhraseSet } from './compiled-phrase-set.js';
import { mentionsTime } from './consent-window.js';
import { MARKER_KIND_NAMES, type MarkerKindName } from './marker-kind.js';
import type { PhraseSet } from './phrase-set.js';
import {
  plainMatches,
  readSentence,
  statementMatches,
  type AnswerCategory,
  type ReadSentence,
} from './sentence-reading.js';
import { sentencesOf } from './utterance.js';

/** The longest resolution text kept (the agent's answer, for the closer). */
export const RESOLUTION_MAX_CHARS = 200;

/** Claims in one buyer utterance: marker claims in enum order, then objection claims. */
export function extractClaims(
  utterance: string,
  conversation: ConversationSoFar,
  phraseSet: PhraseSet,
): Claim[] {
  const phrases = compiledPhraseSet(phraseSet);
  const sentences = sentencesOf(utterance, phraseSet.contractions, phraseSet.contrast).map((s) =>
    readSentence(s, phrases),
  );
  const agentText = conversation.agentUtterance ?? '';
  const ask = agentText === '' ? null : classifyAgentTurn(agentText, phraseSet);
  const statements = sentences.map((read) => statementsIn(read, phrases));
  const topicTalk = sentences.map((read) => topicsMentioned(phrases, [read.sentence]).length > 0);
  const raised = raisedTopics(sentences, phrases);
  const claimFree = sentences.map(
    (_, i) => statements[i]?.size === 0 && !topicTalk[i] && raised.bySentence[i] === 0,
  );
  const looseHedge = sentences.some((read, i) => claimFree[i] && has(read, 'hedge'));
  const answer = answerPolarity(sentences, claimFree);

  const markerClaims: MarkerClaim[] = [];
  for (const kind of MARKER_KIND_NAMES) {
    const stated = lastStatement(statements, kind);
    let claim: MarkerClaim | null = null;
    if (stated !== null) claim = { type: 'marker', kind, polarity: stated, basis: 'statement' };
    else if (ask?.markers.includes(kind)) {
      const polarity =
        answer ?? (kind === 'timing_consent' && mentionsTime(utterance) ? 'affirm' : null);
      if (polarity !== null) claim = { type: 'marker', kind, polarity, basis: 'answer' };
    }
    if (claim === null) continue;
    markerClaims.push(
      claim.polarity === 'affirm' && looseHedge ? { ...claim, polarity: 'hedge' } : claim,
    );
  }
  const objectionClaims: ObjectionClaim[] = raised.topics.map((topic) => ({
    type: 'objection',
    topic,
    status: 'raised',
  }));
  objectionClaims.push(
    ...resolvedClaims(sentences, phrases, conversation, ask, answer, raised.topics, utterance),
  );
  return [...markerClaims, ...objectionClaims];
}

/** Per marker kind, the polarity of the sentence's last statement about it. */
function statementsIn(
  read: ReadSentence,
  phrases: CompiledPhraseSet,
): Map<MarkerKindName, Polarity> {
  const out = new Map<MarkerKindName, Polarity>();
  const timed = mentionsTime(read.sentence.text);
  const hedged = has(read, 'hedge');
  for (const kind of MARKER_KIND_NAMES) {
    const m = phrases.markers[kind];
    const found: { start: number; polarity: Polarity }[] = [];
    for (const pattern of timed ? [...m.affirm, ...m.affirmWithTime] : m.affirm) {
      for (const s of statementMatches(pattern, read, phrases)) {
        found.push({ start: s.start, polarity: s.negated ? 'negate' : 'affirm' });
      }
    }
    for (const pattern of m.negate) {
      for (const start of plainMatches(pattern, read, phrases))
        found.push({ start, polarity: 'negate' });
    }
    for (const pattern of m.hedge) {
      for (const start of plainMatches(pattern, read, phrases))
        found.push({ start, polarity: 'hedge' });
    }
    const last = found
      .sort((a, b) => a.start - b.start || rank(b.polarity) - rank(a.polarity))
      .at(-1);
    if (last === undefined) continue;
    out.set(kind, last.polarity === 'affirm' && hedged ? 'hedge' : last.polarity);
  }
  return out;
}

function lastStatement(
  statements: readonly Map<MarkerKindName, Polarity>[],
  kind: MarkerKindName,
): Polarity | null {
  for (let i = statements.length - 1; i >= 0; i--) {
    const polarity = statements[i]?.get(kind);
    if (polarity !== undefined) return polarity;
  }
  return null;
}

/**
 * The utterance's answer to the agent: every answer word of sentences without statements of their
 * own, and the opening words ("yes, ...", "no, ...") of the others. No beats maybe beats yes.
 */
function answerPolarity(
  sentences: readonly ReadSentence[],
  claimFree: readonly boolean[],
): Polarity | null {
  const categories = new Set<AnswerCategory>();
  sentences.forEach((read, i) => {
    for (const match of read.answers) {
      if (claimFree[i] || match.start <= 1) categories.add(match.category);
    }
  });
  if (categories.has('negate')) return 'negate';
  if (categories.has('hedge')) return 'hedge';
  return categories.has('affirm') || categories.has('resolved') ? 'affirm' : null;
}

function raisedTopics(
  sentences: readonly ReadSentence[],
  phrases: CompiledPhraseSet,
): { topics: string[]; bySentence: number[] } {
  const topics: string[] = [];
  const bySentence = sentences.map((read) => {
    let count = 0;
    for (const objection of phrases.objections) {
      if (!objection.raise.some((p) => plainMatches(p, read, phrases).length > 0)) continue;
      count++;
      if (!topics.includes(objection.topic)) topics.push(objection.topic);
    }
    return count;
  });
  return { topics, bySentence };
}

/**
 * Acceptance of the agent's answer to an open objection: an un-negated, un-hedged "fair enough" /
 * "that works", or a yes to the agent's "does that work for you?". Which objection: the answered
 * ones the buyer names, else those the agent's answer names, else the latest answered one.
 */
function resolvedClaims(
  sentences: readonly ReadSentence[],
  phrases: CompiledPhraseSet,
  conversation: ConversationSoFar,
  ask: AgentAsk | null,
  answer: Polarity | null,
  raisedNow: readonly string[],
  utterance: string,
): ObjectionClaim[] {
  const candidates = (conversation.openObjections ?? [])
    .filter((o) => o.answered && !raisedNow.includes(o.topic))
    .map((o) => o.topic);
  if (candidates.length === 0) return [];
  const accepted =
    sentences.some((read) => acceptsInSentence(read, phrases)) ||
    (ask?.objectionCheck === true && answer === 'affirm');
  if (!accepted) return [];
  const buyerTopics = topicsMentioned(
    phrases,
    sentences.map((r) => r.sentence),
  );
  const named = candidates.filter((t) => buyerTopics.includes(t));
  const agentNamed = candidates.filter((t) => ask?.topics.includes(t));
  const targets =
    named.length > 0 ? named : agentNamed.length > 0 ? agentNamed : [candidates.at(-1) as string];
  const resolution = resolutionText(conversation.agentUtterance ?? '', utterance);
  return [...new Set(targets)].map((topic) => ({
    type: 'objection',
    topic,
    status: 'resolved',
    resolution,
  }));
}

function acceptsInSentence(read: ReadSentence, phrases: CompiledPhraseSet): boolean {
  if (has(read, 'negate') || has(read, 'hedge')) return false;
  return phrases.objectionResolved.some((pattern) =>
    statementMatches(pattern, read, phrases).some((m) => !m.negated),
  );
}

function resolutionText(agentAnswer: string, buyerWords: string): string {
  const base = agentAnswer.trim() === '' ? buyerWords.trim() : agentAnswer.trim();
  const text = `accepted: ${base}`;
  return text.length <= RESOLUTION_MAX_CHARS
    ? text
    : `${text.slice(0, RESOLUTION_MAX_CHARS - 3)}...`;
}

function has(read: ReadSentence, category: AnswerCategory): boolean {
  return read.answers.some((m) => m.category === category);
}

function rank(polarity: Polarity): number {
  return polarity === 'negate' ? 2 : polarity === 'hedge' ? 1 : 0;
}
