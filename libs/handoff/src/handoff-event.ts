import { v1, type warmline } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import { failureReasonOf } from './failure.js';
import type { Handoff, TimelineEntry } from './handoff.js';
import { handoffStateOf, type HandoffPhase } from './phase.js';
import { transferModeOf } from './transfer-mode.js';

const ACTION = {
  next_closer: v1.FallbackAction.FALLBACK_ACTION_NEXT_CLOSER,
  book_appointment: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
  return_to_ai: v1.FallbackAction.FALLBACK_ACTION_RETURN_TO_AI,
} as const;

// The brief travels from BRIEFING on (handoff.proto); before that the closer has not been briefed.
const BEFORE_BRIEFING: readonly HandoffPhase[] = ['requested', 'reserved'];

/**
 * The HandoffEvent for a timeline entry (the latest by default), ready to publish. `brief` is
 * attached from BRIEFING on in warm mode.
 */
export function handoffEvent(
  handoff: Handoff,
  options: {
    readonly brief?: warmline.v1.IHandoffBrief | null;
    readonly entry?: TimelineEntry;
  } = {},
): warmline.v1.IHandoffEvent {
  const entry = options.entry ?? handoff.timeline.at(-1);
  if (entry === undefined) throw new HandoffInputError('timeline', 'is empty');
  const withBrief =
    handoff.mode === 'warm' && options.brief != null && !BEFORE_BRIEFING.includes(entry.phase);
  return {
    handoffId: handoff.id,
    grantId: handoff.grantId,
    attempt: entry.attempt,
    mode: transferModeOf(handoff.mode),
    state: handoffStateOf(entry.phase),
    closerId: entry.closerId ?? '',
    failureReason:
      entry.reason === null
        ? v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_UNSPECIFIED
        : failureReasonOf(entry.reason),
    detail: entry.detail,
    brief: withBrief ? options.brief : null,
    reservationId: entry.reservationId ?? '',
    legId: entry.legId ?? '',
    fallbackAction:
      entry.fallbackAction === null
        ? v1.FallbackAction.FALLBACK_ACTION_UNSPECIFIED
        : ACTION[entry.fallbackAction],
  };
}
