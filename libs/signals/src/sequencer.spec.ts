import { v1 } from '@warmline/contracts';
import {
  admit,
  gapDeadlineMs,
  initialSequencerState,
  releaseExpired,
  type SequencedEvent,
  type SequencerState,
} from './sequencer.js';
import { resolveSequencerLimits } from './sequencer-limits.js';

const { SIGNAL_FAULT_OUT_OF_ORDER: OUT_OF_ORDER, SIGNAL_FAULT_SEQUENCE_GAP: GAP } = v1.SignalFault;
const limits = resolveSequencerLimits({ maxHeld: 4, maxGapWaitMs: 2_000 });

const ev = (sequence: number, receivedAtMs = 0, eventId = `ev-${sequence}`): SequencedEvent => ({
  eventId,
  sequence,
  receivedAtMs,
});

/** Admits events in turn; returns the final state and "seq" or "seq:fault" per release. */
function feed(events: SequencedEvent[], state = initialSequencerState<SequencedEvent>()) {
  const released: string[] = [];
  const duplicates: string[] = [];
  let current: SequencerState<SequencedEvent> = state;
  for (const event of events) {
    const admission = admit(current, event, limits);
    current = admission.state;
    released.push(...admission.released.map(label));
    if (admission.duplicate) duplicates.push(event.eventId);
  }
  return { state: current, released, duplicates };
}

function label(event: SequencedEvent & { orderingFault: number | null }): string {
  if (event.orderingFault === GAP) return `${event.sequence}:gap`;
  if (event.orderingFault === OUT_OF_ORDER) return `${event.sequence}:late`;
  return String(event.sequence);
}

