// Small steps shared by the reducer's parts: moving through the table, refusing, and leg records.
import { HandoffRefusedError, type HandoffRule } from './errors.js';
import { findLeg, withPhase, type CloserLeg, type Handoff, type TimelineEntry } from './handoff.js';
import { transition, type HandoffTransition } from './transitions.js';

/** The handoff moved by `event` through the transition table (IllegalHandoffTransitionError). */
export function moved(
  handoff: Handoff,
  event: HandoffTransition,
  atMs: number,
  extra: Partial<Pick<TimelineEntry, 'reason' | 'fallbackAction' | 'detail'>> = {},
): Handoff {
  return withPhase(handoff, transition(handoff.phase, event, handoff.mode), atMs, extra);
}

/** Throws HandoffRefusedError for `rule`. */
export function refuse(handoff: Handoff, rule: HandoffRule, message: string): never {
  throw new HandoffRefusedError(handoff.id, rule, message);
}

/** True when `legId` belongs to an earlier attempt: its news is stale. */
export function isStaleLeg(handoff: Handoff, legId: string): boolean {
  const leg = findLeg(handoff, legId);
  return leg !== null && leg.attempt < handoff.attempt;
}

/** The handoff with `leg` recorded (added, or replacing the leg with the same id). */
export function withLeg(handoff: Handoff, leg: CloserLeg): Handoff {
  const others = handoff.legs.filter((l) => l.legId !== leg.legId);
  return { ...handoff, legs: [...others, leg].sort((a, b) => a.attempt - b.attempt) };
}

/** The handoff with the leg marked ended; unchanged (same object) if unknown or already ended. */
export function withLegEnded(handoff: Handoff, legId: string): Handoff {
  const leg = findLeg(handoff, legId);
  return leg === null || leg.ended ? handoff : withLeg(handoff, { ...leg, ended: true });
}
