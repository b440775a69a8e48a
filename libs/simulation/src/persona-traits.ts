// How each persona behaves in time: how long they tolerate waiting, how fast they answer, how often
// they pause. The README's "Buyer model" section documents this table and the formulas using it.
import { deepFreeze } from '@warmline/policy';
import type { Persona } from './vocabulary.js';

/** The timing traits of a persona. */
export interface PersonaTraits {
  /** Waiting up to this long never makes the buyer hang up, ms. */
  readonly minPatienceMs: number;
  /** Mean of the exponential extra patience beyond the minimum, ms (0: fixed patience). */
  readonly meanExtraPatienceMs: number;
  /** Gap between the agent's end of speech and the buyer's reply, ms [min, max). */
  readonly replyDelayMs: readonly [number, number];
  /** Chance of a reported silence before an answer. */
  readonly silenceChance: number;
  /** Buyer speech rate, ms per word [min, max) (drawn once per call). */
  readonly msPerWord: readonly [number, number];
}

/** The persona table (see README "Buyer model"). */
export const PERSONA_TRAITS: Readonly<Record<Persona, PersonaTraits>> = deepFreeze({
  ready: {
    minPatienceMs: 20_000,
    meanExtraPatienceMs: 60_000,
    replyDelayMs: [300, 900],
    silenceChance: 0.05,
    msPerWord: [260, 340],
  },
  hedging: {
    minPatienceMs: 10_000,
    meanExtraPatienceMs: 30_000,
    replyDelayMs: [900, 1_800],
    silenceChance: 0.8,
    msPerWord: [320, 420],
  },
  objecting: {
    minPatienceMs: 15_000,
    meanExtraPatienceMs: 45_000,
    replyDelayMs: [500, 1_400],
    silenceChance: 0.15,
    msPerWord: [280, 360],
  },
  interrupting: {
    minPatienceMs: 10_000,
    meanExtraPatienceMs: 30_000,
    replyDelayMs: [200, 600],
    silenceChance: 0,
    msPerWord: [240, 300],
  },
  // A machine records for a fixed minute, whatever happens.
  voicemail: {
    minPatienceMs: 60_000,
    meanExtraPatienceMs: 0,
    replyDelayMs: [300, 600],
    silenceChance: 0,
    msPerWord: [300, 340],
  },
  hangUpOnHold: {
    minPatienceMs: 3_000,
    meanExtraPatienceMs: 12_000,
    replyDelayMs: [300, 900],
    silenceChance: 0.05,
    msPerWord: [260, 340],
  },
});
