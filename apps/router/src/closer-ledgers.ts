// The reservation ledger in the store: one compare-and-set checkpoint per closer, read together to
// rank closers, written one closer at a time to take or free a seat.
import { Inject, Injectable } from '@nestjs/common';
import { STEPS, type CheckpointedSteps } from '@warmline/agent-runtime';
import {
  CapacityExceededError,
  CloserUnavailableError,
  IllegalReservationTransitionError,
  ReservationExpiredError,
  type Closer,
  type CloserLedger,
  type Reservation,
  type ReservationLedger,
  type ReservationRequest,
  type Roster,
} from '@warmline/roster';
import { acceptSeat, freeSeat, reserveSeat, type EntryDecision } from './closer-ledger-steps.js';
import { closerLedgerKey } from './derived-ids.js';
import type { LedgerRelease } from './interaction-record.js';

/** How the ledger took a desk's acceptance. */
export type AcceptVerdict = 'accepted' | 'expired' | 'ended';

@Injectable()
export class CloserLedgers {
  /** Read at decision time, so a decision retried after a lost race stamps the time it was made. */
  private readonly clock: () => number = Date.now;

  constructor(@Inject(STEPS) private readonly steps: CheckpointedSteps) {}

  /** The ledger entries of `closerIds`, as one ReservationLedger. */
  async snapshot(closerIds: readonly string[]): Promise<ReservationLedger> {
    const stored = await Promise.all(closerIds.map((id) => this.steps.read(closerLedgerKey(id))));
    const entries = closerIds.flatMap((id, i) => {
      const state = stored[i]?.checkpoint.state as CloserLedger | undefined;
      return state ? [[id, state] as const] : [];
    });
    // fromEntries defines own properties, so any closer id is an ordinary key.
    return { closers: Object.fromEntries(entries) };
  }

  /**
   * Reserves the first of `ranked` that still has a free seat when the write lands; `null` when
   * none has (every one filled up or went unavailable meanwhile).
   */
  async reserveFirst(
    ranked: readonly Closer[],
    roster: Roster,
    request: ReservationRequest,
  ): Promise<Reservation | null> {
    for (const closer of ranked) {
      try {
        return await this.change(closer.closerId, (entry, now) =>
          reserveSeat(entry, closer.closerId, request, roster, now),
        );
      } catch (err) {
        if (err instanceof CapacityExceededError || err instanceof CloserUnavailableError) continue;
        throw err;
      }
    }
    return null;
  }

  /** Accepts a pending reservation for the desk; how the ledger took it. */
  async accept(closerId: string, reservationId: string): Promise<AcceptVerdict> {
    try {
      await this.change(closerId, (entry, now) => acceptSeat(entry, closerId, reservationId, now));
      return 'accepted';
    } catch (err) {
      if (err instanceof ReservationExpiredError) return 'expired';
      if (err instanceof IllegalReservationTransitionError) return 'ended';
      throw err;
    }
  }

  /** Frees a seat as the transfer ended it (idempotent). */
  async release(release: LedgerRelease): Promise<void> {
    await this.change(release.closerId, (entry, now) => freeSeat(entry, release, now));
  }

  private async change<R>(
    closerId: string,
    decide: (entry: CloserLedger | null, nowMs: number) => EntryDecision<R>,
  ): Promise<R> {
    let result: { value: R } | null = null;
    await this.steps.run<CloserLedger, null>(closerLedgerKey(closerId), (entry) => {
      const decision = decide(entry, this.clock());
      result = { value: decision.result };
      return decision.changed ? { state: decision.entry, effects: [], result: null } : null;
    });
    if (result === null) throw new Error(`ledger of closer ${closerId} was not decided`);
    return (result as { value: R }).value;
  }
}
