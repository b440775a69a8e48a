import type { warmline } from '@warmline/contracts';
import fc from 'fast-check';
import { deliveries, envelopeStream, type Delivery } from './__fixtures__/arbitraries.js';
import { INTERACTION, LIMITS, T0, THRESHOLDS } from './__fixtures__/events.js';
import { initialPerceptionState, perceive, tick, type PerceptionState } from './perceive.js';
import { resolveSequencerLimits } from './sequencer-limits.js';

type Envelope = warmline.v1.IEnvelope;

/** Delivers envelopes as scheduled, then ticks; returns every signal and when each event first arrived. */
function deliver(
  stream: Envelope[],
  schedule: Delivery[],
  options: { roundTrip?: boolean; tickEveryArrival?: boolean } = {},
) {
  let state = initialPerceptionState(INTERACTION);
  let now = T0;
  const signals: warmline.v1.ISignal[] = [];
  const envelopeSequences: number[] = [];
  const firstArrival = new Map<number, number>();
  const collect = (outcome: { signals: warmline.v1.ISignal[]; firstSignalSequence: number }) => {
    signals.push(...outcome.signals);
    envelopeSequences.push(...outcome.signals.map((_, i) => outcome.firstSignalSequence + i));
  };
  const store = (next: PerceptionState) =>
    options.roundTrip ? (JSON.parse(JSON.stringify(next)) as PerceptionState) : next;
  for (const { index, advanceMs } of schedule) {
    now += advanceMs;
    if (!firstArrival.has(index)) firstArrival.set(index, now);
    const perceived = perceive(state, stream[index] as Envelope, now, THRESHOLDS, LIMITS);
    state = store(perceived.state);
    collect(perceived);
    if (options.tickEveryArrival) {
      const ticked = tick(state, now, THRESHOLDS, LIMITS);
      state = store(ticked.state);
      collect(ticked);
    }
  }
  const last = tick(state, now + LIMITS.maxGapWaitMs, THRESHOLDS, LIMITS);
  collect(last);
  return { signals, envelopeSequences, state: last.state, firstArrival };
}

const scenario = envelopeStream(40).chain((stream) =>
  fc.record({
    stream: fc.constant(stream),
    schedule: deliveries(stream.length, LIMITS.maxGapWaitMs),
  }),
);

describe('perceive properties', () => {
  it('any order plus re-deliveries yields exactly the signals of the ordered stream', () => {
    fc.assert(
      fc.property(scenario, ({ stream, schedule }) => {
        const shuffled = deliver(stream, schedule);
        // The same events in order, each received when its first copy arrived above.
        const inOrder: Delivery[] = stream.map((_, index) => ({ index, advanceMs: 0 }));
        let state = initialPerceptionState(INTERACTION);
        const expected: warmline.v1.ISignal[] = [];
        for (const { index } of inOrder) {
          const at = shuffled.firstArrival.get(index) as number;
          const perceived = perceive(state, stream[index] as Envelope, at, THRESHOLDS, LIMITS);
          state = perceived.state;
          expected.push(...perceived.signals);
        }
        expect(shuffled.signals).toEqual(expected);
        expect(shuffled.state.sequencer.held).toEqual([]);
        expect(shuffled.envelopeSequences).toEqual(expected.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('behaves the same when the state is stored as JSON between every step', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ stream, schedule }, tickEveryArrival) => {
        const live = deliver(stream, schedule, { tickEveryArrival });
        const stored = deliver(stream, schedule, { tickEveryArrival, roundTrip: true });
        expect(stored.signals).toEqual(live.signals);
        expect(stored.state).toEqual(live.state);
      }),
      { numRuns: 200 },
    );
  });

  it('signals each event at most once under any limits and ticks', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 3_000 }),
        ({ stream, schedule }, maxHeld, maxGapWaitMs) => {
          const limits = resolveSequencerLimits({ maxHeld, maxGapWaitMs });
          let state = initialPerceptionState(INTERACTION);
          let now = T0;
          const ids: string[] = [];
          for (const { index, advanceMs } of schedule) {
            now += advanceMs;
            const perceived = perceive(state, stream[index] as Envelope, now, THRESHOLDS, limits);
            const ticked = tick(perceived.state, now, THRESHOLDS, limits);
            state = ticked.state;
            ids.push(...[...perceived.signals, ...ticked.signals].map((s) => s.signalId as string));
            expect(state.sequencer.held.length).toBeLessThanOrEqual(maxHeld);
          }
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
