// How a failed attempt is recorded. Each failure is checked against where the attempt is: a
// reservation can only be rejected or time out before the dial, a leg can only fail after one was
// dialled, and a telephony error needs a command to have failed. A failure with a phase of its own
// (declined, no_answer, voicemail_at_closer) moves there; a telephony error keeps the phase and
// waits for the fallback (`next_closer` is allowed from active phases for exactly this).
import { isStaleLeg, moved, refuse, withLeg, withLegEnded } from './handoff-steps.js';
import { attemptPhaseOf, type AttemptFailure } from './failure.js';
import { attemptIssued } from './guards.js';
import { findLeg, type Handoff } from './handoff.js';
import type { HandoffInput } from './handoff-input.js';
import { isTerminal } from './phase.js';
import type { HandoffTransition } from './transitions.js';

type AttemptFailed = Extract<HandoffInput, { type: 'attempt_failed' }>;

const LEG_FAILURES: readonly AttemptFailure[] = [
  'closer_declined',
  'no_answer',
  'closer_busy',
  'voicemail_at_closer',
];
// Failures after which telephony has already hung the leg up (voicemail and errors leave it up).
const LEG_ENDING: readonly AttemptFailure[] = ['closer_declined', 'no_answer', 'closer_busy'];

const EVENT_OF_PHASE = {
  declined: 'decline',
  no_answer: 'no_answer',
  voicemail_at_closer: 'voicemail',
} as const satisfies Record<string, HandoffTransition>;

/** The handoff after an attempt failure (see HandoffInput 'attempt_failed'). */
export function attemptFailed(handoff: Handoff, input: AttemptFailed, atMs: number): Handoff {
  const { failure, legId, reservationId } = input;
  const noted =
    legId !== undefined && LEG_ENDING.includes(failure) ? withLegEnded(handoff, legId) : handoff;
  if (legId !== undefined && isStaleLeg(handoff, legId)) return noted;
  if (reservationId !== undefined && isStaleReservation(handoff, reservationId)) return noted;
  // The attempt is already over (or the handoff is): later reports about it change nothing.
  if (handoff.attemptFailure !== null || isTerminal(handoff.phase)) return noted;
  checkPlace(handoff, input);
  let failed: Handoff = { ...noted, attemptFailure: failure };
  if (legId !== undefined && findLeg(failed, legId) === null && failed.current !== null) {
    failed = withLeg(
      { ...failed, current: { ...failed.current, legId } },
      {
        legId,
        closerId: failed.current.closerId,
        attempt: failed.attempt,
        ended: LEG_ENDING.includes(failure),
      },
    );
  }
  const phase = attemptPhaseOf(failure);
  if (phase === null) return failed;
  const event = EVENT_OF_PHASE[phase as keyof typeof EVENT_OF_PHASE];
  return moved(failed, event, atMs, { reason: failure, detail: input.detail ?? '' });
}

function checkPlace(handoff: Handoff, input: AttemptFailed): void {
  const { failure, legId, reservationId } = input;
  const { current } = handoff;
  if (failure === 'reservation_rejected' || failure === 'reservation_timeout') {
    const waiting =
      current?.reservationId != null &&
      !current.reservationAccepted &&
      (handoff.phase === 'reserved' || handoff.phase === 'briefing');
    if (!waiting)
      refuse(
        handoff,
        'failure_out_of_place',
        `${failure} in phase ${handoff.phase} with no reservation waiting for an answer`,
      );
    if (reservationId !== undefined && reservationId !== current?.reservationId) {
      refuse(
        handoff,
        'reservation_mismatch',
        `${failure} names reservation ${reservationId}, not the current attempt's`,
      );
    }
    return;
  }
  if (LEG_FAILURES.includes(failure) && !attemptIssued(handoff, 'dial')) {
    refuse(
      handoff,
      'failure_out_of_place',
      `${failure} in attempt ${handoff.attempt}, which dialled nobody`,
    );
  }
  if (
    failure === 'telephony_error' &&
    !handoff.commandsIssued.some((key) => key.startsWith(`${handoff.id}:${handoff.attempt}:`))
  ) {
    refuse(
      handoff,
      'failure_out_of_place',
      `telephony_error in attempt ${handoff.attempt}, which issued no command`,
    );
  }
  if (
    legId !== undefined &&
    current?.legId != null &&
    current.legId !== legId &&
    findLeg(handoff, legId) === null
  ) {
    refuse(
      handoff,
      'leg_mismatch',
      `${failure} on leg ${legId}, but attempt ${handoff.attempt} is on leg ${current.legId}`,
    );
  }
}

function isStaleReservation(handoff: Handoff, reservationId: string): boolean {
  return handoff.timeline.some(
    (e) => e.reservationId === reservationId && e.attempt < handoff.attempt,
  );
}
