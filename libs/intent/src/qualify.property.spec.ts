import { v1, type IIntentState } from '@warmline/contracts';
import fc from 'fast-check';
import { conversation, type Turn } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { parseQualificationContext } from './qualification-context.js';
import { DEFAULT_QUALIFICATION_RULES } from './qualification-rules.js';
import { qualify } from './qualify.js';
import { readinessAt } from './readiness.js';
import type { SignalEvent } from './signal-event.js';

const rules = DEFAULT_QUALIFICATION_RULES;

const agentLines = [
  'Is now a good time to talk?',
  'So you need the whole roof covered, is that right?',
  'Shall I book the site survey?',
  'Would you like me to connect you to a specialist now?',
  'We have financing with zero down. Does that work for you?',
  'Can I call you back tomorrow at 3?',
  'Thanks for your time.',
];
const buyerLines = [
  'Yes please.',
  'Sure, now is fine.',
  'Yes, the whole roof is what I need.',
  "Let's do the site survey.",
  'Put me through.',
  'Maybe.',
  "I'd have to check with my wife.",
  'No, actually I changed my mind.',
  "It's too expensive.",
  'Ok, that works.',
  'Call me Thursday after 2.',
  "I don't need the whole roof.",
  'Hmm.',
];

const buyerTurn: fc.Arbitrary<Turn> = fc.record({
  buyer: fc.constantFrom(...buyerLines),
  confidence: fc.constantFrom(0.3, 0.7, 0.8, 0.95),
  incomplete: fc.boolean(),
  fromVoicemail: fc.constantFrom(false, false, false, false, true),
  final: fc.constantFrom(true, true, true, false),
  replyAfterMs: fc.integer({ min: 100, max: 9_000 }),
});

