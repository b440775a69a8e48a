import {
  DEFAULT_SCENARIO,
  callRng,
  injectFaults,
  outgoingEvents,
  planCall,
  type OutgoingEvent,
} from '@warmline/simulation';
import fc from 'fast-check';
import { CallTimeline } from './call-timeline.js';

const faulty = {
  ...DEFAULT_SCENARIO.faults,
  duplicateRate: 0.2,
  reorderRate: 0.2,
  asrLagRate: 0.2,
  tokenLimitRate: 0.3,
  promptDriftRate: 0.3,
};

/** A ready buyer's stream (it has hold fillers), with faults injected. */
function streamOf(seed: number, index: number, faults = faulty): OutgoingEvent[] {
  const scenario = {
    ...DEFAULT_SCENARIO,
    seed,
    buyers: { ...DEFAULT_SCENARIO.buyers, mix: onlyReady },
  };
  const plan = planCall(scenario, index, callRng(seed, index, 'plan'));
  return injectFaults(outgoingEvents(plan), faults, callRng(seed, index, 'faults'));
}
const onlyReady = {
  ready: 1,
  hedging: 0,
  objecting: 0,
  interrupting: 0,
  voicemail: 0,
  hangUpOnHold: 0,
};

/** Plays `stream` in send order; the buyer moves before the event at `moveAt`; closes at `closeAt`. */
function play(stream: readonly OutgoingEvent[], moveAt: number, closeAt: number) {
  const timeline = new CallTimeline(stream);
  const sent: number[] = [];
  for (const [i, event] of stream.entries()) {
    if (i === closeAt) break;
    if (timeline.admits(event, i >= moveAt)) {
      timeline.markSent(event);
      sent.push(event.sequence);
    }
  }
  const closing = timeline.close();
  sent.push(...closing.owed.map((e) => e.sequence));
  return { sent, closing };
}

describe('CallTimeline', () => {
  it('plays the whole stream while the buyer stays with the agent', () => {
    const stream = streamOf(1, 0, DEFAULT_SCENARIO.faults);
    const { sent } = play(stream, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
    expect(sent).toEqual(stream.map((e) => e.sequence));
  });

  it('drops the hold fillers once the buyer is on hold, and the hang-up follows the last event sent', () => {
    const stream = streamOf(2, 0, { ...faulty, duplicateRate: 0, reorderRate: 0 });
    const firstFiller = stream.findIndex((e) => e.tags.includes('hold_filler'));
    expect(firstFiller).toBeGreaterThan(0);
    const { sent, closing } = play(stream, firstFiller, Number.POSITIVE_INFINITY);
    expect(sent).toEqual(stream.slice(0, firstFiller).map((e) => e.sequence));
    expect(closing.sequence).toBe((stream[firstFiller - 1]?.sequence ?? 0) + 1);
  });

  it('admits nothing once closed', () => {
    const stream = streamOf(3, 0);
    const timeline = new CallTimeline(stream);
    timeline.close();
    expect(timeline.isClosed).toBe(true);
    expect(stream.some((e) => timeline.admits(e, false))).toBe(false);
  });

  it('drops fillers only from the tail: a call played out sends 1..k without a hole (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 119 }),
        fc.nat(),
        (seed, index, move) => {
          const stream = streamOf(seed, index);
          const timeline = new CallTimeline(stream);
          const sent = new Set<number>();
          for (const [i, event] of stream.entries()) {
            if (timeline.admits(event, i >= move % (stream.length + 1))) {
              timeline.markSent(event);
              sent.add(event.sequence);
            }
          }
          expect([...sent].sort((a, b) => a - b)).toEqual(
            Array.from({ length: sent.size }, (_, n) => n + 1),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never leaves perception a gap, whenever the buyer moves and the call ends (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 119 }),
        fc.nat(),
        fc.nat(),
        (seed, index, move, close) => {
          const stream = streamOf(seed, index);
          const { sent, closing } = play(
            stream,
            move % (stream.length + 1),
            close % (stream.length + 2),
          );
          const distinct = new Set(sent);
          // Every sequence below the closing one was sent, and none at or above it.
          for (let n = 1; n < closing.sequence; n++) expect(distinct.has(n)).toBe(true);
          expect([...distinct].every((n) => n < closing.sequence)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
