// The scenario's closers at their desks: they report presence (available, busy at capacity), answer
// PENDING reservations per the reaction drawn for the attempt, and tell the simulated telephony how
// their phone answers a dial. One reaction per closer per attempt serves desk and phone alike.
import type { EventBus } from '@warmline/bus';
import { v1, type warmline } from '@warmline/contracts';
import {
  callRng,
  closerAddress,
  closerPresenceOf,
  closersOf,
  deskResponse,
  toWallMs,
  type CloserSpec,
  type DeskAnswer,
  type Scenario,
} from '@warmline/simulation';
import type { CampaignCalls } from './campaign-calls.js';
import { CloserLoad, type PresenceChange } from './closer-load.js';
import type { DialOutcome } from './closer-line.js';
import { deskStream, dialOutcomeOf, reservationReply } from './desk-responder.js';
import { reservationResponseEventId } from './event-ids.js';
import type { CancelTimer, WallClock } from './wall-clock.js';

/** What the desks need from the campaign. */
export interface DeskDeps {
  readonly bus: EventBus;
  readonly clock: WallClock;
  readonly scenario: Scenario;
  readonly calls: CampaignCalls;
  /** Called with an error that should stop the campaign (a publish the broker refused). */
  readonly fail: (error: unknown) => void;
  readonly warn: (message: string) => void;
}

/** Every simulated closer's desk and phone. */
export class CloserDesks {
  private readonly closers: ReadonlyMap<string, CloserSpec>;
  private readonly load: CloserLoad;
  private readonly answers = new Map<string, DeskAnswer>();
  private readonly replies = new Map<string, CancelTimer>();
  private readonly reportedAt = new Map<string, number>();

  constructor(private readonly deps: DeskDeps) {
    this.closers = new Map(closersOf(deps.scenario).map((closer) => [closer.id, closer]));
    this.load = new CloserLoad(
      new Map([...this.closers.values()].map((closer) => [closer.id, closer.capacity])),
    );
  }

  /** The closer `closerId` of the scenario, or null. */
  spec(closerId: string): CloserSpec | null {
    return this.closers.get(closerId) ?? null;
  }

  /** Reports every closer as they are now: available, or busy when at capacity. */
  async reportPresence(): Promise<void> {
    await Promise.all(
      [...this.closers.values()].map((closer) =>
        this.deps.bus.publishCloserPresence(
          closerPresenceOf(
            closer,
            this.reportTime(closer.id),
            this.load.isFull(closer.id) ? 'busy' : 'available',
          ),
        ),
      ),
    );
  }

  /**
   * A ReservationEvent for a call of the campaign: PENDING is answered per the closer's reaction
   * (after their reaction time, or never); any later state withdraws an answer not yet given.
   */
  onReservationEvent(envelope: warmline.v1.IEnvelope): void {
    const event = envelope.reservationEvent;
    const call = this.deps.calls.get(envelope.interactionId ?? '');
    if (!event || call === null) return;
    const reservationId = event.reservationId ?? '';
    if (event.state !== v1.ReservationState.RESERVATION_STATE_PENDING) {
      this.replies.get(reservationId)?.();
      this.replies.delete(reservationId);
      return;
    }
    const closerId = event.closerId ?? '';
    if (this.spec(closerId) === null) {
      this.deps.warn(
        `reservation ${reservationId} holds closer ${closerId}, who is not in the scenario`,
      );
      return;
    }
    if (this.replies.has(reservationId)) return;
    const answer = this.answerFor(
      call.interactionId,
      event.handoffId ?? '',
      event.attempt ?? 1,
      closerId,
    );
    const reply = reservationReply(event, answer);
    if (reply === null) return;
    const at = this.deps.clock.now() + toWallMs(reply.afterMs, this.deps.scenario.timeScale);
    const cancel = this.deps.clock.at(at, () => {
      this.replies.delete(reservationId);
      this.deps.bus
        .publish('reservation', call.interactionId, {
          eventId: reservationResponseEventId(reservationId),
          reservationResponse: reply.response,
        })
        .catch(this.deps.fail);
    });
    this.replies.set(reservationId, cancel);
  }

  /**
   * How the closer's phone answers `dial`: unreachable for an address no simulated closer has,
   * busy at capacity, else the reaction drawn for the attempt (the same one the desk played).
   */
  dialOutcome(interactionId: string, command: warmline.v1.ITelephonyCommand): DialOutcome {
    const dial = command.dialCloser ?? {};
    const closerId = dial.closerId ?? '';
    if (this.spec(closerId) === null || dial.address !== closerAddress(closerId)) {
      return {
        kind: 'unreachable',
        detail: `${dial.address ?? ''} is not the address of a simulated closer`,
      };
    }
    const attempt = Number((command.idempotencyKey ?? '').split(':')[1] ?? 1) || 1;
    const answer = this.answerFor(interactionId, command.handoffId ?? '', attempt, closerId);
    return dialOutcomeOf(answer, this.load.isFull(closerId));
  }

  /** True when `closerId` is on as many calls as they take. */
  isFull(closerId: string): boolean {
    return this.load.isFull(closerId);
  }

  /** `closerId` is now on the call `interactionId` (bridged). */
  connect(closerId: string, interactionId: string): void {
    this.publishChange(this.load.connect(closerId, interactionId));
  }

  /** `closerId`'s call `interactionId` is over. */
  release(closerId: string, interactionId: string): void {
    this.publishChange(this.load.release(closerId, interactionId));
  }

  /** Withdraws every answer not given yet (the campaign is over). */
  close(): void {
    for (const cancel of this.replies.values()) cancel();
    this.replies.clear();
  }

  private answerFor(
    interactionId: string,
    handoffId: string,
    attempt: number,
    closerId: string,
  ): DeskAnswer {
    const key = `${interactionId}|${handoffId}|${attempt}|${closerId}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const call = this.deps.calls.get(interactionId);
    const closer = this.spec(closerId) as CloserSpec;
    const ordinal = call?.trail.handoffOrdinal(handoffId) ?? 1;
    const answer = deskResponse(
      closer,
      callRng(this.deps.scenario.seed, call?.plan.callIndex ?? 0, deskStream(ordinal, attempt)),
      call?.plan.mode === 'cold' ? 'cold' : 'warm',
    );
    this.answers.set(key, answer);
    return answer;
  }

  private publishChange(change: PresenceChange | null): void {
    if (change === null) return;
    const closer = this.spec(change.closerId);
    if (closer === null) return;
    this.deps.bus
      .publishCloserPresence(closerPresenceOf(closer, this.reportTime(closer.id), change.presence))
      .catch(this.deps.fail);
  }

  // Readers keep the newest report per closer by reported_at: two reports never share an instant.
  private reportTime(closerId: string): number {
    const at = Math.max(this.deps.clock.now(), (this.reportedAt.get(closerId) ?? 0) + 1);
    this.reportedAt.set(closerId, at);
    return at;
  }
}
