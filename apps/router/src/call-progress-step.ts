// Telephony's reports drive the transfer: RINGING, ANSWERED (warm: whisper the brief; cold: bridge),
// WHISPER_COMPLETED (bridge), BRIDGED; a declined, unanswered, busy, voicemail or failed leg ends the
// attempt and the grant's fallback decides. The caller hanging up at any point before the bridge
// cancels every leg still up and releases the reservation (CALLER_ABANDONED); after the bridge it
// only frees the closer's seat, the call being over.
import { v1, type warmline } from '@warmline/contracts';
import {
  attemptIssued,
  bridgeAllowed,
  bridgeCommand,
  commandContext,
  handoffInputOf,
  isTerminal,
  wasBridged,
  whisperAllowed,
  whisperBriefCommand,
  type Handoff,
  type HandoffInput,
} from '@warmline/handoff';
import { endReservation, followFallback, issueForward, releaseAttempt } from './fallback-flow.js';
import type { InteractionRecord } from './interaction-record.js';
import { StepDraft, type RecordOutcome, type StepContext } from './step-draft.js';

/**
 * Applies one CallProgress report; `null` when it changes nothing (including reports about another
 * handoff, e.g. the scheduler's commands). Throws the handoff library's error for a report that is
 * out of place (a bridge nobody commanded, a leg of no attempt): the caller dead-letters it.
 */
export function callProgressStep(
  current: InteractionRecord | null,
  progress: warmline.v1.ICallProgress,
  ctx: StepContext,
): RecordOutcome<null> | null {
  const transfer = current?.transfer;
  if (!current || !transfer) return null;
  if (progress.handoffId && progress.handoffId !== transfer.handoff.id) return null;
  const input = handoffInputOf(progress);
  if (input?.type === 'attempt_failed' && !failsTheAttempt(transfer.handoff, progress)) return null;
  // A report that races the end of the transfer (the closer picks up as the buyer hangs up): the
  // transfer is over and its legs were cancelled; the report changes nothing and is no error.
  if (isTerminal(transfer.handoff.phase) && input !== null && input.type !== 'caller_hung_up') {
    return null;
  }
  const draft = new StepDraft(current, ctx);
  if (input === null) {
    if (progress.state === v1.CallProgressState.CALL_PROGRESS_STATE_WHISPER_COMPLETED) {
      bridgeWhenAllowed(draft);
    }
  } else if (input.type === 'caller_hung_up') {
    callerHungUp(draft);
  } else if (input.type === 'attempt_failed') {
    attemptFailed(draft, input);
  } else {
    draft.advance(input);
    draft.announce();
    if (input.type === 'closer_answered') closerAnswered(draft);
    if (input.type === 'bridged') draft.updateTransfer({ deadline: null });
  }
  return draft.changed ? draft.outcome(null) : null;
}

/**
 * A failure report fails the current attempt only if it is about one of its forward commands: a
 * failed cancel or return to the agent, or a late report about an earlier attempt, changes nothing.
 */
function failsTheAttempt(handoff: Handoff, progress: warmline.v1.ICallProgress): boolean {
  const [handoffId, attempt, verb] = (progress.commandId ?? '').split(':');
  if (handoffId !== handoff.id || attempt === undefined) return true; // about a leg, not a command
  if (Number(attempt) < handoff.attempt) return false;
  return verb !== 'cancel' && verb !== 'return_to_agent';
}

function closerAnswered(draft: StepDraft): void {
  draft.updateTransfer({ deadline: null });
  const { handoff } = draft.transfer;
  if (handoff.mode === 'cold') {
    bridgeWhenAllowed(draft);
    return;
  }
  const brief = draft.brief();
  const { current } = handoff;
  if (!whisperAllowed(handoff) || brief === null || current?.legId == null) return;
  issueForward(draft, [
    whisperBriefCommand(commandContext(handoff), current.closerId, current.legId, brief),
  ]);
}

// Warm: after the whisper; cold: as soon as the closer answers. Never twice (bridgeAllowed).
function bridgeWhenAllowed(draft: StepDraft): void {
  const { handoff } = draft.transfer;
  const legId = handoff.current?.legId;
  if (!bridgeAllowed(handoff) || legId == null) return;
  if (handoff.mode === 'warm' && !attemptIssued(handoff, 'whisper')) return;
  issueForward(draft, [bridgeCommand(commandContext(handoff), legId)]);
}

function attemptFailed(
  draft: StepDraft,
  input: Extract<HandoffInput, { type: 'attempt_failed' }>,
): void {
  const before = draft.handoff;
  draft.advance(input);
  draft.announce();
  if (before.attemptFailure !== null || draft.handoff.attemptFailure === null) return;
  draft.updateTransfer({ deadline: null });
  followFallback(draft, input.failure, 'ended');
}

function callerHungUp(draft: StepDraft): void {
  const { handoff } = draft.transfer;
  if (isTerminal(handoff.phase)) {
    // After the bridge the hang-up ends the call: the closer's seat is free again.
    if (wasBridged(handoff)) endReservation(draft, 'ended', 'the call ended');
    return;
  }
  releaseAttempt(draft, 'ended', 'caller hung up');
  draft.advance({ type: 'caller_hung_up' });
  draft.updateTransfer({ deadline: null });
  draft.announce();
}
