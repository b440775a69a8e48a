// The simulator's phone network behind the TelephonyAdapter seam: each call's line state
// (closer-line.ts) moved by verified commands, its reports published at once or, when a closer takes
// time to answer or a brief takes time to play, later on the wall clock. It tells the call when the
// buyer moves (held, bridged, back with the agent) and the desks when a closer is on a call.
import { v1, type warmline } from '@warmline/contracts';
import { toSimulatedMs, toWallMs } from '@warmline/simulation';
import type { CallProgressReporter } from './call-progress-reporter.js';
import type { CampaignCalls } from './campaign-calls.js';
import type { CloserDesks } from './closer-desks.js';
import {
  bridgedCallEnds,
  bridgedLeg,
  buyerHangsUp,
  fireReport,
  newCallLine,
  performCommand,
  whisperDurationMs,
  type CallLine,
  type LineReport,
} from './closer-line.js';
import type { TelephonyAdapter } from './telephony-adapter.js';
import type { CancelTimer, WallClock } from './wall-clock.js';

/** A dial without a timeout rings this long (wall ms), as the router's default dial timeout. */
const DEFAULT_RING_OUT_WALL_MS = 20_000;

/** What the simulated network needs from the campaign. */
export interface TelephonyDeps {
  readonly reporter: CallProgressReporter;
  readonly clock: WallClock;
  readonly timeScale: number;
  readonly calls: CampaignCalls;
  readonly desks: CloserDesks;
  readonly fail: (error: unknown) => void;
}

/** The simulated telephony of every call of the campaign. */
export class SimulatedTelephony implements TelephonyAdapter {
  private readonly lines = new Map<string, CallLine>();
  private readonly pending = new Set<CancelTimer>();

  constructor(private readonly deps: TelephonyDeps) {}

  carries(interactionId: string): boolean {
    return this.deps.calls.has(interactionId);
  }

  async perform(interactionId: string, command: warmline.v1.ITelephonyCommand): Promise<void> {
    const before = this.line(interactionId);
    const step = performCommand(before, command, {
      dial: command.dialCloser ? this.deps.desks.dialOutcome(interactionId, command) : null,
      ringOutMs: toSimulatedMs(
        command.dialCloser?.timeoutMs || DEFAULT_RING_OUT_WALL_MS,
        this.deps.timeScale,
      ),
      whisperMs: whisperDurationMs(command.whisperBrief?.text ?? ''),
    });
    this.moved(interactionId, before, step.line);
    for (const report of step.reports) {
      if (report.afterMs === 0 && report.guard === null) {
        await this.deps.reporter.report(interactionId, report.progress);
      } else {
        this.later(interactionId, report);
      }
    }
  }

  async refuse(
    interactionId: string,
    command: warmline.v1.ITelephonyCommand,
    detail: string,
  ): Promise<void> {
    await this.deps.reporter.report(interactionId, {
      commandId: command.commandId ?? '',
      handoffId: command.handoffId ?? '',
      state: v1.CallProgressState.CALL_PROGRESS_STATE_FAILED,
      detail,
    });
  }

  /**
   * The buyer hangs up before any bridge. With `report`, telephony tells the router
   * (CALLER_HUNG_UP on `handoffId`); either way later commands find the line gone.
   */
  async buyerHangsUp(interactionId: string, handoffId: string, report: boolean): Promise<void> {
    const { line, progress } = buyerHangsUp(this.line(interactionId), handoffId);
    this.lines.set(interactionId, line);
    if (report) await this.deps.reporter.report(interactionId, progress);
  }

  /** The bridged conversation is over: the closer's seat frees (CALLER_HUNG_UP on their leg). */
  async conversationEnds(interactionId: string): Promise<void> {
    const before = this.line(interactionId);
    const leg = bridgedLeg(before);
    const { line, progress } = bridgedCallEnds(before);
    this.lines.set(interactionId, line);
    if (leg === null || progress === null) return;
    this.deps.desks.release(leg.closerId, interactionId);
    await this.deps.reporter.report(interactionId, progress);
  }

  /** Drops every report not sent yet (the campaign is over). */
  close(): void {
    for (const cancel of this.pending) cancel();
    this.pending.clear();
  }

  private line(interactionId: string): CallLine {
    return this.lines.get(interactionId) ?? newCallLine();
  }

  // The buyer moved: the call stops its fillers; a bridge puts the closer on the call.
  private moved(interactionId: string, before: CallLine, after: CallLine): void {
    this.lines.set(interactionId, after);
    if (before.buyer === after.buyer) return;
    const call = this.deps.calls.get(interactionId);
    call?.buyerMoved();
    const leg = after.buyer === 'bridged' ? bridgedLeg(after) : null;
    if (leg !== null) {
      this.deps.desks.connect(leg.closerId, interactionId);
      call?.connected(leg);
    }
  }

  private later(interactionId: string, report: LineReport): void {
    const at = this.deps.clock.now() + toWallMs(report.afterMs, this.deps.timeScale);
    const cancel = this.deps.clock.at(at, () => {
      this.pending.delete(cancel);
      const closerId = report.progress.closerId ?? '';
      const { line, progress } = fireReport(
        this.line(interactionId),
        report,
        this.deps.desks.isFull(closerId),
      );
      this.lines.set(interactionId, line);
      if (progress !== null) {
        this.deps.reporter.report(interactionId, progress).catch(this.deps.fail);
      }
    });
    this.pending.add(cancel);
  }
}
