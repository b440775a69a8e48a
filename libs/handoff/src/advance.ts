// The Handoff reducer: the transition table plus the record-level safety rules. Repeated inputs
// (at-least-once delivery) return the same handoff object; progress about a leg or reservation of
// an earlier attempt is stale and changes nothing; anything else out of place throws, so the router
// dead-letters it instead of acting on it.
import { isValidId } from '@warmline/contracts';
import { attemptFailed } from './attempt-failure.js';
import { HandoffInputError } from './errors.js';
import type { FallbackStep } from './fallback.js';
import { isTerminal } from './phase.js';
import { attemptIssued, reservedAndAccepted } from './guards.js';
import { withPhase, type Handoff } from './handoff.js';
import { isStaleLeg, moved, refuse, withLeg, withLegEnded } from './handoff-steps.js';
import type { HandoffInput } from './handoff-input.js';
import { transition } from './transitions.js';

/** The handoff after `input` at `atMs`. See HandoffInput for what each input means. */
export function advance(handoff: Handoff, input: HandoffInput, atMs: number): Handoff {
  if (!Number.isFinite(atMs)) throw new HandoffInputError('atMs', `must be finite, got ${atMs}`);
  switch (input.type) {
    case 'closer_reserved':
      return closerReserved(handoff, input.closerId, input.reservationId, atMs);
    case 'brief_sent':
      return handoff.phase === 'briefing' ? handoff : moved(handoff, 'brief', atMs);
    case 'reservation_accepted':
      return reservationAccepted(handoff, input.reservationId);
    case 'closer_ringing':
      return closerRinging(handoff, input.legId, atMs);
    case 'closer_answered':
      return closerAnswered(handoff, input.legId, atMs);
    case 'bridged':
      return bridged(handoff, input.legId, atMs);
    case 'attempt_failed':
      return attemptFailed(handoff, input, atMs);
    case 'leg_ended':
      return withLegEnded(handoff, input.legId);
    case 'fallback':
      return fallback(handoff, input.step, atMs);
    case 'failed':
      if (handoff.phase === 'failed') return handoff;
      return moved(handoff, 'fail', atMs, { reason: input.reason, detail: input.detail ?? '' });
    case 'caller_hung_up':
      if (isTerminal(handoff.phase)) return handoff; // a hang-up after the end is just the call ending
      return moved(handoff, 'caller_hang_up', atMs, { reason: 'caller_hung_up' });
  }
}

function closerReserved(
  handoff: Handoff,
  closerId: string,
  reservationId: string,
  atMs: number,
): Handoff {
  if (!isValidId(closerId))
    throw new HandoffInputError('closerId', 'must match [A-Za-z0-9_-]{1,128}');
  if (!isValidId(reservationId))
    throw new HandoffInputError('reservationId', 'must match [A-Za-z0-9_-]{1,128}');
  const { current } = handoff;
  if (current?.reservationId === reservationId) {
    if (current.closerId === closerId) return handoff;
    refuse(
      handoff,
      'reservation_mismatch',
      `reservation ${reservationId} is for closer ${current.closerId}, not ${closerId}`,
    );
  }
  if (handoff.triedCloserIds.includes(closerId)) {
    refuse(handoff, 'closer_already_tried', `closer ${closerId} was already tried in this handoff`);
  }
  const next = transition(handoff.phase, 'reserve', handoff.mode);
  const reserved: Handoff = {
    ...handoff,
    current: { closerId, reservationId, reservationAccepted: false, legId: null },
    triedCloserIds: [...handoff.triedCloserIds, closerId],
  };
  return withPhase(reserved, next, atMs);
}

