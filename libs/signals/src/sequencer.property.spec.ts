import { v1 } from '@warmline/contracts';
import fc from 'fast-check';
import {
  admit,
  initialSequencerState,
  releaseExpired,
  type OrderedEvent,
  type SequencedEvent,
} from './sequencer.js';
import { resolveSequencerLimits, type SequencerLimits } from './sequencer-limits.js';

const { SIGNAL_FAULT_OUT_OF_ORDER: OUT_OF_ORDER } = v1.SignalFault;

type Step =
  | { kind: 'arrive'; index: number; advanceMs: number }
  | { kind: 'tick'; advanceMs: number };

/** A stream of `count` events, delivered in any order, some several times, with ticks between. */
const scenario = fc
  .record({
    count: fc.integer({ min: 1, max: 30 }),
    limits: fc.record({
      maxHeld: fc.integer({ min: 0, max: 8 }),
      maxGapWaitMs: fc.integer({ min: 0, max: 3_000 }),
      rememberedEventIds: fc.integer({ min: 0, max: 40 }),
      rememberedGaps: fc.integer({ min: 1, max: 40 }),
    }),
  })
  .chain(({ count, limits }) =>
    fc.record({
      count: fc.constant(count),
      limits: fc.constant(resolveSequencerLimits(limits)),
      steps: fc.array(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record({
              kind: fc.constant('arrive' as const),
              index: fc.nat({ max: count - 1 }),
              advanceMs: fc.integer({ min: 0, max: 1_500 }),
            }),
          },
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant('tick' as const),
              advanceMs: fc.integer({ min: 0, max: 3_000 }),
            }),
          },
        ),
        { minLength: 1, maxLength: 80 },
      ),
    }),
  );

function run(count: number, limits: SequencerLimits, steps: Step[]) {
  let state = initialSequencerState<SequencedEvent>();
  let now = 0;
  const released: OrderedEvent<SequencedEvent>[] = [];
  const maxHeldSeen: number[] = [];
  const arrived = new Set<number>();
  for (const step of steps) {
    now += step.advanceMs;
    const outcome =
      step.kind === 'arrive'
        ? admit(
            state,
            { eventId: `ev-${step.index}`, sequence: step.index + 1, receivedAtMs: now },
            limits,
          )
        : releaseExpired(state, now, limits);
    if (step.kind === 'arrive') arrived.add(step.index + 1);
    state = outcome.state;
    released.push(...outcome.released);
    maxHeldSeen.push(state.held.length);
  }
  const flushed = releaseExpired(state, now + limits.maxGapWaitMs, limits);
  released.push(...flushed.released);
  return { released, maxHeldSeen, final: flushed.state, arrived, count };
}

describe('sequencer properties', () => {
  it('never releases an event twice and never holds more than maxHeld', () => {
    fc.assert(
      fc.property(scenario, ({ count, limits, steps }) => {
        const { released, maxHeldSeen } = run(count, limits, steps);
        const ids = released.map((e) => e.eventId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(Math.max(...maxHeldSeen)).toBeLessThanOrEqual(limits.maxHeld);
      }),
      { numRuns: 300 },
    );
  });

  it('releases every event that arrived once the last gap expires', () => {
    fc.assert(
      fc.property(scenario, ({ count, limits, steps }) => {
        const wide = resolveSequencerLimits({ ...limits, rememberedGaps: 10_000 });
        const { released, arrived, final } = run(count, wide, steps);
        expect(final.held).toEqual([]);
        expect(released.map((e) => e.sequence).sort((a, b) => a - b)).toEqual(
          [...arrived].sort((a, b) => a - b),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps sequence order except for late events, which are flagged and lower than one released', () => {
    fc.assert(
      fc.property(scenario, ({ count, limits, steps }) => {
        const { released } = run(count, limits, steps);
        let highest = 0;
        for (const event of released) {
          if (event.orderingFault === OUT_OF_ORDER) {
            expect(event.sequence).toBeLessThan(highest);
          } else {
            expect(event.sequence).toBeGreaterThan(highest);
            highest = event.sequence;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('releases an in-order stream as it arrives, without faults', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (count) => {
        const steps: Step[] = Array.from({ length: count }, (_, index) => ({
          kind: 'arrive' as const,
          index,
          advanceMs: 10_000,
        }));
        const { released } = run(count, resolveSequencerLimits(), steps);
        expect(released.map((e) => [e.sequence, e.orderingFault])).toEqual(
          Array.from({ length: count }, (_, i) => [i + 1, null]),
        );
      }),
    );
  });
});
