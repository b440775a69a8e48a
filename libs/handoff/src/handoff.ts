// A Handoff is the router's whole record of one live transfer (one grant): plain data, stored with
// compare-and-set and replayed after a restart. Everything the safety rules need is in it — which
// closers were tried, which reservation and leg belong to the current attempt, every phase with its
// reason, and the idempotency key of every telephony command issued — so "never transferred twice"
// and "never to a closer who was not reserved" can be checked, and shown, from the record alone.
import { isValidId } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import type { AttemptFailure, TransferFailure } from './failure.js';
import type { FallbackActionName } from './fallback.js';
import type { HandoffPhase } from './phase.js';
import type { TransferModeName } from './transfer-mode.js';

/** The closer, reservation and leg of the attempt in progress. */
export interface CurrentAttempt {
  readonly closerId: string;
  /** `null` in cold mode (no reservation is front-loaded). */
  readonly reservationId: string | null;
  /** The closer accepted the reservation (warm mode's condition to dial and to bridge). */
  readonly reservationAccepted: boolean;
  /** The closer's telephony leg, once it rang. */
  readonly legId: string | null;
}

/** A telephony leg to a closer, dialled in some attempt. */
export interface CloserLeg {
  readonly legId: string;
  readonly closerId: string;
  readonly attempt: number;
  /** Telephony reported the leg over (declined, no answer, busy, failed, cancelled). */
  readonly ended: boolean;
}

/** One phase change, as the router publishes it (HandoffEvent). */
export interface TimelineEntry {
  readonly phase: HandoffPhase;
  readonly attempt: number;
  readonly atMs: number;
  readonly closerId: string | null;
  readonly reservationId: string | null;
  readonly legId: string | null;
  /** Why, for failure phases, fallbacks and a retry's new `requested`; `null` otherwise. */
  readonly reason: TransferFailure | null;
  /** The fallback chosen, for a retry, an appointment or a return to the AI. */
  readonly fallbackAction: FallbackActionName | null;
  /** Human-readable detail (e.g. the return-to-AI message). */
  readonly detail: string;
}

/** One live transfer. */
export interface Handoff {
  readonly id: string;
  readonly grantId: string;
  readonly interactionId: string;
  readonly mode: TransferModeName;
  /** 1-based; each `next_closer` fallback adds one. */
  readonly attempt: number;
  readonly phase: HandoffPhase;
  /** Closers reserved (warm) or dialled (cold) so far, in order; none is tried twice. */
  readonly triedCloserIds: readonly string[];
  readonly current: CurrentAttempt | null;
  /** Why the current attempt failed, until a fallback moves on; `null` while it is alive. */
  readonly attemptFailure: AttemptFailure | null;
  readonly legs: readonly CloserLeg[];
  readonly timeline: readonly TimelineEntry[];
  /** Idempotency keys of the telephony commands issued, in order. */
  readonly commandsIssued: readonly string[];
}

/** What starts a handoff: the verified grant, and the moment the router took it on. */
export interface HandoffStart {
  readonly id: string;
  readonly grantId: string;
  readonly interactionId: string;
  readonly mode: TransferModeName;
  readonly atMs: number;
}

/** A new handoff in phase `requested`, attempt 1. Ids follow the id rule (HandoffInputError). */
export function startHandoff(start: HandoffStart): Handoff {
  for (const field of ['id', 'grantId', 'interactionId'] as const) {
    if (!isValidId(start[field]))
      throw new HandoffInputError(field, 'must match [A-Za-z0-9_-]{1,128}');
  }
  if (start.mode !== 'warm' && start.mode !== 'cold') {
    throw new HandoffInputError(
      'mode',
      `must be "warm" or "cold", got ${JSON.stringify(start.mode)}`,
    );
  }
  if (!Number.isFinite(start.atMs))
    throw new HandoffInputError('atMs', `must be finite, got ${start.atMs}`);
  return {
    id: start.id,
    grantId: start.grantId,
    interactionId: start.interactionId,
    mode: start.mode,
    attempt: 1,
    phase: 'requested',
    triedCloserIds: [],
    current: null,
    attemptFailure: null,
    legs: [],
    timeline: [entry({ phase: 'requested', attempt: 1, atMs: start.atMs })],
    commandsIssued: [],
  };
}

/** A timeline entry with the optional parts defaulted. */
export function entry(
  parts: Pick<TimelineEntry, 'phase' | 'attempt' | 'atMs'> & Partial<TimelineEntry>,
): TimelineEntry {
  return {
    closerId: null,
    reservationId: null,
    legId: null,
    reason: null,
    fallbackAction: null,
    detail: '',
    ...parts,
  };
}

/** The handoff moved to `phase` at `atMs`, with the current attempt's ids on the timeline entry. */
export function withPhase(
  handoff: Handoff,
  phase: HandoffPhase,
  atMs: number,
  extra: Partial<Pick<TimelineEntry, 'reason' | 'fallbackAction' | 'detail'>> = {},
): Handoff {
  const { current } = handoff;
  return {
    ...handoff,
    phase,
    timeline: [
      ...handoff.timeline,
      entry({
        phase,
        attempt: handoff.attempt,
        atMs,
        closerId: current?.closerId ?? null,
        reservationId: current?.reservationId ?? null,
        legId: current?.legId ?? null,
        ...extra,
      }),
    ],
  };
}

/** True once the buyer has been bridged to a closer in this handoff. */
export function wasBridged(handoff: Handoff): boolean {
  return handoff.timeline.some((e) => e.phase === 'bridged');
}

/** The leg with this id, or `null`. */
export function findLeg(handoff: Handoff, legId: string): CloserLeg | null {
  return handoff.legs.find((leg) => leg.legId === legId) ?? null;
}
