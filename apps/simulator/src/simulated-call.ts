// One synthetic call, played as its voice agent and buyer would: the plan's perception events (faults
// injected) published at their wall-clock instants, fillers stopped once the buyer moves, a hang-up
// when the buyer's patience runs out or the call limit passes, and the end of the call when the
// stack bridges, books, gives up or hands the buyer back. It keeps the trail of what the stack did.
import type { EventBus } from '@warmline/bus';
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import {
  callRng,
  closerTalkTimeMs,
  faultNamesOf,
  hangUpEvent,
  injectFaults,
  outgoingEvents,
  perceptionEnvelopeFields,
  requalificationCost,
  toSimulatedMs,
  toWallMs,
  type CallOutcome,
  type CallPlan,
  type OutgoingEvent,
  type Scenario,
} from '@warmline/simulation';
import {
  callOutcomeOf,
  type CallEnding,
  type CallRecord,
  type EndingKind,
} from './call-outcome-of.js';
import { CallTimeline } from './call-timeline.js';
import { CallTrail } from './call-trail.js';
import type { CloserDesks } from './closer-desks.js';
import type { CloserLeg } from './closer-line.js';
import { closingEventId } from './event-ids.js';
import type { SimulatedTelephony } from './simulated-telephony.js';
import type { CancelTimer, WallClock } from './wall-clock.js';

/** One call's story for reading: the simulator's side and what the stack did, in wall ms from its start. */
export interface CallTrace {
  readonly interactionId: string;
  readonly mode: string;
  readonly persona: string;
  readonly ending: EndingKind | null;
  readonly events: readonly { readonly atMs: number; readonly what: string }[];
}

/** What a call needs from the campaign. */
export interface CallDeps {
  readonly bus: EventBus;
  readonly clock: WallClock;
  readonly scenario: Scenario;
  readonly telephony: SimulatedTelephony;
  readonly desks: CloserDesks;
  /** Called with an error that should stop the campaign. */
  readonly fail: (error: unknown) => void;
  /** Called once, when the call ends for the buyer. */
  readonly onEnded: (call: SimulatedCall) => void;
}

/** One call of the campaign. */
export class SimulatedCall {
  readonly trail = new CallTrail();
  readonly interactionId: string;
  /** Resolves when the call has ended for the buyer (bridged, booked, hung up, given up on). */
  readonly ended: Promise<void>;
  private readonly stream: readonly OutgoingEvent[];
  private readonly timeline: CallTimeline;
  private readonly faults: readonly string[];
  private startedAtMs = 0;
  private fillersStopped = false;
  private ending: CallEnding | null = null;
  private decisiveAtMs: number | null = null;
  private timingAtMs: number | null = null;
  private bridge: CallRecord['bridge'] = null;
  private readonly timers: CancelTimer[] = [];
  private conversation: CancelTimer | null = null;
  private publishing: Promise<void> = Promise.resolve();
  private markEnded: () => void = () => undefined;
  /** Wakes the player early once nothing more of the plan will be sent. */
  private wakePlayer: () => void = () => undefined;
  private readonly notes: { atMs: number; what: string }[] = [];

  constructor(
    readonly plan: CallPlan,
    private readonly deps: CallDeps,
  ) {
    this.interactionId = plan.interactionId;
    const { seed, faults } = deps.scenario;
    this.stream = injectFaults(
      outgoingEvents(plan),
      faults,
      callRng(seed, plan.callIndex, 'faults'),
    );
    this.timeline = new CallTimeline(this.stream);
    this.faults = faultNamesOf(plan, this.stream);
    this.ended = new Promise((resolve) => (this.markEnded = resolve));
  }

  /** How the call ended; null while it goes on. */
  get endingKind(): EndingKind | null {
    return this.ending?.kind ?? null;
  }

