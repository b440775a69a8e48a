import { v1 } from '@warmline/contracts';
import fc from 'fast-check';
import { BRIEF, START, newHandoff } from './__fixtures__/flow.js';
import { advance } from './advance.js';
import { isHandoffError } from './errors.js';
import type { AttemptFailure } from './failure.js';
import { nextStep, type FallbackGrant } from './fallback.js';
import { attemptIssued, reservedAndAccepted } from './guards.js';
import type { Handoff } from './handoff.js';
import { isTerminal } from './phase.js';
import { recordCommand } from './record-command.js';
import { callerHungUp } from './release-plan.js';
import {
  bridgeCommand,
  cancelCommand,
  commandContext,
  commandKey,
  dialCloserCommand,
  holdCommand,
  whisperBriefCommand,
} from './telephony-plan.js';

const CLOSERS = ['ana', 'ben', 'cy'];
const FAILURES: AttemptFailure[] = [
  'closer_declined',
  'no_answer',
  'closer_busy',
  'voicemail_at_closer',
  'reservation_rejected',
  'reservation_timeout',
  'telephony_error',
];
const C = v1.FallbackCondition;
const A = v1.FallbackAction;
const GRANT: FallbackGrant = {
  maxAttempts: 3,
  fallbackRules: [
    { condition: C.FALLBACK_CONDITION_NO_ANSWER, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    { condition: C.FALLBACK_CONDITION_CLOSER_DECLINED, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    { condition: C.FALLBACK_CONDITION_VOICEMAIL, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    { condition: C.FALLBACK_CONDITION_RESERVATION_TIMEOUT, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    { condition: C.FALLBACK_CONDITION_TELEPHONY_ERROR, action: A.FALLBACK_ACTION_NEXT_CLOSER },
    {
      condition: C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
      action: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
    },
  ],
  scopes: ['transfer.live'],
  fallbackScopes: ['appointment.book'],
  readinessWindowMs: 0,
  readinessPeakAtMs: null,
};

const ACTIONS = [
  'reserve',
  'brief',
  'accept_reservation',
  'accept_other_reservation',
  'hold',
  'dial',
  'ring',
  'answer',
  'whisper',
  'bridge_command',
  'bridged',
  'fail',
  'fallback',
  'hang_up',
  'leg_ended',
  'cancel',
] as const;
type Action = (typeof ACTIONS)[number];

interface Step {
  readonly sensible: boolean;
  readonly action: Action;
  readonly closer: number;
  readonly leg: number;
  readonly failure: AttemptFailure;
}

const step: fc.Arbitrary<Step> = fc.record({
  sensible: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  action: fc.constantFrom(...ACTIONS),
  closer: fc.nat(CLOSERS.length - 1),
  leg: fc.nat(3),
  failure: fc.constantFrom(...FAILURES),
});

// What a well-behaved router would do next; a hostile or confused one does something random.
function sensibleAction(h: Handoff, s: Step): Action {
  const accepted = h.current?.reservationAccepted ?? false;
  switch (h.phase) {
    case 'requested':
      if (h.attemptFailure !== null) return 'fallback';
      return h.mode === 'warm' ? 'reserve' : attemptIssued(h, 'dial') ? 'ring' : 'dial';
    case 'reserved':
      return 'brief';
    case 'briefing':
      if (!accepted) return s.leg === 0 ? 'fail' : 'accept_reservation';
      return attemptIssued(h, 'dial') ? 'ring' : 'dial';
    case 'ringing':
      return s.leg === 0 ? 'fail' : 'answer';
    case 'accepted':
      if (h.attemptFailure !== null) return 'fallback';
      if (h.mode === 'warm' && !attemptIssued(h, 'whisper')) return 'whisper';
      return attemptIssued(h, 'bridge') ? 'bridged' : 'bridge_command';
    default:
      return 'fallback';
  }
}

function untried(h: Handoff, s: Step): string {
  return CLOSERS.find((c) => !h.triedCloserIds.includes(c)) ?? CLOSERS[s.closer] ?? 'ana';
}

function apply(h: Handoff, s: Step, now: number): Handoff {
  const action = s.sensible ? sensibleAction(h, s) : s.action;
  const ctx = commandContext(h);
  const closer = s.sensible ? (h.current?.closerId ?? untried(h, s)) : (CLOSERS[s.closer] ?? 'ana');
  const leg = s.sensible ? (h.current?.legId ?? `L${h.attempt}`) : `L${s.leg + 1}`;
  switch (action) {
    case 'reserve':
      return advance(
        h,
        { type: 'closer_reserved', closerId: closer, reservationId: `r-${h.attempt}-${closer}` },
        now,
      );
    case 'brief':
      return advance(h, { type: 'brief_sent' }, now);
    case 'accept_reservation':
      return advance(
        h,
        { type: 'reservation_accepted', reservationId: h.current?.reservationId ?? 'r-none' },
        now,
      );
    case 'accept_other_reservation':
      return advance(
        h,
        { type: 'reservation_accepted', reservationId: `r-${s.leg}-${closer}` },
        now,
      );
    case 'hold':
      return recordCommand(h, holdCommand(ctx));
    case 'dial':
      return recordCommand(
        h,
        dialCloserCommand(ctx, { closerId: closer, address: `sip:${closer}`, timeoutMs: 20_000 }),
      );
    case 'ring':
      return advance(h, { type: 'closer_ringing', legId: leg }, now);
    case 'answer':
      return advance(h, { type: 'closer_answered', legId: leg }, now);
    case 'whisper':
      return recordCommand(h, whisperBriefCommand(ctx, closer, leg, BRIEF));
    case 'bridge_command':
      return recordCommand(h, bridgeCommand(ctx, leg));
    case 'bridged':
      return advance(h, { type: 'bridged', legId: leg }, now);
    case 'fail':
      return advance(h, { type: 'attempt_failed', failure: s.failure, legId: leg }, now);
    case 'fallback':
      return advance(
        h,
        { type: 'fallback', step: nextStep(h, h.attemptFailure ?? s.failure, GRANT, now) },
        now,
      );
    case 'hang_up':
      return callerHungUp(h, now).handoff;
    case 'leg_ended':
      return advance(h, { type: 'leg_ended', legId: leg }, now);
    case 'cancel':
      return recordCommand(h, cancelCommand(ctx, leg, 'test'));
  }
}

describe('handoff record (property)', () => {
  it('never bridges twice, never bridges a closer who was not reserved and accepted, and never leaves a terminal phase', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('warm' as const, 'cold' as const),
        fc.array(step, { maxLength: 60 }),
        (mode, steps) => {
          let h = newHandoff(mode);
          let now = START;
          for (const s of steps) {
            now += 100;
            let next = h;
            try {
              next = apply(h, s, now);
            } catch (err) {
              if (!isHandoffError(err)) throw err;
            }
            const bridges = next.timeline.filter((e) => e.phase === 'bridged');
            expect(bridges.length).toBeLessThanOrEqual(1);
            if (bridges.length === 1 && h.phase !== 'bridged') {
              const bridge = bridges[0]!;
              // The step that bridged: the previous record must have allowed it.
              expect(h.phase).toBe('accepted');
              expect(h.current?.legId).toBe(bridge.legId);
              expect(h.triedCloserIds).toContain(bridge.closerId);
              expect(next.commandsIssued).toContain(commandKey(h.id, bridge.attempt, 'dial'));
              expect(next.commandsIssued).toContain(commandKey(h.id, bridge.attempt, 'bridge'));
              if (mode === 'warm') {
                expect(reservedAndAccepted(h)).toBe(true);
                expect(bridge.reservationId).toBe(h.current?.reservationId);
                const whisper = next.commandsIssued.indexOf(
                  commandKey(h.id, bridge.attempt, 'whisper'),
                );
                expect(whisper).toBeGreaterThanOrEqual(0);
                expect(whisper).toBeLessThan(
                  next.commandsIssued.indexOf(commandKey(h.id, bridge.attempt, 'bridge')),
                );
              }
            }
            expect(new Set(next.triedCloserIds).size).toBe(next.triedCloserIds.length);
            expect(next.attempt).toBe(
              1 + next.timeline.filter((e) => e.fallbackAction === 'next_closer').length,
            );
            if (mode === 'cold') {
              expect(next.commandsIssued.some((k) => k.endsWith(':whisper'))).toBe(false);
              expect(next.timeline.every((e) => e.reservationId === null)).toBe(true);
            }
            if (isTerminal(h.phase)) {
              expect(next.phase).toBe(h.phase);
              expect(next.timeline).toBe(h.timeline);
            }
            h = next;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reaches a bridge in a router-like run, warm and cold (the property above is not vacuous)', () => {
    const sensible: Step = {
      sensible: true,
      action: 'hold',
      closer: 0,
      leg: 1,
      failure: 'no_answer',
    };
    for (const mode of ['warm', 'cold'] as const) {
      let h = newHandoff(mode);
      // Fallbacks aside (leg 1 never takes the failure branch), a router-like run bridges.
      for (let i = 0; i < 12 && !isTerminal(h.phase); i += 1) h = apply(h, sensible, START + i);
      expect(h.phase).toBe('bridged');
    }
  });
});
