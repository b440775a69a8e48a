// The escalation lifecycle of one interaction (design §3.3): engaged → qualifying → ready →
// authorised → transferring → connected | scheduled | closed, as one explicit transition table.
import { v1, type warmline } from '@warmline/contracts';
import { IllegalTransitionError } from './errors.js';

/** Where an interaction is in the escalation lifecycle; mirrors warmline.v1.InteractionState. */
export type InteractionPhase =
  | 'engaged'
  | 'qualifying'
  | 'ready'
  | 'authorised'
  | 'transferring'
  | 'connected'
  | 'scheduled'
  | 'closed';

/** Every phase, in lifecycle order. */
export const INTERACTION_PHASES: readonly InteractionPhase[] = [
  'engaged',
  'qualifying',
  'ready',
  'authorised',
  'transferring',
  'connected',
  'scheduled',
  'closed',
];

/** What moves an interaction from one phase to the next. */
export type InteractionEvent =
  /** A new intent version that does not make the interaction ready (a HOLD). */
  | 'evidence'
  /** The policy's requirements are met but the governor holds (operational controls). */
  | 'ready'
  /** A grant was issued. */
  | 'authorised'
  /** The router started the live transfer. */
  | 'transfer-started'
  /** The buyer is bridged to a closer. */
  | 'connected'
  /** An appointment was booked (directly or as a transfer's fallback). */
  | 'scheduled'
  /** The call went back to the AI agent (fallback return_to_ai or a failed transfer). */
  | 'returned-to-ai'
  /** The active grant was revoked; qualification continues. */
  | 'revoked'
  /** The call ended. */
  | 'closed';

/** Every event. */
export const INTERACTION_EVENTS: readonly InteractionEvent[] = [
  'evidence',
  'ready',
  'authorised',
  'transfer-started',
  'connected',
  'scheduled',
  'returned-to-ai',
  'revoked',
  'closed',
];

const TERMINAL: ReadonlySet<InteractionPhase> = new Set(['connected', 'scheduled', 'closed']);

type Table = Readonly<
  Record<InteractionPhase, Partial<Record<InteractionEvent, InteractionPhase>>>
>;

// Missing entries are illegal moves. A terminal phase only absorbs `closed` (the call ending after
// a connect or a booking changes nothing about how the escalation ended).
const TRANSITIONS: Table = {
  engaged: { evidence: 'qualifying', ready: 'ready', authorised: 'authorised', closed: 'closed' },
  qualifying: {
    evidence: 'qualifying',
    ready: 'ready',
    authorised: 'authorised',
    closed: 'closed',
  },
  ready: { evidence: 'qualifying', ready: 'ready', authorised: 'authorised', closed: 'closed' },
  authorised: {
    evidence: 'authorised',
    'transfer-started': 'transferring',
    scheduled: 'scheduled',
    'returned-to-ai': 'qualifying',
    revoked: 'qualifying',
    closed: 'closed',
  },
  transferring: {
    evidence: 'transferring',
    connected: 'connected',
    scheduled: 'scheduled',
    'returned-to-ai': 'qualifying',
    revoked: 'qualifying',
    closed: 'closed',
  },
  connected: { closed: 'connected' },
  scheduled: { closed: 'scheduled' },
  closed: { closed: 'closed' },
};

/** The phase after `event`; throws IllegalTransitionError for a move the lifecycle does not allow. */
export function transition(phase: InteractionPhase, event: InteractionEvent): InteractionPhase {
  const next = TRANSITIONS[phase][event];
  if (next === undefined) throw new IllegalTransitionError(phase, event);
  return next;
}

/** True when `event` is a legal move from `phase`. */
export function canTransition(phase: InteractionPhase, event: InteractionEvent): boolean {
  return TRANSITIONS[phase][event] !== undefined;
}

/** True for connected, scheduled and closed: the escalation is over. */
export function isTerminalPhase(phase: InteractionPhase): boolean {
  return TERMINAL.has(phase);
}

const STATES: Record<InteractionPhase, warmline.v1.InteractionState> = {
  engaged: v1.InteractionState.INTERACTION_STATE_ENGAGED,
  qualifying: v1.InteractionState.INTERACTION_STATE_QUALIFYING,
  ready: v1.InteractionState.INTERACTION_STATE_READY,
  authorised: v1.InteractionState.INTERACTION_STATE_AUTHORISED,
  transferring: v1.InteractionState.INTERACTION_STATE_TRANSFERRING,
  connected: v1.InteractionState.INTERACTION_STATE_CONNECTED,
  scheduled: v1.InteractionState.INTERACTION_STATE_SCHEDULED,
  closed: v1.InteractionState.INTERACTION_STATE_CLOSED,
};

/** The wire InteractionState of a phase. */
export function interactionStateOf(phase: InteractionPhase): warmline.v1.InteractionState {
  return STATES[phase];
}

/** The phase of a wire InteractionState, or null for UNSPECIFIED / unknown values. */
export function phaseOf(state: warmline.v1.InteractionState): InteractionPhase | null {
  return INTERACTION_PHASES.find((phase) => STATES[phase] === state) ?? null;
}