  /** Places the call now: plays its events and arms the buyer's patience and the call limit. */
  start(): void {
    const { clock, scenario } = this.deps;
    this.startedAtMs = clock.now();
    this.note('call placed');
    if (this.plan.hangsUpAtMs !== null) {
      this.timers.push(clock.at(this.wallAt(this.plan.hangsUpAtMs), () => this.end('abandoned')));
    }
    this.timers.push(clock.at(this.wallAt(scenario.callLimitMs), () => this.end('timed_out')));
    this.play().catch(this.deps.fail);
  }

  /** What the stack published about this call (decision, handoff, appointment families). */
  observe(envelope: warmline.v1.IEnvelope, atMs: number): void {
    this.trail.observe(envelope, atMs);
    if (this.trail.booked !== null) this.end('booked');
    else if (envelope.handoffEvent?.state === v1.HandoffState.HANDOFF_STATE_RETURNED_TO_AI) {
      this.end('returned');
    } else if (envelope.appointmentEvent?.unavailable) this.end('unavailable');
  }

  /** Telephony moved the buyer (on hold, bridged, back to the agent): the agent's fillers stop. */
  buyerMoved(): void {
    this.fillersStopped = true;
  }

  /**
   * Telephony bridged the buyer to `leg`'s closer: what re-qualification costs is drawn from the
   * brief the closer heard; the closer stays on the call for that time plus their talk time (none
   * when the buyer drops off during re-qualification).
   */
  connected(leg: CloserLeg): void {
    if (this.ending !== null) return;
    const { seed } = this.deps.scenario;
    const cost = requalificationCost(
      leg.brief,
      callRng(seed, this.plan.callIndex, 'requalification'),
    );
    const closer = this.deps.desks.spec(leg.closerId);
    const talkMs =
      cost.dropsOff || closer === null
        ? 0
        : closerTalkTimeMs(closer, callRng(seed, this.plan.callIndex, 'talk'));
    this.bridge = { brief: leg.brief, cost };
    this.note(
      `bridged to ${leg.closerId} (${leg.brief === null ? 'no brief' : 'briefed'}; ` +
        `${cost.markersReasked} marker(s) re-asked, ${Math.round(cost.requalificationMs / 1000)} s` +
        `${cost.dropsOff ? ', buyer drops off' : ''})`,
    );
    this.end('bridged');
    const over =
      this.deps.clock.now() +
      toWallMs(cost.requalificationMs + talkMs, this.deps.scenario.timeScale);
    this.conversation = this.deps.clock.at(over, () => {
      this.endConversation().catch(this.deps.fail);
    });
  }

  /** Ends a bridged conversation now (or does nothing): the buyer hangs up on the closer. */
  async endConversation(): Promise<void> {
    if (this.conversation === null) return;
    this.conversation();
    this.conversation = null;
    this.note('conversation with the closer over');
    await this.deps.telephony.conversationEnds(this.interactionId);
    this.closeStream(hangUpEvent('buyer', 'completed'));
  }

  /** The call's outcome; call once it has ended. */
  outcome(): CallOutcome {
    if (this.ending === null) throw new Error(`call ${this.interactionId} has not ended`);
    return callOutcomeOf(
      {
        plan: this.plan,
        faults: this.faults,
        ending: this.ending,
        decisiveAtMs: this.decisiveAtMs ?? this.decisiveNotReached(),
        timingAtMs: this.timingAtMs,
        bridge: this.bridge,
      },
      this.trail,
    );
  }

  /** The call's trace: the simulator's notes and the stack's trail, oldest first. */
  trace(): CallTrace {
    const origin = this.startedAtMs;
    const notes = this.notes.map((n) => ({ atMs: n.atMs - origin, what: `sim: ${n.what}` }));
    return {
      interactionId: this.interactionId,
      mode: this.plan.mode,
      persona: this.plan.persona,
      ending: this.endingKind,
      events: [...notes, ...this.trail.trace(origin)].sort((a, b) => a.atMs - b.atMs),
    };
  }

  private note(what: string): void {
    this.notes.push({ atMs: this.deps.clock.now(), what });
  }

