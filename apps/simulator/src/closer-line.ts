// The simulated phone network of one call, as a pure state machine: the buyer's leg (with the AI
// agent, on hold, bridged, gone) and the closers' legs (ringing, answered, bridged, ended). A command
// changes the state and yields the CallProgress reports a provider would send — some at once, some
// later and only if the leg is still where the report expects it (a cancelled leg never answers).
import { v1, type warmline } from '@warmline/contracts';
import { commandVerbOf } from '@warmline/handoff';

const S = v1.CallProgressState;

/** Where a closer's leg is. */
export type LegState = 'ringing' | 'answered' | 'bridged' | 'ended';
/** Where the buyer is. */
export type BuyerState = 'with_agent' | 'held' | 'bridged' | 'gone';

/** One closer's leg of the call. */
export interface CloserLeg {
  readonly legId: string;
  readonly closerId: string;
  readonly handoffId: string;
  readonly state: LegState;
  /** The brief whispered on this leg; null when none was (a cold transfer). */
  readonly brief: warmline.v1.IHandoffBrief | null;
}

/** The whole call as telephony sees it. */
export interface CallLine {
  readonly buyer: BuyerState;
  readonly legs: readonly CloserLeg[];
  /** Idempotency keys already performed: each is performed once. */
  readonly performed: readonly string[];
}

/** How a closer's phone reacts to a dial (from the closer's desk behaviour and load). */
export type DialOutcome =
  /** Rings, then reaches `state` after `afterMs` simulated ms (null: rings out at the dial's timeout). */
  | {
      readonly kind: 'rings';
      readonly state: warmline.v1.CallProgressState;
      readonly afterMs: number | null;
    }
  /** The closer is on as many calls as they can take. */
  | { readonly kind: 'busy' }
  /** The address is not one this network can reach. */
  | { readonly kind: 'unreachable'; readonly detail: string };

/** A report to publish `afterMs` simulated ms after the command (0: at once). */
export interface LineReport {
  readonly afterMs: number;
  readonly progress: warmline.v1.ICallProgress;
  /** For a later report: send it only if the leg is still in `expects`, and move it to `moves`. */
  readonly guard: {
    readonly legId: string;
    readonly expects: LegState;
    readonly moves: LegState;
  } | null;
}

/** The state after a command, and what to report. */
export interface LineStep {
  readonly line: CallLine;
  readonly reports: readonly LineReport[];
}

/** What the network needs to know to play a command. */
export interface LineContext {
  /** For a DialCloser: the closer's reaction. */
  readonly dial: DialOutcome | null;
  /** The dial's timeout_ms in simulated ms: when an unanswered leg rings out. */
  readonly ringOutMs: number;
  /** For a WhisperBrief: how long the brief plays, simulated ms. */
  readonly whisperMs: number;
}

/** How long a whispered brief plays per word, simulated ms (spoken, at the agent's pace). */
export const WHISPER_MS_PER_WORD = 320;
/** The shortest whisper, simulated ms (the closer hears at least a greeting). */
export const MIN_WHISPER_MS = 2_000;
/**
 * The longest whisper, simulated ms: the desk showed the whole brief with the reservation, so the
 * whisper is its headline, not the full text read aloud.
 */
export const MAX_WHISPER_MS = 12_000;

/** How long the closer listens to a brief of `text` before the bridge, simulated ms. */
export function whisperDurationMs(text: string): number {
  const words = text.split(/\s+/).filter((word) => word !== '').length;
  return Math.min(MAX_WHISPER_MS, Math.max(MIN_WHISPER_MS, words * WHISPER_MS_PER_WORD));
}

/** A call with the buyer talking to the AI agent and no closer legs. */
export function newCallLine(): CallLine {
  return { buyer: 'with_agent', legs: [], performed: [] };
}

/**
 * Performs `command` (its idempotency key at most once: a repeat changes nothing and reports
 * nothing). Hold → HELD; DialCloser → RINGING, then the closer's reaction (or BUSY / FAILED);
 * WhisperBrief on an answered leg → WHISPER_COMPLETED after the brief played; Bridge of an answered
 * leg → BRIDGED; Cancel → CANCELLED; ReturnToAgent → RETURNED_TO_AGENT. A command the call's state
 * makes impossible (the caller hung up, the leg is not answered) → FAILED with the reason.
 */
