import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { validatePerceptionEvent } from '@warmline/signals';
import fc from 'fast-check';
import { NO_FAULTS, onlyPersona, scenarioWith } from './__fixtures__/scenarios.js';
import { MARKER_ORDER, OBJECTION_LINES } from './buyer-lines.js';
import type { CallPlan } from './call-plan.js';
import { DEFAULT_SCENARIO } from './default-scenario.js';
import { planCall } from './plan-call.js';
import { callRng } from './rng.js';
import type { Scenario } from './scenario-schema.js';
import { PERSONAS, type Persona } from './vocabulary.js';

const { AmdResult, Speaker } = v1;

const plan = (scenario: Scenario, i: number, mode?: CallPlan['mode']) =>
  planCall(scenario, i, callRng(scenario.seed, i, 'plan'), mode === undefined ? {} : { mode });
const plansOf = (persona: Persona, n = 20, patch: Parameters<typeof onlyPersona>[1] = {}) => {
  const scenario = onlyPersona(persona, { calls: n, ...patch });
  return Array.from({ length: n }, (_, i) => plan(scenario, i));
};
const segments = (p: CallPlan) =>
  p.timeline.flatMap((e) =>
    e.event.transcriptSegment ? [{ ...e.event.transcriptSegment, tags: e.tags, atMs: e.atMs }] : [],
  );
const buyerLines = (p: CallPlan) => segments(p).filter((s) => s.speaker === Speaker.SPEAKER_BUYER);
const tagged = (p: CallPlan, tag: string) =>
  p.timeline.filter((e) => e.tags.includes(tag as never));

