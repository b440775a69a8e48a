// The plan of one simulated call: who the buyer is and the perception events the simulator plays,
// each at a simulated time since the call started.
import type { warmline } from '@warmline/contracts';
import type { MarkerName } from './buyer-lines.js';
import type { TimingAnswer } from './timing-answer.js';
import type { ObjectionTopic, Persona, SimulationMode } from './vocabulary.js';

/** What a planned event is in the script (for the simulator's bookkeeping and logs). */
export type EventTag =
  /** The buyer's last validating confirmation: decisive-utterance latency is measured from it. */
  | 'decisive'
  /** The buyer's answer about timing: its send time resolves the consent window. */
  | 'timing'
  /** An explicit buyer confirmation of a marker. */
  | 'confirmation'
  /** A tentative buyer answer. */
  | 'hedge'
  | 'objection_raised'
  | 'objection_resolved'
  | 'objection_refused'
  /** A buyer utterance cut mid-sentence by the agent. */
  | 'cut'
  /** An answering machine's greeting. */
  | 'voicemail_greeting'
  /**
   * The agent keeping a buyer company after the decisive utterance while the stack decides. Stop
   * playing these once the buyer is put on hold, transferred or booked.
   */
  | 'hold_filler';

/** One perception event of the plan. */
export interface PlannedEvent {
  /** When it is emitted, simulated ms since the call started (CallStarted is at 0). */
  readonly atMs: number;
  readonly event: warmline.v1.IPerceptionEvent;
  readonly tags: readonly EventTag[];
}

/** How answering-machine detection went wrong on this call (scenario faults.amdErrorRate). */
export type AmdError =
  /** A person answered; AMD said machine. */
  | 'machine_for_human'
  /** A person answered; AMD said human, below the confidence floor. */
  | 'low_confidence_human'
  /** AMD could not decide. */
  | 'unknown'
  /** A machine answered; AMD said human. */
  | 'human_for_machine';

/** One buyer's call, ready to play. Identical for a given seed and index in every mode but ids. */
export interface CallPlan {
  readonly callIndex: number;
  readonly mode: SimulationMode;
  readonly interactionId: string;
  readonly campaignId: string;
  readonly leadId: string;
  readonly persona: Persona;
  readonly language: string;
  readonly timeZone: string;
  readonly territory: string;
  /** The markers the agent asked about, in the order asked (scenario buyers.permissionFirstRate). */
  readonly questionOrder: readonly MarkerName[];
  /** What the buyer said about timing, when they got that far; null otherwise. */
  readonly timing: TimingAnswer | null;
  /** The objection raised, and whether the agent's answer settled it; null when none. */
  readonly objection: { readonly topic: ObjectionTopic; readonly resolved: boolean } | null;
  readonly amdError: AmdError | null;
  /** How long the buyer waits after the decisive utterance before hanging up, simulated ms. */
  readonly patienceMs: number;
  /**
   * decisiveAtMs + patienceMs: if the buyer is not bridged or booked by then, the simulator sends
   * hangUpEvent('buyer') and reports the buyer's hang-up on any leg. Null without a decisive utterance.
   */
  readonly hangsUpAtMs: number | null;
  /** Simulated ms at which the call was answered (event offsets count from here). */
  readonly answeredAtMs: number;
  /** The scripted events, ordered by atMs. */
  readonly timeline: readonly PlannedEvent[];
  /** atMs of the decisive utterance (tag "decisive"), or null when the buyer never validates. */
  readonly decisiveAtMs: number | null;
  /** segment_id of the decisive utterance, or null. */
  readonly decisiveSegmentId: string | null;
  /** The timeline already ends the call (HangUp): hedging, refused objections, voicemail. */
  readonly endsWithHangUp: boolean;
}
