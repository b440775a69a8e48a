// Telephony commands of a transfer attempt, in the order a warm attempt issues them:
//   hold (buyer) -> dial (closer) -> whisper (brief, to the closer's leg) -> bridge;
// cancel ends a closer's leg, return_to_agent hands the buyer back to the AI. Cold attempts have no
// whisper. Every command's id and idempotency key is `<handoffId>:<attempt>:<verb>`, so the same
// step of the same attempt always has the same key: a redelivered grant or a restarted router that
// rebuilds a command gets the key the adapter has already performed, and nothing happens twice.
import type { warmline } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import type { Handoff } from './handoff.js';
import type { TransferModeName } from './transfer-mode.js';

/** The kinds of telephony command, named as they appear in idempotency keys. */
export type TelephonyVerb = 'hold' | 'dial' | 'whisper' | 'bridge' | 'cancel' | 'return_to_agent';

/** Which handoff and attempt a command belongs to. */
export interface CommandContext {
  readonly handoffId: string;
  readonly grantId: string;
  readonly attempt: number;
}

/** The closer an attempt dials. */
export interface DialTarget {
  readonly closerId: string;
  /** E.164 number, SIP URI or platform client address. */
  readonly address: string;
  /** How long to ring before giving up. */
  readonly timeoutMs: number;
}

/** The command context of `handoff` for its current attempt (or `attempt`, e.g. an old leg's). */
export function commandContext(handoff: Handoff, attempt = handoff.attempt): CommandContext {
  return { handoffId: handoff.id, grantId: handoff.grantId, attempt };
}

/** `<handoffId>:<attempt>:<verb>`: command id and idempotency key of one step of one attempt. */
export function commandKey(handoffId: string, attempt: number, verb: TelephonyVerb): string {
  return `${handoffId}:${attempt}:${verb}`;
}

/** Put the buyer on hold while the closer is dialled. */
export function holdCommand(ctx: CommandContext): warmline.v1.ITelephonyCommand {
  return { ...header(ctx, 'hold'), hold: {} };
}

/** Dial the closer on a new leg. */
export function dialCloserCommand(
  ctx: CommandContext,
  target: DialTarget,
): warmline.v1.ITelephonyCommand {
  if (!Number.isInteger(target.timeoutMs) || target.timeoutMs < 1) {
    throw new HandoffInputError(
      'timeoutMs',
      `must be a positive whole number of ms, got ${target.timeoutMs}`,
    );
  }
  return {
    ...header(ctx, 'dial'),
    dialCloser: { closerId: target.closerId, address: target.address, timeoutMs: target.timeoutMs },
  };
}

/** Play (or show) the brief on the closer's leg before the buyer joins. */
export function whisperBriefCommand(
  ctx: CommandContext,
  closerId: string,
  legId: string,
  brief: warmline.v1.IHandoffBrief,
): warmline.v1.ITelephonyCommand {
  return {
    ...header(ctx, 'whisper'),
    whisperBrief: { closerId, legId, text: brief.text ?? '', brief },
  };
}

/** Connect the buyer with the closer's leg. */
export function bridgeCommand(ctx: CommandContext, legId: string): warmline.v1.ITelephonyCommand {
  return { ...header(ctx, 'bridge'), bridge: { legId } };
}

/** Hang up a closer's leg. */
export function cancelCommand(
  ctx: CommandContext,
  legId: string,
  reason: string,
): warmline.v1.ITelephonyCommand {
  return { ...header(ctx, 'cancel'), cancel: { legId, reason } };
}

/** Give the buyer back to the AI agent with what it should say. */
export function returnToAgentCommand(
  ctx: CommandContext,
  message: string,
): warmline.v1.ITelephonyCommand {
  return { ...header(ctx, 'return_to_agent'), returnToAgent: { message } };
}

/** What a whole attempt needs to be planned at once (the leg id is known once the dial rang). */
export interface AttemptPlan {
  readonly mode: TransferModeName;
  readonly target: DialTarget;
  readonly legId: string;
  /** Required in warm mode; ignored in cold mode. */
  readonly brief?: warmline.v1.IHandoffBrief | null;
}

/**
 * The ordered commands of one successful attempt: hold, dial, whisper (warm only), bridge. The
 * router issues them one at a time as call progress arrives; this is the order it must follow.
 */
export function telephonyPlan(
  ctx: CommandContext,
  plan: AttemptPlan,
): warmline.v1.ITelephonyCommand[] {
  const commands = [holdCommand(ctx), dialCloserCommand(ctx, plan.target)];
  if (plan.mode === 'warm') {
    if (plan.brief == null) throw new HandoffInputError('brief', 'is required for a warm attempt');
    commands.push(whisperBriefCommand(ctx, plan.target.closerId, plan.legId, plan.brief));
  }
  commands.push(bridgeCommand(ctx, plan.legId));
  return commands;
}

/** The verb of a command (which of its oneof fields is set); `null` when none is. */
export function commandVerbOf(command: warmline.v1.ITelephonyCommand): TelephonyVerb | null {
  if (command.hold != null) return 'hold';
  if (command.dialCloser != null) return 'dial';
  if (command.whisperBrief != null) return 'whisper';
  if (command.bridge != null) return 'bridge';
  if (command.cancel != null) return 'cancel';
  if (command.returnToAgent != null) return 'return_to_agent';
  return null;
}

function header(ctx: CommandContext, verb: TelephonyVerb): warmline.v1.ITelephonyCommand {
  if (!Number.isSafeInteger(ctx.attempt) || ctx.attempt < 1) {
    throw new HandoffInputError('attempt', `must be a positive integer, got ${ctx.attempt}`);
  }
  const key = commandKey(ctx.handoffId, ctx.attempt, verb);
  return { commandId: key, idempotencyKey: key, grantId: ctx.grantId, handoffId: ctx.handoffId };
}
