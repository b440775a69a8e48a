import fc from 'fast-check';
import { NO_FAULTS, scenarioWith } from './__fixtures__/scenarios.js';
import type { CallPlan } from './call-plan.js';
import { faultNamesOf, injectFaults } from './inject-faults.js';
import { outgoingEvents, perceptionEnvelopeFields, type OutgoingEvent } from './outgoing-event.js';
import { planCall } from './plan-call.js';
import { Rng, callRng } from './rng.js';
import type { FaultRates } from './scenario-schema.js';

const SCENARIO = scenarioWith({ calls: 1_000, faults: NO_FAULTS });
const planOf = (i: number): CallPlan => planCall(SCENARIO, i, callRng(SCENARIO.seed, i, 'plan'));
const inject = (plan: CallPlan, faults: Partial<FaultRates>, seed = 1) =>
  injectFaults(outgoingEvents(plan), { ...NO_FAULTS, ...faults }, Rng.seeded(seed));
const originals = (stream: readonly OutgoingEvent[]) =>
  stream.filter((e) => !e.faults.includes('duplicate'));

describe('outgoingEvents', () => {
  it('numbers a plan 1..n in time order with stable ids, sent when they happen', () => {
    const plan = planOf(0);
    const stream = outgoingEvents(plan);
    expect(stream.map((e) => e.sequence)).toEqual(plan.timeline.map((_, i) => i + 1));
    expect(stream[2]).toEqual({
      sequence: 3,
      eventId: `${plan.interactionId}-e3`,
      occurredAtMs: plan.timeline[2]!.atMs,
      sendAtMs: plan.timeline[2]!.atMs,
      event: plan.timeline[2]!.event,
      tags: plan.timeline[2]!.tags,
      faults: [],
    });
  });

  it('gives the envelope fields of an event at the wall time the simulator maps it to', () => {
    const [first] = outgoingEvents(planOf(0));
    expect(perceptionEnvelopeFields(first!, 'call-1', 1_700_000_000_250)).toEqual({
      eventId: first!.eventId,
      interactionId: 'call-1',
      sequence: 1,
      occurredAt: { seconds: 1_700_000_000, nanos: 250_000_000 },
      perceptionEvent: first!.event,
    });
  });
});

describe('injectFaults', () => {
  it('changes nothing when every rate is 0', () => {
    const plan = planOf(1);
    expect(inject(plan, {})).toEqual(outgoingEvents(plan));
  });

  it('sends every event twice at duplicateRate 1: same id, sequence and content, a little later', () => {
    const plan = planOf(2);
    const clean = outgoingEvents(plan);
    const stream = inject(plan, { duplicateRate: 1 });
    expect(stream).toHaveLength(clean.length * 2);
    for (const original of clean) {
      const copies = stream.filter((e) => e.eventId === original.eventId);
      expect(copies).toHaveLength(2);
      const [first, second] = copies;
      expect(second!.event).toEqual(first!.event);
      expect(second!.sequence).toBe(original.sequence);
      expect(second!.faults).toEqual(['duplicate']);
      expect(second!.sendAtMs - first!.sendAtMs).toBeGreaterThanOrEqual(50);
      expect(second!.sendAtMs - first!.sendAtMs).toBeLessThanOrEqual(2_000);
    }
  });

  it('makes every transcript segment lag at asrLagRate 1: latency raised, sent late by the difference', () => {
    const plan = planOf(3);
    const stream = inject(plan, { asrLagRate: 1, asrLagMs: 3_000 });
    for (const original of outgoingEvents(plan)) {
      const sent = stream.find((e) => e.eventId === original.eventId)!;
      const segment = original.event.transcriptSegment;
      if (segment == null) {
        expect(sent.event).toEqual(original.event);
        continue;
      }
      expect(sent.event.transcriptSegment).toEqual({ ...segment, asrLatencyMs: 3_000 });
      expect(sent.sendAtMs - original.sendAtMs).toBe(3_000 - segment.asrLatencyMs!);
      expect(sent.faults).toEqual(['asr_lag']);
    }
  });

  it('moves a reordered event at most reorderWindow places back, and only those', () => {
    let reordered = 0;
    for (let seed = 0; seed < 20; seed++) {
      const stream = inject(planOf(seed), { reorderRate: 0.3, reorderWindow: 2 }, seed);
      stream.forEach((event, position) => {
        const overtakenBy = stream
          .slice(0, position)
          .filter((e) => e.sequence > event.sequence).length;
        expect(overtakenBy).toBeLessThanOrEqual(event.faults.includes('reordered') ? 2 : 0);
        if (overtakenBy > 0) reordered += 1;
      });
    }
    expect(reordered).toBeGreaterThan(20);
  });

  it('inserts a token-limit and a prompt-drift event, renumbering the stream 1..n', () => {
    const plan = planOf(4);
    const clean = outgoingEvents(plan);
    const stream = inject(plan, { tokenLimitRate: 1, promptDriftRate: 1 });
    expect(stream).toHaveLength(clean.length + 2);
    expect(stream.map((e) => e.sequence)).toEqual(stream.map((_, i) => i + 1));
    const tokens = stream.find((e) => e.event.tokenLimitReached)!;
    expect(tokens.faults).toEqual(['inserted']);
    expect(tokens.event.tokenLimitReached!.tokensUsed).toBeGreaterThanOrEqual(
      tokens.event.tokenLimitReached!.limit!,
    );
    const drift = stream.find((e) => e.event.promptDrift)!;
    expect(drift.event.promptDrift!.score).toBeGreaterThan(0.5);
    // The plan's own events keep their order and ids.
    expect(stream.filter((e) => e.faults.length === 0).map((e) => e.eventId)).toEqual(
      clean.map((e) => e.eventId),
    );
  });
});

