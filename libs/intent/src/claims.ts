// What the extractor hears in one buyer utterance. Claims are not yet evidence: the reducer weighs
// them against the quality of the speech they came from.
import type { MarkerKindName } from './marker-kind.js';

/** How the buyer spoke about a marker: yes, tentatively, or no / taking it back. */
export type Polarity = 'affirm' | 'hedge' | 'negate';

/** A claim about one marker. */
export interface MarkerClaim {
  readonly type: 'marker';
  readonly kind: MarkerKindName;
  readonly polarity: Polarity;
  /** A statement about the marker itself ("sign me up") or an answer to the agent's question ("yes"). */
  readonly basis: 'statement' | 'answer';
}

/** A claim that an objection was raised or that the agent's answer to it was accepted. */
export interface ObjectionClaim {
  readonly type: 'objection';
  /** lower_snake_case topic, e.g. "price". */
  readonly topic: string;
  readonly status: 'raised' | 'resolved';
  /** For `resolved`: what the buyer accepted, for the closer (the agent's answer). */
  readonly resolution?: string;
}

export type Claim = MarkerClaim | ObjectionClaim;

/** An objection still open when the buyer speaks. */
export interface OpenObjectionView {
  readonly topic: string;
  /** The agent has spoken since it was raised, so the buyer can be accepting an answer. */
  readonly answered: boolean;
}

/** What the extractor needs to know about the conversation before the buyer's utterance. */
export interface ConversationSoFar {
  /** The agent's most recent utterance, if any: a bare "yes" answers what it asked. */
  readonly agentUtterance?: string | null;
  /** Open objections, oldest first. */
  readonly openObjections?: readonly OpenObjectionView[];
}