describe('admit', () => {
  it('releases unsequenced events (sequence 0) on arrival, by event id, without touching the order', () => {
    const { state, released, duplicates } = feed([
      ev(2),
      ev(0, 0, 'amd'),
      ev(0, 0, 'amd'),
      ev(0, 0, 'hang-up'),
      ev(1),
    ]);
    expect(released).toEqual(['0', '0', '1', '2']);
    expect(duplicates).toEqual(['amd']);
    expect(state.nextSequence).toBe(3);
  });

  it('releases events that arrive in order at once', () => {
    expect(feed([ev(1), ev(2), ev(3)]).released).toEqual(['1', '2', '3']);
  });

  it('holds an event ahead of a missing one and releases both in order when it arrives', () => {
    const first = feed([ev(1), ev(3, 10)]);
    expect(first.released).toEqual(['1']);
    expect(first.state.held.map((e) => e.sequence)).toEqual([3]);
    const filled = feed([ev(2, 500)], first.state);
    expect(filled.released).toEqual(['2', '3']);
    expect(filled.state.held).toEqual([]);
  });

  it('drops a re-delivered event by its id, even held', () => {
    const { released, duplicates } = feed([ev(1), ev(3), ev(3), ev(1), ev(2)]);
    expect(released).toEqual(['1', '2', '3']);
    expect(duplicates).toEqual(['ev-3', 'ev-1']);
  });

  it('drops a different event reusing a released or held sequence', () => {
    const { released, duplicates } = feed([ev(1), ev(1, 0, 'other-1'), ev(3), ev(3, 0, 'other-3')]);
    expect(released).toEqual(['1']);
    expect(duplicates).toEqual(['other-1', 'other-3']);
  });

  it('drops an event re-published under a new sequence', () => {
    const { released, duplicates } = feed([ev(1), ev(2, 0, 'ev-1')]);
    expect(released).toEqual(['1']);
    expect(duplicates).toEqual(['ev-1']);
  });

  it('gives up on a gap after maxGapWaitMs and releases a late arrival flagged', () => {
    const held = feed([ev(1, 0), ev(4, 100), ev(5, 200)]);
    expect(held.released).toEqual(['1']);
    // ev-4 arrived at 100: at 2 100 the gap has waited 2 000 ms.
    const expiry = releaseExpired(held.state, 2_100, limits);
    expect(expiry.released.map(label)).toEqual(['4:gap', '5']);
    expect(expiry.state.skipped).toEqual([{ from: 2, to: 3 }]);
    const late = feed([ev(6, 2_150), ev(3, 2_200), ev(2, 2_300), ev(2, 2_400)], expiry.state);
    expect(late.released).toEqual(['6', '3:late', '2:late']);
    expect(late.duplicates).toEqual(['ev-2']);
    expect(late.state.skipped).toEqual([]);
  });

  it('releases an event that fills the gap before the clock gives up, without a fault', () => {
    // No releaseExpired ran in between: however late it is, the gap is still open.
    expect(feed([ev(1, 0), ev(3, 100), ev(2, 60_000)]).released).toEqual(['1', '2', '3']);
  });

  it('counts the wait from the oldest held event, not the latest arrival', () => {
    const { state } = feed([ev(1, 0), ev(5, 0), ev(3, 1_900), ev(4, 1_950)]);
    expect(gapDeadlineMs(state, limits)).toBe(2_000);
    expect(releaseExpired(state, 2_000, limits).released.map(label)).toEqual(['3:gap', '4', '5']);
  });

  it('never holds more than maxHeld: one more forces the lowest gap', () => {
    const { state, released } = feed([ev(1), ev(3), ev(4), ev(6), ev(7), ev(8)]);
    expect(released).toEqual(['1', '3:gap', '4']);
    expect(state.held.map((e) => e.sequence)).toEqual([6, 7, 8]);
    expect(state.nextSequence).toBe(5);
  });

  it('releases ahead events at once with maxHeld 0', () => {
    const noWait = resolveSequencerLimits({ maxHeld: 0 });
    const admission = admit(initialSequencerState(), ev(3), noWait);
    expect(admission.released.map(label)).toEqual(['3:gap']);
    expect(admission.state.skipped).toEqual([{ from: 1, to: 2 }]);
  });

  it('remembers only the newest event ids and gaps', () => {
    const small = resolveSequencerLimits({ rememberedEventIds: 2, rememberedGaps: 1, maxHeld: 0 });
    let state = initialSequencerState<SequencedEvent>();
    for (const event of [ev(1), ev(3), ev(5), ev(6)]) state = admit(state, event, small).state;
    expect(state.recentEventIds).toEqual(['ev-5', 'ev-6']);
    expect(state.skipped).toEqual([{ from: 4, to: 4 }]);
    // Sequence 2's gap is forgotten: dropped rather than risking a second release.
    expect(admit(state, ev(2), small)).toMatchObject({ released: [], duplicate: true });
    expect(admit(state, ev(4), small).released.map(label)).toEqual(['4:late']);
  });

  it('does not change the state it is given', () => {
    const before = feed([ev(1), ev(3)]).state;
    const copy = structuredClone(before);
    admit(before, ev(2), limits);
    releaseExpired(before, 1_000_000, limits);
    expect(before).toEqual(copy);
  });
});

describe('releaseExpired', () => {
  it('releases nothing before the deadline and every expired gap after it, in order', () => {
    const { state } = feed([ev(1, 0), ev(3, 100), ev(6, 1_000), ev(7, 1_000)]);
    expect(gapDeadlineMs(state, limits)).toBe(2_100);
    expect(releaseExpired(state, 2_099, limits).released).toEqual([]);
    const first = releaseExpired(state, 2_100, limits);
    expect(first.released.map(label)).toEqual(['3:gap']);
    expect(gapDeadlineMs(first.state, limits)).toBe(3_000);
    expect(releaseExpired(first.state, 3_000, limits).released.map(label)).toEqual(['6:gap', '7']);
  });

  it('has no deadline while nothing is held', () => {
    expect(gapDeadlineMs(feed([ev(1), ev(2)]).state, limits)).toBeNull();
  });
});