describe('faultNamesOf', () => {
  it("names a call's AMD error and each kind of fault its stream carries, once", () => {
    const plan = planOf(5);
    const stream = inject(plan, { duplicateRate: 1, tokenLimitRate: 1 });
    expect(faultNamesOf({ amdError: 'unknown' }, stream)).toEqual([
      'amd_unknown',
      'inserted',
      'duplicate',
    ]);
    expect(faultNamesOf(plan, outgoingEvents(plan))).toEqual([]);
  });
});

describe('injectFaults properties', () => {
  const rates = fc.record({
    amdErrorRate: fc.constant(0),
    asrLagRate: fc.double({ min: 0, max: 1, noNaN: true }),
    asrLagMs: fc.integer({ min: 0, max: 10_000 }),
    duplicateRate: fc.double({ min: 0, max: 1, noNaN: true }),
    reorderRate: fc.double({ min: 0, max: 1, noNaN: true }),
    reorderWindow: fc.integer({ min: 1, max: 20 }),
    tokenLimitRate: fc.double({ min: 0, max: 1, noNaN: true }),
    promptDriftRate: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const input = fc.record({ index: fc.nat({ max: 999 }), seed: fc.nat(), faults: rates });

  it('never drops an event and never changes one beyond the documented fields', () => {
    fc.assert(
      fc.property(input, ({ index, seed, faults }) => {
        const plan = planOf(index);
        const clean = outgoingEvents(plan);
        const stream = injectFaults(clean, faults, Rng.seeded(seed));
        for (const original of clean) {
          const sent = stream.filter((e) => e.eventId === original.eventId);
          expect(sent.length).toBeGreaterThanOrEqual(1);
          for (const copy of sent) {
            expect(copy.occurredAtMs).toBe(original.occurredAtMs);
            expect(copy.tags).toEqual(original.tags);
            const segment = original.event.transcriptSegment;
            if (copy.faults.includes('asr_lag') && segment != null) {
              expect(copy.event).toEqual({
                transcriptSegment: { ...segment, asrLatencyMs: faults.asrLagMs },
              });
            } else {
              expect(copy.event).toEqual(original.event);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps sequences contiguous from 1 in occurrence order, one per event id', () => {
    fc.assert(
      fc.property(input, ({ index, seed, faults }) => {
        const stream = injectFaults(outgoingEvents(planOf(index)), faults, Rng.seeded(seed));
        const bySequence = originals(stream).sort((a, b) => a.sequence - b.sequence);
        expect(bySequence.map((e) => e.sequence)).toEqual(bySequence.map((_, i) => i + 1));
        expect(new Set(bySequence.map((e) => e.eventId)).size).toBe(bySequence.length);
        bySequence.forEach((e, i) => {
          if (i > 0) expect(e.occurredAtMs).toBeGreaterThanOrEqual(bySequence[i - 1]!.occurredAtMs);
        });
        for (const copy of stream) {
          expect(copy.sequence).toBe(bySequence.find((e) => e.eventId === copy.eventId)!.sequence);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lists events in send order, never sending one before it happened', () => {
    fc.assert(
      fc.property(input, ({ index, seed, faults }) => {
        const stream = injectFaults(outgoingEvents(planOf(index)), faults, Rng.seeded(seed));
        stream.forEach((e, i) => {
          expect(e.sendAtMs).toBeGreaterThanOrEqual(e.occurredAtMs);
          if (i > 0) expect(e.sendAtMs).toBeGreaterThanOrEqual(stream[i - 1]!.sendAtMs);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('injects the same faults for the same seed', () => {
    fc.assert(
      fc.property(input, ({ index, seed, faults }) => {
        const clean = outgoingEvents(planOf(index));
        expect(injectFaults(clean, faults, Rng.seeded(seed))).toEqual(
          injectFaults(clean, faults, Rng.seeded(seed)),
        );
      }),
      { numRuns: 50 },
    );
  });
});