export function performCommand(
  line: CallLine,
  command: warmline.v1.ITelephonyCommand,
  context: LineContext,
): LineStep {
  const key = command.idempotencyKey || command.commandId || '';
  if (key !== '' && line.performed.includes(key)) return { line, reports: [] };
  const performed: CallLine = {
    ...line,
    performed: key === '' ? line.performed : [...line.performed, key],
  };
  const report = reporter(command);
  switch (commandVerbOf(command)) {
    case 'hold':
      return hold(performed, report);
    case 'dial':
      return dial(performed, command, context, report);
    case 'whisper':
      return whisper(performed, command, context, report);
    case 'bridge':
      return bridge(performed, command.bridge?.legId ?? '', report);
    case 'cancel':
      return cancel(performed, command.cancel?.legId ?? '', report);
    case 'return_to_agent':
      return returnToAgent(performed, report);
    case null:
      return failed(performed, report, 'the command sets no action');
  }
}

/**
 * Sends a later report if its leg is still where the report expects it (moving the leg on);
 * otherwise the report is void (the leg was cancelled or ended meanwhile): null. A closer who took
 * another call while this leg rang (`closerFull`) cannot answer it: the leg ends BUSY instead.
 */
export function fireReport(
  line: CallLine,
  report: LineReport,
  closerFull = false,
): { readonly line: CallLine; readonly progress: warmline.v1.ICallProgress | null } {
  const { guard } = report;
  if (guard === null) return { line, progress: report.progress };
  const leg = line.legs.find((l) => l.legId === guard.legId);
  if (leg === undefined || leg.state !== guard.expects) return { line, progress: null };
  if (closerFull && report.progress.state === S.CALL_PROGRESS_STATE_ANSWERED) {
    return {
      line: withLeg(line, { ...leg, state: 'ended' }),
      progress: { ...report.progress, state: S.CALL_PROGRESS_STATE_BUSY },
    };
  }
  return { line: withLeg(line, { ...leg, state: guard.moves }), progress: report.progress };
}

/**
 * The buyer hangs up before any bridge: the line is gone, and telephony reports CALLER_HUNG_UP on
 * the transfer under way (`handoffId`, '' when the stack has not named one yet).
 */
export function buyerHangsUp(
  line: CallLine,
  handoffId: string,
): { readonly line: CallLine; readonly progress: warmline.v1.ICallProgress } {
  return {
    line: { ...line, buyer: 'gone' },
    progress: { state: S.CALL_PROGRESS_STATE_CALLER_HUNG_UP, handoffId, detail: 'caller hung up' },
  };
}

/**
 * The bridged conversation is over (the buyer hangs up on the closer): the closer's leg ends and
 * telephony reports CALLER_HUNG_UP on it, which frees the closer's seat. Null when nothing is bridged.
 */
export function bridgedCallEnds(line: CallLine): {
  readonly line: CallLine;
  readonly progress: warmline.v1.ICallProgress | null;
} {
  const leg = bridgedLeg(line);
  if (leg === null) return { line, progress: null };
  return {
    line: { ...withLeg(line, { ...leg, state: 'ended' }), buyer: 'gone' },
    progress: {
      state: S.CALL_PROGRESS_STATE_CALLER_HUNG_UP,
      handoffId: leg.handoffId,
      legId: leg.legId,
      closerId: leg.closerId,
      detail: 'call completed',
    },
  };
}

/** The leg the buyer is bridged to, or null. */
export function bridgedLeg(line: CallLine): CloserLeg | null {
  return line.legs.find((leg) => leg.state === 'bridged') ?? null;
}

/**
 * The leg a dial opens: one per handoff attempt, `leg-<handoffId>-<attempt>` from the command's
 * key `<handoffId>:<attempt>:dial` (any other key: `leg-<key>`), characters outside [A-Za-z0-9_-] as _.
 */
