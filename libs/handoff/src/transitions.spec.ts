import { v1 } from '@warmline/contracts';
import { IllegalHandoffTransitionError } from './errors.js';
import {
  ATTEMPT_FAILURE_PHASES,
  TERMINAL_PHASES,
  handoffStateOf,
  isTerminal,
  phaseOfHandoffState,
  type HandoffPhase,
} from './phase.js';
import { transferModeName, transferModeOf } from './transfer-mode.js';
import { nextPhase, transition, type HandoffTransition } from './transitions.js';

const ALL_PHASES: HandoffPhase[] = [
  'requested',
  'reserved',
  'briefing',
  'ringing',
  'accepted',
  'bridged',
  'declined',
  'no_answer',
  'voicemail_at_closer',
  'caller_abandoned',
  'failed',
  'fallback_appointment',
  'returned_to_ai',
];
const ALL_EVENTS: HandoffTransition[] = [
  'reserve',
  'brief',
  'ring',
  'answer',
  'bridge',
  'decline',
  'no_answer',
  'voicemail',
  'next_closer',
  'book_appointment',
  'return_to_ai',
  'fail',
  'caller_hang_up',
];

function walk(
  start: HandoffPhase,
  events: HandoffTransition[],
  mode: 'warm' | 'cold',
): HandoffPhase[] {
  const phases = [start];
  for (const event of events) phases.push(transition(phases.at(-1) ?? start, event, mode));
  return phases;
}

describe('transition', () => {
  it('walks the warm happy path requested -> reserved -> briefing -> ringing -> accepted -> bridged', () => {
    expect(walk('requested', ['reserve', 'brief', 'ring', 'answer', 'bridge'], 'warm')).toEqual([
      'requested',
      'reserved',
      'briefing',
      'ringing',
      'accepted',
      'bridged',
    ]);
  });

  it('walks the cold happy path without reserved or briefing', () => {
    expect(walk('requested', ['ring', 'answer', 'bridge'], 'cold')).toEqual([
      'requested',
      'ringing',
      'accepted',
      'bridged',
    ]);
    expect(nextPhase('requested', 'reserve', 'cold')).toBeNull();
    expect(nextPhase('requested', 'brief', 'cold')).toBeNull();
  });

  it('does not let a warm transfer skip the reservation or the brief', () => {
    expect(nextPhase('requested', 'ring', 'warm')).toBeNull();
    expect(nextPhase('reserved', 'ring', 'warm')).toBeNull();
    expect(nextPhase('briefing', 'answer', 'warm')).toBeNull();
    expect(nextPhase('ringing', 'bridge', 'warm')).toBeNull();
  });

  it('ends an attempt in declined / no_answer / voicemail_at_closer, then retries or falls back', () => {
    expect(walk('ringing', ['no_answer', 'next_closer'], 'warm')).toEqual([
      'ringing',
      'no_answer',
      'requested',
    ]);
    expect(walk('ringing', ['voicemail', 'book_appointment'], 'warm')).toEqual([
      'ringing',
      'voicemail_at_closer',
      'fallback_appointment',
    ]);
    expect(walk('reserved', ['decline', 'return_to_ai'], 'warm')).toEqual([
      'reserved',
      'declined',
      'returned_to_ai',
    ]);
    expect(walk('briefing', ['no_answer', 'fail'], 'warm')).toEqual([
      'briefing',
      'no_answer',
      'failed',
    ]);
  });

  it('lets the caller hang up from every phase that is not terminal', () => {
    for (const mode of ['warm', 'cold'] as const) {
      for (const phase of ALL_PHASES.filter((p) => !isTerminal(p))) {
        const reachable = mode === 'warm' || (phase !== 'reserved' && phase !== 'briefing');
        expect([mode, phase, nextPhase(phase, 'caller_hang_up', mode)]).toEqual([
          mode,
          phase,
          reachable ? 'caller_abandoned' : null,
        ]);
      }
    }
  });

  it('lets nothing out of a terminal phase', () => {
    for (const phase of TERMINAL_PHASES) {
      for (const event of ALL_EVENTS) {
        expect(() => transition(phase, event, 'warm')).toThrow(IllegalHandoffTransitionError);
      }
    }
  });

  it('never moves forward from a failure phase except to retry or end', () => {
    for (const phase of ATTEMPT_FAILURE_PHASES) {
      const allowed = ALL_EVENTS.filter((e) => nextPhase(phase, e, 'warm') !== null);
      expect(allowed).toEqual([
        'next_closer',
        'book_appointment',
        'return_to_ai',
        'fail',
        'caller_hang_up',
      ]);
    }
  });

  it('names phase, event and mode when it refuses', () => {
    expect(() => transition('bridged', 'bridge', 'warm')).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_HANDOFF_TRANSITION',
        from: 'bridged',
        event: 'bridge',
        mode: 'warm',
      }),
    );
  });

  it('reaches every phase from requested in warm mode', () => {
    const seen = new Set<HandoffPhase>(['requested']);
    let frontier: HandoffPhase[] = ['requested'];
    while (frontier.length > 0) {
      frontier = frontier.flatMap((p) =>
        ALL_EVENTS.map((e) => nextPhase(p, e, 'warm')).filter(
          (n): n is HandoffPhase => n !== null && !seen.has(n),
        ),
      );
      frontier.forEach((p) => seen.add(p));
    }
    expect([...seen].sort()).toEqual([...ALL_PHASES].sort());
  });
});

describe('phase and mode mapping', () => {
  it('mirrors warmline.v1.HandoffState one to one', () => {
    for (const phase of ALL_PHASES) expect(phaseOfHandoffState(handoffStateOf(phase))).toBe(phase);
    expect(handoffStateOf('voicemail_at_closer')).toBe(
      v1.HandoffState.HANDOFF_STATE_VOICEMAIL_AT_CLOSER,
    );
    expect(phaseOfHandoffState(v1.HandoffState.HANDOFF_STATE_UNSPECIFIED)).toBeNull();
    const wireStates = Object.values(v1.HandoffState).filter(
      (s) => typeof s === 'number' && s !== 0,
    );
    expect(wireStates).toHaveLength(ALL_PHASES.length);
  });

  it('treats an unspecified transfer mode as warm', () => {
    expect(transferModeName(v1.TransferMode.TRANSFER_MODE_UNSPECIFIED)).toBe('warm');
    expect(transferModeName(v1.TransferMode.TRANSFER_MODE_COLD)).toBe('cold');
    expect(transferModeOf('cold')).toBe(v1.TransferMode.TRANSFER_MODE_COLD);
  });
});
