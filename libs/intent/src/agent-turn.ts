// What the agent's last utterance asked about, so the buyer's "yes" / "maybe" / "no" can be attributed
// to a marker. A statement counts as well as a question ("I'll connect you to a specialist now." –
// "great"), and a question that names a time ("Can I call you back tomorrow at 3?") asks for timing.
import { compiledPhraseSet, type CompiledPhraseSet } from './compiled-phrase-set.js';
import { mentionsTime } from './consent-window.js';
import { MARKER_KIND_NAMES, type MarkerKindName } from './marker-kind.js';
import { findPhrase, type PhrasePattern } from './phrase-pattern.js';
import type { PhraseSet } from './phrase-set.js';
import { sentencesOf, type Sentence } from './utterance.js';

/** What one agent utterance asked. */
export interface AgentAsk {
  /** Markers a bare answer to it would be about, in enum order. */
  readonly markers: readonly MarkerKindName[];
  /** It checked whether an answer to an objection settled it ("does that work for you?"). */
  readonly objectionCheck: boolean;
  /** Objection topics it talks about (to pick which open objection an acceptance resolves). */
  readonly topics: readonly string[];
}

/** Classifies an agent utterance. */
export function classifyAgentTurn(text: string, phrases: PhraseSet): AgentAsk {
  const compiled = compiledPhraseSet(phrases);
  const sentences = sentencesOf(text, phrases.contractions, phrases.contrast);
  const markers = MARKER_KIND_NAMES.filter((name) =>
    matchesAny(compiled.markers[name].asks, sentences),
  );
  if (!markers.includes('timing_consent') && asksAboutTime(text)) {
    markers.splice(markerIndex(markers, 'timing_consent'), 0, 'timing_consent');
  }
  return {
    markers,
    objectionCheck: matchesAny(compiled.objectionCheck, sentences),
    topics: topicsMentioned(compiled, sentences),
  };
}

/** Topics whose mention words occur in any of `sentences`, in the phrase set's order. */
export function topicsMentioned(
  compiled: CompiledPhraseSet,
  sentences: readonly Sentence[],
): string[] {
  return compiled.objections
    .filter((objection) => matchesAny(objection.mentions, sentences))
    .map((objection) => objection.topic);
}

function matchesAny(patterns: readonly PhrasePattern[], sentences: readonly Sentence[]): boolean {
  return sentences.some((s) => patterns.some((p) => findPhrase(p, s.tokens).length > 0));
}

// Only a question about a time asks for timing: "installation takes about 2 days." asks nothing.
function asksAboutTime(text: string): boolean {
  return (text.match(/[^.!?]*\?/gu) ?? []).some(mentionsTime);
}

function markerIndex(markers: readonly MarkerKindName[], name: MarkerKindName): number {
  const order = MARKER_KIND_NAMES.indexOf(name);
  const after = markers.findIndex((m) => MARKER_KIND_NAMES.indexOf(m) > order);
  return after === -1 ? markers.length : after;
}