  private async play(): Promise<void> {
    for (const event of this.stream) {
      await this.sleepUntil(this.wallAt(event.sendAtMs));
      if (this.timeline.isClosed) return;
      if (!this.timeline.admits(event, this.fillersStopped)) continue;
      this.timeline.markSent(event);
      await this.publish(event);
    }
    if (this.plan.endsWithHangUp) this.end('hung_up');
  }

  // A wait the call can cut short: a closed stream leaves no timer behind.
  private sleepUntil(atMs: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = this.deps.clock.at(atMs, resolve);
      this.wakePlayer = () => {
        cancel();
        resolve();
      };
    });
  }

  private publish(event: OutgoingEvent): Promise<void> {
    return this.enqueue(async () => {
      const at = this.deps.clock.now();
      if (event.tags.includes('decisive') && this.decisiveAtMs === null) {
        this.decisiveAtMs = at;
        this.note('decisive utterance sent');
      }
      if (event.tags.includes('timing')) this.timingAtMs ??= at;
      const occurredAt = this.wallAt(event.occurredAtMs);
      await this.deps.bus.publish(
        'perception',
        this.interactionId,
        perceptionEnvelopeFields(event, this.interactionId, occurredAt),
      );
    });
  }

  // One call's perception events leave strictly one after another, in the order they were decided.
  private enqueue(send: () => Promise<void>): Promise<void> {
    this.publishing = this.publishing.then(send).catch(this.deps.fail);
    return this.publishing;
  }

  private end(kind: EndingKind): void {
    if (this.ending !== null) return;
    const at = this.deps.clock.now();
    const handleTimeMs = Math.round(
      toSimulatedMs(at - this.startedAtMs, this.deps.scenario.timeScale),
    );
    this.ending = { kind, atMs: at, handleTimeMs };
    this.note(`call ended: ${kind}`);
    for (const cancel of this.timers) cancel();
    this.fillersStopped = true;
    switch (kind) {
      case 'bridged':
        break; // the stream closes when the conversation with the closer ends
      case 'booked':
      case 'returned':
      case 'unavailable':
        this.closeStream(hangUpEvent('agent'));
        break;
      case 'abandoned':
        this.leaveLine();
        this.closeStream(hangUpEvent('buyer'));
        break;
      case 'timed_out':
        this.leaveLine();
        this.closeStream(hangUpEvent('agent', 'call_limit'));
        break;
      case 'hung_up':
        this.leaveLine();
        this.closeStream(null);
        break;
    }
    this.markEnded();
    this.deps.onEnded(this);
  }

  // The buyer is gone: telephony tells the router when a live transfer may be under way.
  private leaveLine(): void {
    const handoffId = this.trail.activeHandoffId();
    const report = handoffId !== null || this.trail.liveTransferAuthorised;
    this.deps.telephony
      .buyerHangsUp(this.interactionId, handoffId ?? '', report)
      .catch(this.deps.fail);
  }

  // Nothing more of the plan is played; owed events go first, then the closing hang-up if any.
  private closeStream(hangUp: warmline.v1.IPerceptionEvent | null): void {
    if (this.timeline.isClosed) return;
    const { owed, sequence } = this.timeline.close();
    this.wakePlayer();
    for (const event of owed) void this.publish(event);
    if (hangUp === null) return;
    void this.enqueue(async () => {
      await this.deps.bus.publish('perception', this.interactionId, {
        eventId: closingEventId(this.interactionId),
        sequence,
        occurredAt: toTimestamp(this.deps.clock.now()),
        perceptionEvent: hangUp,
      });
    });
  }

  /**
   * A call that ended (booked) before its decisive utterance was due never sends it; the report
   * counts a booking before the decisive utterance as latency 0, so the planned instant stands in.
   */
  private decisiveNotReached(): number | null {
    if (this.plan.decisiveAtMs === null || this.ending?.kind !== 'booked') return null;
    return this.wallAt(this.plan.decisiveAtMs);
  }

  private wallAt(simulatedMs: number): number {
    return this.startedAtMs + toWallMs(simulatedMs, this.deps.scenario.timeScale);
  }
}