const turn: fc.Arbitrary<Turn> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...agentLines).map((agent) => ({ agent })) },
  { weight: 6, arbitrary: buyerTurn },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Turn>(
      { interrupt: 'previous', by: 'agent' },
      { interrupt: 'previous', by: 'buyer' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 200, max: 12_000 }).map((silenceMs) => ({ silenceMs })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 400_000 }).map((wait) => ({ wait })) },
  {
    weight: 1,
    arbitrary: fc.record({
      assert: fc.constantFrom(
        'scope_confirmed',
        'timing_consent',
        'next_step_accepted',
        'escalation_permission' as const,
      ),
      status: fc.constantFrom('validated', 'exploratory', 'revoked' as const),
      quote: fc.constantFrom('yes', 'tomorrow after 3', ''),
      confidence: fc.constantFrom(0.4, 0.85, 0.99),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Turn>(
      { amd: 'human', confidence: 0.5 },
      { amd: 'machine', confidence: 0.9 },
      { voicemail: 'Please leave a message.' },
    ),
  },
);

const conversations = fc.array(turn, { maxLength: 24 }).map((turns) => conversation(turns));

/** Every transcript / assertion signal id that passes the validation gate. */
function gatePassing(events: readonly SignalEvent[]): Set<string> {
  const passing = new Set<string>();
  let machine = false;
  for (const { signal } of events) {
    const p = signal.perception ?? {};
    const voicemail =
      signal.quality?.fromVoicemail === true ||
      (signal.faults ?? []).includes(v1.SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE);
    if (
      voicemail ||
      (p.answeringMachineResult?.result === v1.AmdResult.AMD_RESULT_MACHINE_END_BEEP &&
        (p.answeringMachineResult.confidence ?? 0) >= rules.minAmdConfidence)
    )
      machine = true;
    const segment = p.transcriptSegment;
    if (
      segment &&
      !machine &&
      segment.isFinal &&
      segment.speaker === v1.Speaker.SPEAKER_BUYER &&
      (segment.asrConfidence ?? 0) >= rules.minAsrConfidence &&
      !signal.quality?.incomplete
    ) {
      passing.add(signal.signalId ?? '');
    }
    const assertion = p.structuredAssertion;
    if (
      assertion &&
      !machine &&
      (assertion.confidence ?? 0) >= rules.minAssertionConfidence &&
      (assertion.buyerQuote ?? '') !== ''
    ) {
      passing.add(signal.signalId ?? '');
    }
  }
  return passing;
}

describe('qualify properties', () => {
  it('is deterministic: replaying the same ordered signals gives byte-identical states', () => {
    fc.assert(
      fc.property(conversations, (events) => {
        const a = replay(events);
        const b = replay(structuredClone(events));
        expect(JSON.stringify(b.versions)).toBe(JSON.stringify(a.versions));
        expect(JSON.stringify(b.context)).toBe(JSON.stringify(a.context));
      }),
      { numRuns: 60 },
    );
  });

  it('increments the version by exactly 1 per change, starting at 1', () => {
    fc.assert(
      fc.property(conversations, (events) => {
        const { changes, versions } = replay(events);
        changes.forEach((change, i) => {
          expect(change.previousVersion).toBe(i);
          expect(change.version).toBe(i + 1);
          expect(versions[i]?.version).toBe(i + 1);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('never validates a marker on evidence that fails the gate', () => {
    fc.assert(
      fc.property(conversations, (events) => {
        const passing = gatePassing(events);
        const { versions, changes } = replay(events);
        versions.forEach((state, i) => {
          for (const marker of state.markers ?? []) {
            const becameValidated =
              marker.status === v1.MarkerStatus.MARKER_STATUS_VALIDATED &&
              (changes[i]?.changedMarkers ?? []).includes(marker.kind ?? 0);
            if (becameValidated)
              expect(passing.has(marker.evidence?.[0]?.signalId ?? '')).toBe(true);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps readiness and its components within 0..1, and its decay monotone', () => {
    fc.assert(
      fc.property(conversations, fc.integer({ min: 0, max: 3_600_000 }), (events, later) => {
        for (const state of replay(events).versions) {
          const r = state.readiness ?? {};
          for (const value of [r.score, r.peakScore, ...Object.values(r.components ?? {})]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          const at = events.at(-1)?.occurredAtMs ?? 0;
          expect(readinessAt(state, at + later, rules.halfLifeMs)).toBeLessThanOrEqual(
            readinessAt(state, at, rules.halfLifeMs),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ends in the same state when signals are redelivered', () => {
    fc.assert(
      fc.property(conversations, fc.array(fc.nat(), { maxLength: 8 }), (events, picks) => {
        fc.pre(events.length > 0);
        const redelivered: SignalEvent[] = [];
        events.forEach((event, i) => {
          redelivered.push(event);
          for (const pick of picks)
            if (pick % events.length === i) redelivered.push(events[pick % (i + 1)] as SignalEvent);
        });
        expect(JSON.stringify(replay(redelivered).state)).toBe(
          JSON.stringify(replay(events).state),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('ends in the same state when out-of-order, duplicated input is put back in order by perception', () => {
    fc.assert(
      fc.property(
        conversations.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray([...events, ...events], { minLength: 2 * events.length }),
          ),
        ),
        ([events, shuffled]) => {
          fc.pre(events.length > 0);
          // What perception does: restore the order by sequence and drop duplicate ids.
          const ordered = [...shuffled]
            .sort((a, b) => (a.signal.sourceSequence ?? 0) - (b.signal.sourceSequence ?? 0))
            .filter(
              (e, i, all) => all.findIndex((x) => x.signal.signalId === e.signal.signalId) === i,
            );
          expect(JSON.stringify(replay(ordered).state)).toBe(JSON.stringify(replay(events).state));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('carries on identically from a context that went through JSON and back', () => {
    fc.assert(
      fc.property(conversations, fc.nat(), (events, cut) => {
        fc.pre(events.length > 1);
        const at = 1 + (cut % (events.length - 1));
        const head = replay(events.slice(0, at));
        const stored = parseQualificationContext(JSON.parse(JSON.stringify(head.context)));
        expect(stored).toEqual(head.context);
        const storedState = JSON.parse(JSON.stringify(head.state)) as IIntentState;
        let state = storedState;
        let context = stored;
        for (const event of events.slice(at)) {
          const result = qualify(state, context, event);
          context = result.context;
          state = result.state;
        }
        expect(JSON.stringify(state)).toBe(JSON.stringify(replay(events).state));
      }),
      { numRuns: 60 },
    );
  });
});
