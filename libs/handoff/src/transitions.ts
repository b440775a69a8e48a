// The transfer state machine as a table. Warm:
//
//   requested ─reserve─> reserved ─brief─> briefing ─ring─> ringing ─answer─> accepted ─bridge─> bridged
//
// Cold skips the front-loading: requested ─ring─> ringing ─answer─> accepted ─bridge─> bridged.
// An attempt can fail into declined / no_answer / voicemail_at_closer, from which `next_closer`
// starts the next attempt at requested. `next_closer` is also allowed from an active phase, for
// failures that have no phase of their own (a telephony error). From every phase that is not
// terminal the handoff can fall back (book_appointment, return_to_ai), fail, or be abandoned by
// the caller hanging up.
import { IllegalHandoffTransitionError } from './errors.js';
import { isTerminal, type HandoffPhase } from './phase.js';
import type { TransferModeName } from './transfer-mode.js';

/** What happened, in the state machine's vocabulary. */
export type HandoffTransition =
  | 'reserve'
  | 'brief'
  | 'ring'
  | 'answer'
  | 'bridge'
  | 'decline'
  | 'no_answer'
  | 'voicemail'
  | 'next_closer'
  | 'book_appointment'
  | 'return_to_ai'
  | 'fail'
  | 'caller_hang_up';

type Table = Partial<Record<HandoffPhase, Partial<Record<HandoffTransition, HandoffPhase>>>>;

const EXITS = {
  book_appointment: 'fallback_appointment',
  return_to_ai: 'returned_to_ai',
  fail: 'failed',
  caller_hang_up: 'caller_abandoned',
} as const satisfies Partial<Record<HandoffTransition, HandoffPhase>>;

const AFTER_ATTEMPT_FAILURE = { next_closer: 'requested', ...EXITS } as const;

const RINGING_ON = {
  ringing: {
    answer: 'accepted',
    decline: 'declined',
    no_answer: 'no_answer',
    voicemail: 'voicemail_at_closer',
    next_closer: 'requested',
    ...EXITS,
  },
  accepted: {
    bridge: 'bridged',
    decline: 'declined',
    voicemail: 'voicemail_at_closer',
    next_closer: 'requested',
    ...EXITS,
  },
  declined: AFTER_ATTEMPT_FAILURE,
  no_answer: AFTER_ATTEMPT_FAILURE,
  voicemail_at_closer: AFTER_ATTEMPT_FAILURE,
} as const satisfies Table;

const WARM: Table = {
  requested: { reserve: 'reserved', ...EXITS },
  // Before the dial, `decline` is the reservation rejected and `no_answer` the reservation timing out.
  reserved: {
    brief: 'briefing',
    decline: 'declined',
    no_answer: 'no_answer',
    next_closer: 'requested',
    ...EXITS,
  },
  briefing: {
    ring: 'ringing',
    decline: 'declined',
    no_answer: 'no_answer',
    next_closer: 'requested',
    ...EXITS,
  },
  ...RINGING_ON,
};

const COLD: Table = {
  // The dial is placed from requested; a leg can fail before it ever rings.
  requested: {
    ring: 'ringing',
    decline: 'declined',
    no_answer: 'no_answer',
    next_closer: 'requested',
    ...EXITS,
  },
  ...RINGING_ON,
};

/** The phase `transition` leads to from `phase`, or `null` when the table does not allow it. */
export function nextPhase(
  phase: HandoffPhase,
  transition: HandoffTransition,
  mode: TransferModeName = 'warm',
): HandoffPhase | null {
  if (isTerminal(phase)) return null;
  const table = mode === 'cold' ? COLD : WARM;
  return table[phase]?.[transition] ?? null;
}

/** The phase `transition` leads to; throws IllegalHandoffTransitionError when the table forbids it. */
export function transition(
  phase: HandoffPhase,
  event: HandoffTransition,
  mode: TransferModeName = 'warm',
): HandoffPhase {
  const next = nextPhase(phase, event, mode);
  if (next === null) throw new IllegalHandoffTransitionError(phase, event, mode);
  return next;
}