function reservationAccepted(handoff: Handoff, reservationId: string): Handoff {
  const { current } = handoff;
  if (current === null || current.reservationId !== reservationId) {
    refuse(
      handoff,
      'reservation_mismatch',
      `reservation ${reservationId} is not the current attempt's`,
    );
  }
  if (current.reservationAccepted) return handoff;
  if (handoff.phase !== 'reserved' && handoff.phase !== 'briefing') {
    refuse(
      handoff,
      'reservation_mismatch',
      `reservation ${reservationId} answered in phase ${handoff.phase}`,
    );
  }
  return { ...handoff, current: { ...current, reservationAccepted: true } };
}

function closerRinging(handoff: Handoff, legId: string, atMs: number): Handoff {
  if (!isValidLegId(legId)) throw new HandoffInputError('legId', 'must be a non-empty string');
  if (isStaleLeg(handoff, legId)) return handoff;
  const { current } = handoff;
  if (handoff.phase === 'ringing' && current?.legId === legId) return handoff;
  if (current === null || !attemptIssued(handoff, 'dial')) {
    refuse(
      handoff,
      'dial_not_allowed',
      `leg ${legId} rang, but attempt ${handoff.attempt} dialled nobody`,
    );
  }
  if (handoff.mode === 'warm' && !reservedAndAccepted(handoff)) {
    refuse(
      handoff,
      'reservation_not_accepted',
      `leg ${legId} rang before closer ${current.closerId} accepted the reservation`,
    );
  }
  if (current.legId !== null && current.legId !== legId) {
    refuse(
      handoff,
      'leg_mismatch',
      `leg ${legId} rang, but attempt ${handoff.attempt} is on leg ${current.legId}`,
    );
  }
  const next = transition(handoff.phase, 'ring', handoff.mode);
  const ringing = withLeg(
    { ...handoff, current: { ...current, legId } },
    { legId, closerId: current.closerId, attempt: handoff.attempt, ended: false },
  );
  return withPhase(ringing, next, atMs);
}

function closerAnswered(handoff: Handoff, legId: string, atMs: number): Handoff {
  if (isStaleLeg(handoff, legId)) return handoff;
  if (handoff.phase === 'accepted' && handoff.current?.legId === legId) return handoff;
  if (handoff.current?.legId !== legId) {
    refuse(
      handoff,
      'leg_mismatch',
      `leg ${legId} answered, but it is not the current attempt's leg`,
    );
  }
  return moved(handoff, 'answer', atMs);
}

function bridged(handoff: Handoff, legId: string, atMs: number): Handoff {
  if (handoff.phase === 'bridged' && handoff.current?.legId === legId) return handoff;
  // No staleness excuse here: a bridge to any other leg would be a second transfer.
  if (handoff.current?.legId !== legId) {
    refuse(
      handoff,
      'leg_mismatch',
      `telephony bridged leg ${legId}, which is not the current attempt's leg`,
    );
  }
  if (!attemptIssued(handoff, 'bridge')) {
    refuse(
      handoff,
      'bridge_not_allowed',
      `telephony bridged leg ${legId}, but no bridge was commanded`,
    );
  }
  return moved(handoff, 'bridge', atMs);
}

function fallback(handoff: Handoff, step: FallbackStep, atMs: number): Handoff {
  const extra = { reason: step.reason, fallbackAction: step.action, detail: step.message ?? '' };
  if (step.action === 'next_closer') {
    if (handoff.attemptFailure === null) {
      refuse(
        handoff,
        'no_attempt_failure',
        `attempt ${handoff.attempt} has not failed; there is no reason to try another closer`,
      );
    }
    const next = transition(handoff.phase, 'next_closer', handoff.mode);
    const retried: Handoff = {
      ...handoff,
      attempt: handoff.attempt + 1,
      current: null,
      attemptFailure: null,
    };
    return withPhase(retried, next, atMs, extra);
  }
  const target = step.action === 'book_appointment' ? 'fallback_appointment' : 'returned_to_ai';
  if (handoff.phase === target) return handoff;
  return moved(handoff, step.action, atMs, extra);
}

function isValidLegId(legId: string): boolean {
  return typeof legId === 'string' && legId !== '';
}
