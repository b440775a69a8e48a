// The buyer model against the real pure halves of the stack (perception, qualification, the
// governor's decision): each persona must do to Warmline what the README says it does.
import { fromTimestamp } from '@warmline/contracts';
import { openObjections, validatedMarkers } from '@warmline/intent';
import fc from 'fast-check';
import { NO_FAULTS, onlyPersona } from './__fixtures__/scenarios.js';
import { T0, replayThroughStack } from './__fixtures__/stack-replay.js';
import type { CallPlan } from './call-plan.js';
import { injectFaults } from './inject-faults.js';
import { outgoingEvents } from './outgoing-event.js';
import { planCall } from './plan-call.js';
import { callRng } from './rng.js';
import type { Scenario } from './scenario-schema.js';
import { timingWindow } from './timing-answer.js';
import type { Persona } from './vocabulary.js';

const ALL_FOUR = [1, 2, 3, 4];

function plans(
  persona: Persona,
  n: number,
  patch: Parameters<typeof onlyPersona>[1] = {},
): CallPlan[] {
  const scenario = onlyPersona(persona, { calls: n, ...patch });
  return Array.from({ length: n }, (_, i) =>
    planCall(scenario, i, callRng(scenario.seed, i, 'plan')),
  );
}
const replay = (plan: CallPlan) => replayThroughStack(plan, outgoingEvents(plan));
const authorisations = (r: ReturnType<typeof replay>) =>
  r.verdicts.filter((v) => v.verdict.grantPlan !== null);

describe('the buyer model as the stack hears it', () => {
  it('gets a ready buyer authorised for a live transfer at the decisive utterance, not before', () => {
    // Whichever the agent asks last, permission or the next step, that answer is decisive.
    const all = plans('ready', 16);
    expect(new Set(all.map((p) => p.questionOrder.at(-1)))).toEqual(
      new Set(['escalation_permission', 'next_step_accepted']),
    );
    for (const plan of all) {
      const r = replay(plan);
      expect(validatedMarkers(r.state).map((m) => m.kind)).toEqual(ALL_FOUR);
      expect(r.firstLiveTransferAtMs).toBe(plan.decisiveAtMs);
      expect(authorisations(r).every((v) => v.atMs >= plan.decisiveAtMs!)).toBe(true);
    }
  });

  it('never validates anything a hedging buyer says, and never authorises them', () => {
    for (const plan of plans('hedging', 12)) {
      const r = replay(plan);
      expect(validatedMarkers(r.state)).toEqual([]);
      expect(authorisations(r)).toEqual([]);
    }
  });

  it('resolves an accepted objection and keeps a refused one open', () => {
    const all = plans('objecting', 30);
    for (const plan of all) {
      const r = replay(plan);
      if (plan.objection!.resolved) {
        expect(validatedMarkers(r.state).map((m) => m.kind)).toEqual(ALL_FOUR);
        expect(openObjections(r.state)).toEqual([]);
        expect(r.firstLiveTransferAtMs).toBe(plan.decisiveAtMs);
      } else {
        expect(openObjections(r.state).map((o) => o.topic)).toEqual([plan.objection!.topic]);
        expect(authorisations(r)).toEqual([]);
      }
    }
    expect(new Set(all.map((p) => p.objection!.resolved))).toEqual(new Set([true, false]));
  });

  it('validates all four markers of an interrupting buyer once they confirm again', () => {
    for (const plan of plans('interrupting', 12)) {
      expect(validatedMarkers(replay(plan).state).map((m) => m.kind)).toEqual(ALL_FOUR);
    }
  });

  it('recognises a voicemail and never escalates it', () => {
    for (const plan of plans('voicemail', 8)) {
      const r = replay(plan);
      expect(r.state.callHealth?.answeringMachine).toBe(true);
      expect(authorisations(r)).toEqual([]);
    }
  });

  it('holds a buyer whose answering-machine result is wrong', () => {
    for (const plan of plans('ready', 10, { faults: { ...NO_FAULTS, amdErrorRate: 1 } })) {
      expect(replay(plan).firstLiveTransferAtMs).toBeNull();
    }
  });

  it('hands the stack the same consent window the report checks bookings against', () => {
    for (const plan of plans('ready', 40, {
      buyers: { timing: { now: 0, window: 1 } },
    })) {
      const said = plan.timeline.find((e) => e.tags.includes('timing'))!;
      const expected = timingWindow(plan.timing!, T0 + said.atMs, plan.timeZone);
      const window = replay(plan).state.consentWindow!;
      expect({
        startAtMs: fromTimestamp(window.startAt!),
        endAtMs: fromTimestamp(window.endAt!),
      }).toEqual(expected);
    }
  });

  it('makes the same decisions when every event might be sent twice', () => {
    const scenario: Scenario = onlyPersona('ready', { calls: 500 });
    fc.assert(
      fc.property(fc.nat({ max: 499 }), fc.nat(), (index, seed) => {
        const plan = planCall(scenario, index, callRng(scenario.seed, index, 'plan'));
        const clean = replay(plan);
        const faulted = injectFaults(
          outgoingEvents(plan),
          { ...NO_FAULTS, duplicateRate: 0.3 },
          callRng(seed, index, 'faults'),
        );
        const decisions = (r: ReturnType<typeof replay>) =>
          r.verdicts.map((v) => [v.atMs, v.verdict.outcome]);
        expect(decisions(replayThroughStack(plan, faulted))).toEqual(decisions(clean));
      }),
      { numRuns: 30 },
    );
  });

  it('still validates what a ready buyer confirmed when events arrive late and out of order', () => {
    // Late delivery is ASR lag to perception (a reason to hold), never a reason to lose a confirmation.
    const scenario: Scenario = onlyPersona('ready', { calls: 500 });
    fc.assert(
      fc.property(fc.nat({ max: 499 }), fc.nat(), (index, seed) => {
        const plan = planCall(scenario, index, callRng(scenario.seed, index, 'plan'));
        const faulted = injectFaults(
          outgoingEvents(plan),
          { ...NO_FAULTS, duplicateRate: 0.2, reorderRate: 0.2, reorderWindow: 3 },
          callRng(seed, index, 'faults'),
        );
        const r = replayThroughStack(plan, faulted);
        expect(validatedMarkers(r.state).map((m) => m.kind)).toEqual(ALL_FOUR);
        expect(openObjections(r.state)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