describe('planCall', () => {
  it('opens every call with CallStarted at 0 naming the buyer and the mode campaign, then CallAnswered', () => {
    for (const p of plansOf('ready', 5)) {
      const [started, answered] = p.timeline;
      expect(started).toEqual({
        atMs: 0,
        tags: [],
        event: {
          callStarted: {
            campaignId: 'sim-roofing-warm',
            buyerLanguage: 'en-US',
            timeZone: p.timeZone,
            territory: p.territory,
            direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
            leadId: p.leadId,
            platform: 'simulator',
          },
        },
      });
      expect(answered!.event.callAnswered?.ringDurationMs).toBe(p.answeredAtMs);
      expect(answered!.atMs).toBe(p.answeredAtMs);
    }
  });

  it('has a ready buyer confirm all four markers, the last of them decisive', () => {
    for (const p of plansOf('ready')) {
      const confirmations = tagged(p, 'confirmation');
      expect(confirmations).toHaveLength(4);
      expect(p.questionOrder[0]).toBe('scope_confirmed');
      expect([...p.questionOrder].sort()).toEqual([...MARKER_ORDER].sort());
      const decisive = tagged(p, 'decisive');
      expect(decisive).toEqual([confirmations[3]]);
      expect(p.decisiveAtMs).toBe(decisive[0]!.atMs);
      expect(p.decisiveSegmentId).toBe(decisive[0]!.event.transcriptSegment?.segmentId);
      expect(tagged(p, 'timing')).toHaveLength(1);
      expect(tagged(p, 'timing')[0]!.event.transcriptSegment?.text).toBe(p.timing?.text);
      expect(p.endsWithHangUp).toBe(false);
      expect(p.timeline.some((e) => e.event.hangUp)).toBe(false);
    }
  });

  it('asks for permission before the next step as often as permissionFirstRate says', () => {
    const first = (rate: number) =>
      plansOf('ready', 40, { buyers: { permissionFirstRate: rate } }).map(
        (p) =>
          p.questionOrder.indexOf('escalation_permission') <
          p.questionOrder.indexOf('next_step_accepted'),
      );
    expect(first(1).every(Boolean)).toBe(true);
    expect(first(0).some(Boolean)).toBe(false);
  });

  it('keeps an impatient buyer company with hold fillers until they would hang up', () => {
    for (const p of [...plansOf('ready', 10), ...plansOf('hangUpOnHold', 10)]) {
      expect(p.hangsUpAtMs).toBe(p.decisiveAtMs! + p.patienceMs);
      const fillers = tagged(p, 'hold_filler');
      for (const filler of fillers) {
        expect(filler.atMs).toBeGreaterThan(p.decisiveAtMs!);
        expect(filler.event.transcriptSegment?.speaker).toBe(Speaker.SPEAKER_AGENT);
      }
      expect(p.timeline.at(-1)!.atMs).toBeLessThanOrEqual(p.hangsUpAtMs! + 1_000);
    }
    const patience = (persona: Persona) =>
      plansOf(persona, 200).reduce((s, p) => s + p.patienceMs, 0) / 200;
    expect(patience('hangUpOnHold')).toBeLessThan(patience('ready') / 3);
  });

  it('has a hedging buyer answer every question tentatively, then say goodbye and hang up', () => {
    for (const p of plansOf('hedging')) {
      expect(tagged(p, 'hedge')).toHaveLength(4);
      expect(tagged(p, 'confirmation')).toHaveLength(0);
      expect(p.decisiveAtMs).toBeNull();
      expect(p.hangsUpAtMs).toBeNull();
      expect(p.endsWithHangUp).toBe(true);
      expect(p.timeline.at(-1)!.event.hangUp).toEqual({
        by: Speaker.SPEAKER_BUYER,
        reason: 'completed',
      });
      expect(p.timeline.some((e) => e.event.silence)).toBe(true);
    }
  });

  it('has an objecting buyer raise an objection after the offer, then accept or refuse the answer', () => {
    const plans = plansOf('objecting', 60);
    const resolved = plans.filter((p) => p.objection?.resolved);
    const refused = plans.filter((p) => p.objection?.resolved === false);
    expect(resolved.length).toBeGreaterThan(30);
    expect(refused.length).toBeGreaterThan(5);
    for (const p of resolved) {
      const lines = OBJECTION_LINES[p.objection!.topic];
      const texts = buyerLines(p).map((s) => s.text);
      expect(texts).toContain(lines.raise);
      expect(texts.indexOf(lines.accept)).toBeGreaterThan(texts.indexOf(lines.raise));
      expect(tagged(p, 'confirmation')).toHaveLength(4);
      expect(p.decisiveAtMs).not.toBeNull();
    }
    for (const p of refused) {
      expect(buyerLines(p).map((s) => s.text)).toContain(
        OBJECTION_LINES[p.objection!.topic].refuse,
      );
      expect(tagged(p, 'confirmation')).toHaveLength(1);
      expect(p.timing).toBeNull();
      expect(p.decisiveAtMs).toBeNull();
      expect(p.endsWithHangUp).toBe(true);
    }
  });

  it('has an interrupting buyer cut off mid-confirmation, then confirm again in full', () => {
    for (const p of plansOf('interrupting')) {
      const interruptions = p.timeline.flatMap((e) =>
        e.event.interruption ? [e.event.interruption] : [],
      );
      expect(interruptions.map((i) => i.by)).toEqual([
        Speaker.SPEAKER_BUYER,
        Speaker.SPEAKER_AGENT,
      ]);
      const cut = segments(p).find((s) => s.tags.includes('cut'))!;
      const [bargeIn, talkOver] = interruptions;
      // The agent talked over the buyer's confirmation, strictly inside it...
      expect(talkOver!.interruptedSegmentId).toBe(cut.segmentId);
      expect(talkOver!.offsetMs!).toBeGreaterThan(cut.startOffsetMs!);
      expect(talkOver!.offsetMs!).toBeLessThan(cut.endOffsetMs!);
      // ...after the buyer had barged in on the agent's question, strictly inside it.
      const question = segments(p).find((s) => s.segmentId === bargeIn!.interruptedSegmentId)!;
      expect(question.speaker).toBe(Speaker.SPEAKER_AGENT);
      expect(bargeIn!.offsetMs!).toBeGreaterThan(question.startOffsetMs!);
      expect(bargeIn!.offsetMs!).toBeLessThan(question.endOffsetMs!);
      // The confirmation that follows is the cut one, said whole.
      const after = buyerLines(p).find(
        (s) => s.atMs > cut.atMs && s.tags.includes('confirmation'),
      )!;
      expect(after.text!.replace(/[.,!?]+$/, '').startsWith(cut.text!)).toBe(true);
      expect(after.text!.length).toBeGreaterThan(cut.text!.length);
      expect(tagged(p, 'confirmation')).toHaveLength(4);
    }
  });

  it('lets a machine answer a voicemail call: greeting, machine AMD, the agent leaves a message', () => {
    for (const p of plansOf('voicemail')) {
      const amd = p.timeline.find((e) => e.event.answeringMachineResult)!.event
        .answeringMachineResult!;
      expect(amd.result).toBe(AmdResult.AMD_RESULT_MACHINE_START);
      expect(amd.confidence).toBeGreaterThanOrEqual(0.85);
      expect(tagged(p, 'voicemail_greeting')).toHaveLength(1);
      expect(p.timeline.at(-1)!.event.hangUp?.by).toBe(Speaker.SPEAKER_AGENT);
      expect(p.decisiveAtMs).toBeNull();
    }
  });

  it('makes AMD wrong or unsure on the calls amdErrorRate picks', () => {
    const wrong = (persona: Persona) =>
      plansOf(persona, 30, { faults: { ...NO_FAULTS, amdErrorRate: 1 } }).map((p) => ({
        error: p.amdError,
        amd: p.timeline.find((e) => e.event.answeringMachineResult)!.event.answeringMachineResult!,
      }));
    for (const { error, amd } of wrong('ready')) {
      expect(['machine_for_human', 'low_confidence_human', 'unknown']).toContain(error);
      const sure = amd.result === AmdResult.AMD_RESULT_HUMAN && amd.confidence! >= 0.8;
      expect(sure).toBe(false);
    }
    for (const { error, amd } of wrong('voicemail')) {
      expect(['human_for_machine', 'unknown']).toContain(error);
      expect(amd.result).not.toBe(AmdResult.AMD_RESULT_MACHINE_START);
    }
    expect(plansOf('ready', 30).every((p) => p.amdError === null)).toBe(true);
  });

  it('plays the same buyer in every mode; only the ids and campaign differ', () => {
    for (let i = 0; i < 10; i++) {
      const warm = plan(DEFAULT_SCENARIO, i, 'warm');
      const cold = plan(DEFAULT_SCENARIO, i, 'cold');
      expect(cold.interactionId).toBe(`sim20250106-c-${i}`);
      expect(warm.interactionId).toBe(`sim20250106-w-${i}`);
      expect(cold.campaignId).toBe('sim-roofing-cold');
      const words = (p: CallPlan) => segments(p).map((s) => [s.text, s.startOffsetMs]);
      expect(words(cold)).toEqual(words(warm));
      expect([cold.persona, cold.leadId, cold.patienceMs, cold.decisiveAtMs]).toEqual([
        warm.persona,
        warm.leadId,
        warm.patienceMs,
        warm.decisiveAtMs,
      ]);
    }
  });

  it('draws personas in the proportions of the mix', () => {
    const scenario = scenarioWith({ calls: 3_000 });
    const counts: Record<string, number> = {};
    for (let i = 0; i < 3_000; i++) {
      const { persona } = plan(scenario, i);
      counts[persona] = (counts[persona] ?? 0) + 1;
    }
    expect(counts.ready! / 3_000).toBeGreaterThan(0.32);
    expect(counts.ready! / 3_000).toBeLessThan(0.38);
    expect(counts.voicemail! / 3_000).toBeGreaterThan(0.08);
    expect(counts.voicemail! / 3_000).toBeLessThan(0.12);
  });

  it('refuses an index outside the campaign and a malformed run id', () => {
    expect(() => plan(DEFAULT_SCENARIO, DEFAULT_SCENARIO.calls)).toThrow(
      /callIndex must be an integer in 0..119/,
    );
    expect(() => planCall(DEFAULT_SCENARIO, 0, callRng(1, 0, 'plan'), { runId: 'bad id' })).toThrow(
      /runId must match/,
    );
  });
});

