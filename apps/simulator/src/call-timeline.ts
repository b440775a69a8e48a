// What the voice agent has sent of one call's event stream, and what it may still send. Perception
// restores order by sequence and waits for gaps, so whatever the agent leaves out must never leave a
// hole: hold fillers are dropped only from the tail, and the event that ends a call early takes the
// next sequence after everything sent (sending first whatever below it is still owed).
import type { OutgoingEvent } from '@warmline/simulation';

/** How a call's stream closes early: events owed first, then the closing event's sequence. */
export interface StreamClosing {
  /** Events with a sequence below the closing one that were never sent (first copies only). */
  readonly owed: readonly OutgoingEvent[];
  /** The sequence of the event that ends the call. */
  readonly sequence: number;
}

/** The send-side bookkeeping of one call's stream (faults already injected, sorted by sendAtMs). */
export class CallTimeline {
  private readonly sentSequences = new Set<number>();
  private highestSent = 0;
  /** Once fillers stop, nothing from this sequence on is played. */
  private quietFrom: number | null = null;
  private closed = false;

  constructor(private readonly stream: readonly OutgoingEvent[]) {}

  /**
   * Whether `event`, now due, is to be sent. `quiet` says the agent no longer keeps the buyer
   * company (the buyer is on hold, bridged, booked or back with the agent): a hold filler beyond
   * everything sent is then dropped, and with it every later event of the plan.
   */
  admits(event: OutgoingEvent, quiet: boolean): boolean {
    if (this.closed) return false;
    if (this.quietFrom !== null && event.sequence >= this.quietFrom) return false;
    if (quiet && event.tags.includes('hold_filler') && event.sequence > this.highestSent) {
      this.quietFrom = event.sequence;
      return false;
    }
    return true;
  }

  /** Records that `event` was published. */
  markSent(event: OutgoingEvent): void {
    this.sentSequences.add(event.sequence);
    this.highestSent = Math.max(this.highestSent, event.sequence);
  }

  /** Whether the stream was closed (nothing more of the plan is sent). */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Closes the stream: nothing more of the plan is admitted. The closing event (a hang-up) takes
   * the sequence after the highest sent; events below it that were never sent (held back by a
   * reordering fault) are owed first, so perception sees no gap.
   */
  close(): StreamClosing {
    this.closed = true;
    const owed = new Map<number, OutgoingEvent>();
    for (const event of this.stream) {
      if (event.sequence < this.highestSent && !this.sentSequences.has(event.sequence)) {
        if (!owed.has(event.sequence)) owed.set(event.sequence, event);
      }
    }
    const list = [...owed.values()].sort((a, b) => a.sequence - b.sequence);
    return { owed: list, sequence: this.highestSent + 1 };
  }
}
