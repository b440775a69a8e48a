// The hang-ups the simulator decides at run time rather than in the plan: a buyer whose patience ran
// out, or the agent ending the call after a booking.
import { v1, type warmline } from '@warmline/contracts';

/** Platform reasons used by the simulator's hang-ups. */
export const HANG_UP_REASONS = {
  /** The buyer waited longer than their patience. */
  patience: 'caller_abandoned',
  /** The conversation finished normally. */
  completed: 'completed',
} as const;

/** A HangUp perception event by the buyer or the agent. */
export function hangUpEvent(
  by: 'buyer' | 'agent',
  reason: string = by === 'buyer' ? HANG_UP_REASONS.patience : HANG_UP_REASONS.completed,
): warmline.v1.IPerceptionEvent {
  return {
    hangUp: { by: by === 'buyer' ? v1.Speaker.SPEAKER_BUYER : v1.Speaker.SPEAKER_AGENT, reason },
  };
}