describe('planCall properties', () => {
  const anyCall = fc.record({
    seed: fc.nat(),
    index: fc.nat({ max: 499 }),
    persona: fc.constantFrom(...PERSONAS),
    faults: fc.boolean(),
  });
  const scenarioFor = (seed: number, persona: Persona, faults: boolean) =>
    onlyPersona(persona, {
      seed,
      calls: 500,
      faults: faults ? { ...NO_FAULTS, amdErrorRate: 0.5 } : NO_FAULTS,
    });

  it('gives the same plan for the same seed and index', () => {
    fc.assert(
      fc.property(anyCall, ({ seed, index, persona, faults }) => {
        const scenario = scenarioFor(seed, persona, faults);
        expect(plan(scenario, index)).toEqual(plan(scenario, index));
      }),
      { numRuns: 60 },
    );
  });

  it('orders the timeline by time, with offsets that make sense', () => {
    fc.assert(
      fc.property(anyCall, ({ seed, index, persona, faults }) => {
        const p = plan(scenarioFor(seed, persona, faults), index);
        p.timeline.forEach((e, i) => {
          if (i > 0) expect(e.atMs).toBeGreaterThanOrEqual(p.timeline[i - 1]!.atMs);
        });
        for (const s of segments(p)) {
          expect(s.endOffsetMs!).toBeGreaterThanOrEqual(s.startOffsetMs!);
          // A final arrives after the speech ended, by its ASR latency.
          expect(s.atMs).toBe(p.answeredAtMs + s.endOffsetMs! + s.asrLatencyMs!);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('plans only events perception accepts', () => {
    fc.assert(
      fc.property(anyCall, ({ seed, index, persona, faults }) => {
        const p = plan(scenarioFor(seed, persona, faults), index);
        p.timeline.forEach((e, i) => {
          const envelope: warmline.v1.IEnvelope = {
            eventId: `${p.interactionId}-e${i + 1}`,
            interactionId: p.interactionId,
            sequence: i + 1,
            occurredAt: toTimestamp(1_700_000_000_000 + e.atMs),
            producer: { agent: 'gateway', instance: 'sim' },
            perceptionEvent: e.event,
          };
          expect(() => validatePerceptionEvent(envelope)).not.toThrow();
        });
      }),
      { numRuns: 100 },
    );
  });
});
