// The record the simulator keeps of each finished call, and the rule that names its outcome.
import type { TimeWindow } from './timing-answer.js';
import type { Persona, SimulationMode } from './vocabulary.js';

/** How a call ended, from the buyer's side. The report counts every kind, zeros included. */
export const OUTCOME_KINDS = [
  'bridged',
  'dropped_in_requalification',
  'appointment',
  'appointment_unavailable',
  'returned_to_ai',
  'transfer_failed',
  'abandoned',
  'held_no_escalation',
  'voicemail',
  'denied',
  'timed_out',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * One finished call. Two clocks (see simulation-time.ts): `*AtMs` stamps are wall-clock epoch ms,
 * so decisive → command latencies are the real latency of the stack; `handleTimeMs` and
 * `requalificationMs` are simulated ms, the buyer's and closer's time.
 */
export interface CallOutcome {
  readonly interactionId: string;
  readonly callIndex: number;
  readonly mode: SimulationMode;
  readonly persona: Persona;
  readonly outcome: OutcomeKind;
  /**
   * Reasons seen on the way, as their enum names without prefix: decision reasons
   * ("SIGNAL_DEGRADED"), handoff failure reasons ("CLOSER_DECLINED"), appointment-unavailable
   * reasons ("NO_SLOT_IN_WINDOW"), or the simulator's own ("PATIENCE_EXCEEDED"). Each counted once
   * per call.
   */
  readonly reasons: readonly string[];
  /** Faults injected into the call: the plan's AMD error and the stream's faults (InjectedFault names). */
  readonly faults: readonly string[];
  /** When the decisive utterance was first published (wall-clock epoch ms); null when none. */
  readonly decisiveAtMs: number | null;
  /** When the first TelephonyCommand of a live transfer arrived (wall-clock epoch ms); null when none. */
  readonly transferCommandAtMs: number | null;
  /** When AppointmentBooked arrived (wall-clock epoch ms); null when none. */
  readonly appointmentBookedAtMs: number | null;
  /** Call start to bridge, booking or hang-up, simulated ms (re-qualification not included). */
  readonly handleTimeMs: number;
  /** The closer re-asking what the buyer had confirmed, after the bridge, simulated ms (0 when none). */
  readonly requalificationMs: number;
  /** For bridged calls: whether the closer had to re-ask anything; null when not bridged. */
  readonly requalificationNeeded: boolean | null;
  /** The window the buyer consented to (timingWindow of the plan's answer), epoch ms; null when none. */
  readonly consentWindow: TimeWindow | null;
  /** The booked slot (AppointmentBooked start/end), epoch ms; null when none. */
  readonly appointment: TimeWindow | null;
}

/** What the simulator observed of a call, for classifyOutcome. */
export interface CallFacts {
  /** A Bridge reached BRIDGED (HandoffEvent BRIDGED / CallProgress BRIDGED). */
  readonly bridged: boolean;
  /** After the bridge the buyer dropped off during re-qualification (RequalificationCost.dropsOff). */
  readonly droppedInRequalification: boolean;
  /** AppointmentBooked arrived. */
  readonly appointmentBooked: boolean;
  /** AppointmentUnavailable arrived (and nothing was booked). */
  readonly appointmentUnavailable: boolean;
  /** The handoff ended RETURNED_TO_AI (or a ReturnToAgent command arrived). */
  readonly returnedToAi: boolean;
  /** The handoff ended FAILED. */
  readonly transferFailed: boolean;
  /** The buyer hung up because they had waited longer than their patience. */
  readonly buyerAbandoned: boolean;
  /** The call was still open at the scenario's callLimitMs. */
  readonly timedOut: boolean;
  /** A machine answered (voicemail persona). */
  readonly reachedVoicemail: boolean;
  /** The governor's last decision outcome for the call, if any. */
  readonly lastDecision:
    | 'hold'
    | 'deny'
    | 'authorize_live_transfer'
    | 'authorize_appointment'
    | null;
}

/**
 * The outcome of a call, first match wins: bridged (dropped_in_requalification if the buyer left
 * during it) → appointment → returned_to_ai → transfer_failed → appointment_unavailable →
 * abandoned → timed_out → voicemail → denied (last decision DENY) → held_no_escalation.
 */
export function classifyOutcome(facts: CallFacts): OutcomeKind {
  if (facts.bridged)
    return facts.droppedInRequalification ? 'dropped_in_requalification' : 'bridged';
  if (facts.appointmentBooked) return 'appointment';
  if (facts.returnedToAi) return 'returned_to_ai';
  if (facts.transferFailed) return 'transfer_failed';
  if (facts.appointmentUnavailable) return 'appointment_unavailable';
  if (facts.buyerAbandoned) return 'abandoned';
  if (facts.timedOut) return 'timed_out';
  if (facts.reachedVoicemail) return 'voicemail';
  if (facts.lastDecision === 'deny') return 'denied';
  return 'held_no_escalation';
}
