// The safety rules, as questions the router asks before it acts and recordCommand asks again
// before it lets a command into the record.
import { wasBridged, type CloserLeg, type Handoff } from './handoff.js';
import { isTerminal } from './phase.js';
import { commandKey, type TelephonyVerb } from './telephony-plan.js';

/** True when the command with this idempotency key has been issued. */
export function commandIssued(handoff: Handoff, idempotencyKey: string): boolean {
  return handoff.commandsIssued.includes(idempotencyKey);
}

/** True when the current attempt has issued `verb`. */
export function attemptIssued(
  handoff: Handoff,
  verb: TelephonyVerb,
  attempt = handoff.attempt,
): boolean {
  return commandIssued(handoff, commandKey(handoff.id, attempt, verb));
}

/** True when the current attempt's closer is one this handoff reserved and who accepted. */
export function reservedAndAccepted(handoff: Handoff): boolean {
  const { current } = handoff;
  return (
    current !== null &&
    current.reservationId !== null &&
    current.reservationAccepted &&
    handoff.triedCloserIds.includes(current.closerId)
  );
}

/**
 * True when the router may dial `closerId` now (never in an attempt that already failed). Warm: in `briefing`, the closer is the current
 * attempt's reserved closer and accepted the reservation. Cold: in `requested`, the closer was not
 * tried before in this handoff. Either way at most one dial per attempt.
 */
export function dialAllowed(handoff: Handoff, closerId: string): boolean {
  if (isTerminal(handoff.phase) || attemptIssued(handoff, 'dial')) return false;
  if (handoff.mode === 'cold') {
    return (
      handoff.phase === 'requested' &&
      handoff.attemptFailure === null &&
      !handoff.triedCloserIds.includes(closerId)
    );
  }
  return (
    handoff.phase === 'briefing' &&
    handoff.current?.closerId === closerId &&
    reservedAndAccepted(handoff)
  );
}

/** True when the router may whisper the brief now: warm mode, the closer answered, the attempt is alive, not yet whispered. */
export function whisperAllowed(handoff: Handoff): boolean {
  return (
    handoff.mode === 'warm' &&
    handoff.phase === 'accepted' &&
    handoff.attemptFailure === null &&
    handoff.current?.legId != null &&
    reservedAndAccepted(handoff) &&
    !attemptIssued(handoff, 'whisper')
  );
}

/**
 * True when the router may bridge the buyer now — the guard behind "a buyer is never transferred
 * twice and never to a closer who was not reserved": the closer answered (`accepted`) on the current
 * attempt's leg, the attempt has not failed, no bridge was issued for this attempt and the buyer was never bridged in this
 * handoff; in warm mode, the closer is also the one reserved for this attempt and they accepted
 * the reservation.
 */
export function bridgeAllowed(handoff: Handoff): boolean {
  const { current } = handoff;
  if (handoff.phase !== 'accepted' || handoff.attemptFailure !== null) return false;
  if (current === null || current.legId === null) return false;
  if (wasBridged(handoff) || attemptIssued(handoff, 'bridge')) return false;
  return handoff.mode === 'cold' || reservedAndAccepted(handoff);
}

/** Legs that may still be up: not reported ended and not already cancelled. */
export function openLegs(handoff: Handoff): CloserLeg[] {
  return handoff.legs.filter((leg) => !leg.ended && !attemptIssued(handoff, 'cancel', leg.attempt));
}
