import { v1 } from '@warmline/contracts';
import fc from 'fast-check';
import { IllegalTransitionError } from './errors.js';
import {
  INTERACTION_EVENTS,
  INTERACTION_PHASES,
  canTransition,
  interactionStateOf,
  isTerminalPhase,
  phaseOf,
  transition,
  type InteractionEvent,
  type InteractionPhase,
} from './interaction-phase.js';

function walk(start: InteractionPhase, events: InteractionEvent[]): InteractionPhase {
  return events.reduce(transition, start);
}

describe('the interaction lifecycle', () => {
  it('runs engaged → qualifying → ready → authorised → transferring → connected', () => {
    expect(
      walk('engaged', ['evidence', 'ready', 'authorised', 'transfer-started', 'connected']),
    ).toBe('connected');
  });

  it('books an appointment directly or as the fallback of a transfer', () => {
    expect(walk('qualifying', ['authorised', 'scheduled'])).toBe('scheduled');
    expect(walk('qualifying', ['authorised', 'transfer-started', 'scheduled'])).toBe('scheduled');
  });

  it('returns to qualifying after a revocation or a hand-back to the AI, and may escalate again', () => {
    expect(walk('qualifying', ['authorised', 'revoked', 'authorised'])).toBe('authorised');
    expect(walk('ready', ['authorised', 'transfer-started', 'returned-to-ai'])).toBe('qualifying');
  });

  it('falls back from ready to qualifying when the requirements stop being met', () => {
    expect(transition('ready', 'evidence')).toBe('qualifying');
  });

  it('closes from every phase still in progress', () => {
    for (const phase of INTERACTION_PHASES.filter((p) => !isTerminalPhase(p))) {
      expect(transition(phase, 'closed')).toBe('closed');
    }
  });

  it.each<[InteractionPhase, InteractionEvent]>([
    ['qualifying', 'connected'],
    ['qualifying', 'transfer-started'],
    ['engaged', 'revoked'],
    ['authorised', 'authorised'],
    ['authorised', 'ready'],
    ['transferring', 'authorised'],
    ['connected', 'evidence'],
    ['scheduled', 'authorised'],
    ['closed', 'ready'],
  ])('refuses %s → %s', (phase, event) => {
    expect(canTransition(phase, event)).toBe(false);
    expect(() => transition(phase, event)).toThrow(IllegalTransitionError);
    expect(() => transition(phase, event)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', phase, event }),
    );
  });

  it('keeps how an escalation ended when the call hangs up afterwards', () => {
    expect(transition('connected', 'closed')).toBe('connected');
    expect(transition('scheduled', 'closed')).toBe('scheduled');
  });

  it('never leaves a terminal phase, whatever events follow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INTERACTION_PHASES),
        fc.array(fc.constantFrom(...INTERACTION_EVENTS), { maxLength: 30 }),
        (start, events) => {
          let phase = start;
          let ended = isTerminalPhase(phase);
          for (const event of events) {
            if (!canTransition(phase, event)) continue;
            const next = transition(phase, event);
            if (ended) expect(next).toBe(phase);
            phase = next;
            ended ||= isTerminalPhase(phase);
          }
        },
      ),
    );
  });

  it('mirrors warmline.v1.InteractionState one to one', () => {
    for (const phase of INTERACTION_PHASES) expect(phaseOf(interactionStateOf(phase))).toBe(phase);
    expect(interactionStateOf('transferring')).toBe(
      v1.InteractionState.INTERACTION_STATE_TRANSFERRING,
    );
    expect(phaseOf(v1.InteractionState.INTERACTION_STATE_UNSPECIFIED)).toBeNull();
    expect(new Set(INTERACTION_PHASES.map(interactionStateOf)).size).toBe(8);
  });
});