export function legIdOf(command: warmline.v1.ITelephonyCommand): string {
  const key = command.idempotencyKey || command.commandId || '';
  const [handoffId, attempt, verb] = key.split(':');
  const name = verb === 'dial' && attempt !== undefined ? `${handoffId}-${attempt}` : key;
  return `leg-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

type Reporter = (
  state: warmline.v1.CallProgressState,
  fields?: Partial<warmline.v1.ICallProgress>,
) => warmline.v1.ICallProgress;

function reporter(command: warmline.v1.ITelephonyCommand): Reporter {
  return (state, fields = {}) => ({
    commandId: command.commandId ?? '',
    handoffId: command.handoffId ?? '',
    state,
    ...fields,
  });
}

function now(progress: warmline.v1.ICallProgress): LineReport {
  return { afterMs: 0, progress, guard: null };
}

function failed(line: CallLine, report: Reporter, detail: string, legId?: string): LineStep {
  const fields = legId === undefined ? { detail } : { detail, legId };
  return { line, reports: [now(report(S.CALL_PROGRESS_STATE_FAILED, fields))] };
}

function hold(line: CallLine, report: Reporter): LineStep {
  if (line.buyer === 'gone') return failed(line, report, 'the caller has hung up');
  if (line.buyer === 'bridged') return failed(line, report, 'the caller is bridged to a closer');
  return {
    line: { ...line, buyer: 'held' },
    reports: [now(report(S.CALL_PROGRESS_STATE_HELD))],
  };
}

function dial(
  line: CallLine,
  command: warmline.v1.ITelephonyCommand,
  context: LineContext,
  report: Reporter,
): LineStep {
  const closerId = command.dialCloser?.closerId ?? '';
  if (line.buyer === 'gone') return failed(line, report, 'the caller has hung up');
  const outcome = context.dial ?? { kind: 'unreachable', detail: 'no closer behaviour known' };
  if (outcome.kind === 'unreachable') return failed(line, report, outcome.detail);
  const legId = legIdOf(command);
  const base = { legId, closerId };
  const leg: CloserLeg = {
    legId,
    closerId,
    handoffId: command.handoffId ?? '',
    state: outcome.kind === 'busy' ? 'ended' : 'ringing',
    brief: null,
  };
  const opened: CallLine = { ...line, legs: [...line.legs.filter((l) => l.legId !== legId), leg] };
  if (outcome.kind === 'busy') {
    return { line: opened, reports: [now(report(S.CALL_PROGRESS_STATE_BUSY, base))] };
  }
  const answers = outcome.state === S.CALL_PROGRESS_STATE_ANSWERED;
  return {
    line: opened,
    reports: [
      now(report(S.CALL_PROGRESS_STATE_RINGING, base)),
      {
        afterMs: outcome.afterMs ?? context.ringOutMs,
        progress: report(outcome.state, base),
        guard: { legId, expects: 'ringing', moves: answers ? 'answered' : 'ended' },
      },
    ],
  };
}

function whisper(
  line: CallLine,
  command: warmline.v1.ITelephonyCommand,
  context: LineContext,
  report: Reporter,
): LineStep {
  const legId = command.whisperBrief?.legId ?? '';
  const leg = line.legs.find((l) => l.legId === legId);
  if (leg === undefined) return failed(line, report, `no leg ${legId}`, legId);
  if (leg.state !== 'answered') {
    return failed(line, report, `leg ${legId} is ${leg.state}, not answered`, legId);
  }
  const briefed = withLeg(line, { ...leg, brief: command.whisperBrief?.brief ?? null });
  return {
    line: briefed,
    reports: [
      {
        afterMs: context.whisperMs,
        progress: report(S.CALL_PROGRESS_STATE_WHISPER_COMPLETED, {
          legId,
          closerId: leg.closerId,
        }),
        guard: { legId, expects: 'answered', moves: 'answered' },
      },
    ],
  };
}

function bridge(line: CallLine, legId: string, report: Reporter): LineStep {
  const leg = line.legs.find((l) => l.legId === legId);
  if (line.buyer === 'gone') return failed(line, report, 'the caller has hung up', legId);
  if (leg === undefined) return failed(line, report, `no leg ${legId}`, legId);
  if (leg.state !== 'answered') {
    return failed(line, report, `leg ${legId} is ${leg.state}, not answered`, legId);
  }
  return {
    line: { ...withLeg(line, { ...leg, state: 'bridged' }), buyer: 'bridged' },
    reports: [now(report(S.CALL_PROGRESS_STATE_BRIDGED, { legId, closerId: leg.closerId }))],
  };
}

function cancel(line: CallLine, legId: string, report: Reporter): LineStep {
  const leg = line.legs.find((l) => l.legId === legId);
  // Ending a leg is idempotent: a leg already over (or never opened) is reported cancelled too.
  const ended =
    leg === undefined || leg.state === 'ended' ? line : withLeg(line, { ...leg, state: 'ended' });
  const buyer = leg?.state === 'bridged' ? 'with_agent' : ended.buyer;
  return {
    line: { ...ended, buyer },
    reports: [
      now(report(S.CALL_PROGRESS_STATE_CANCELLED, { legId, closerId: leg?.closerId ?? '' })),
    ],
  };
}

function returnToAgent(line: CallLine, report: Reporter): LineStep {
  if (line.buyer === 'gone') return failed(line, report, 'the caller has hung up');
  if (line.buyer === 'bridged') return failed(line, report, 'the caller is bridged to a closer');
  return {
    line: { ...line, buyer: 'with_agent' },
    reports: [now(report(S.CALL_PROGRESS_STATE_RETURNED_TO_AGENT))],
  };
}

function withLeg(line: CallLine, leg: CloserLeg): CallLine {
  return { ...line, legs: line.legs.map((l) => (l.legId === leg.legId ? leg : l)) };
}
