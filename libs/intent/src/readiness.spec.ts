import { fromTimestamp, type IIntentState } from '@warmline/contracts';
import fc from 'fast-check';
import { conversation, type Turn } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { DEFAULT_QUALIFICATION_RULES } from './qualification-rules.js';
import { decayFactor, decayState, readinessAt, readinessScore } from './readiness.js';

const weights = DEFAULT_QUALIFICATION_RULES.readiness;
const HALF_LIFE = DEFAULT_QUALIFICATION_RULES.halfLifeMs;

const allFour: Turn[] = [
  { agent: 'Is now a good time to talk?' },
  { buyer: 'Sure, now is fine.' },
  { agent: 'So you need the whole roof covered, is that right?' },
  { buyer: 'Yes, the whole roof is what I need.' },
  { agent: 'Shall I book the site survey?' },
  { buyer: "Yes, let's do the site survey." },
  { agent: 'Would you like me to connect you to a specialist?' },
  { buyer: 'Yes please, put me through.' },
];

function stateWith(
  score: number,
  resistance: number,
  decayedAtMs: number,
  validated = true,
): IIntentState {
  return {
    interactionId: 'call-1',
    version: 3,
    readiness: {
      score,
      components: { scope: 1, acceptance: 1, cadence: 1, resistance },
      decayedAt: { seconds: decayedAtMs / 1000, nanos: 0 },
    },
    ...(validated ? { lastValidatingEvidenceAt: { seconds: decayedAtMs / 1000, nanos: 0 } } : {}),
  };
}

describe('readiness', () => {
  it('is high when the buyer validated all four markers promptly, and counts every component', () => {
    const { state } = replay(conversation(allFour));
    expect(state.readiness?.components).toMatchObject({ scope: 1, acceptance: 1, resistance: 0 });
    expect(state.readiness?.score).toBeGreaterThan(0.9);
    expect(state.readiness?.peakScore).toBe(state.readiness?.score);
  });

  it('stays below 0.5 when one marker alone is validated, however prompt the replies', () => {
    const kinds: Turn[][] = [
      allFour.slice(2, 4),
      allFour.slice(4, 6),
      allFour.slice(6, 8),
      allFour.slice(0, 2),
    ];
    for (const turns of kinds) {
      expect(replay(conversation(turns)).state.readiness?.score).toBeLessThan(0.5);
    }
  });

  it('cannot reach more than half the score from any single indicator under any valid weights', () => {
    const weight = fc.double({ min: 0.01, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        weight,
        weight,
        weight,
        fc.integer({ min: 0, max: 2 }),
        (scope, acceptance, cadence, only) => {
          fc.pre(Math.max(scope, acceptance, cadence) <= (scope + acceptance + cadence) / 2);
          const w = { ...weights, scope, acceptance, cadence };
          const components = {
            scope: only === 0 ? 1 : 0,
            acceptance: only === 1 ? 1 : 0,
            cadence: only === 2 ? 1 : 0,
            resistance: 0,
          };
          expect(readinessScore(components, w)).toBeLessThanOrEqual(0.5 + 1e-9);
        },
      ),
    );
  });

  it('is always within 0..1', () => {
    const unit = fc.double({ min: -1, max: 2, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, (scope, acceptance, cadence, resistance) => {
        const score = readinessScore({ scope, acceptance, cadence, resistance }, weights);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('lowers the score under resistance (an open objection)', () => {
    const base = replay(conversation(allFour)).state.readiness?.score ?? 0;
    const objecting = replay(conversation([...allFour, { buyer: "but it's too expensive" }])).state;
    expect(objecting.readiness?.score).toBeLessThan(base - 0.1);
  });
});

describe('readinessAt', () => {
  const t = Date.UTC(2026, 2, 2, 15, 0);

  it('halves every half-life since the score was computed', () => {
    const state = stateWith(0.8, 0, t);
    expect(readinessAt(state, t, HALF_LIFE)).toBe(0.8);
    expect(readinessAt(state, t + HALF_LIFE, HALF_LIFE)).toBeCloseTo(0.4, 10);
    expect(readinessAt(state, t + 2 * HALF_LIFE, HALF_LIFE)).toBeCloseTo(0.2, 10);
  });

  it('decays faster under friction', () => {
    const calm = readinessAt(stateWith(0.8, 0, t), t + HALF_LIFE, HALF_LIFE);
    const resisting = readinessAt(stateWith(0.8, 0.6, t), t + HALF_LIFE, HALF_LIFE);
    expect(resisting).toBeLessThan(calm);
    expect(decayFactor(HALF_LIFE, HALF_LIFE, 1, 0.5)).toBeCloseTo(0.25, 10);
  });

  it('does not decay before any validating evidence, nor grow for an earlier instant', () => {
    expect(readinessAt(stateWith(0.3, 0, t, false), t + 10 * HALF_LIFE, HALF_LIFE)).toBe(0.3);
    expect(readinessAt(stateWith(0.8, 0, t), t - 60_000, HALF_LIFE)).toBe(0.8);
  });

  it('is monotone non-increasing in elapsed time', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -100_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        (score, resistance, first, extra, halfLife) => {
          const state = stateWith(score, resistance, t);
          const earlier = readinessAt(state, t + first, halfLife);
          const later = readinessAt(state, t + first + extra, halfLife);
          expect(later).toBeLessThanOrEqual(earlier);
          expect(later).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('agrees with the score qualify writes later from the same components', () => {
    const first = replay(conversation(allFour));
    const lastAt = fromTimestamp(first.state.readiness?.decayedAt ?? {});
    const later = replay(
      conversation([{ wait: 90_000 }, { promptDrift: 0.9 }], {
        callStarted: false,
        firstSignal: 100,
        firstOffsetMs: lastAt - Date.UTC(2026, 2, 2, 15, 0),
      }),
      undefined,
      first,
    );
    const at = fromTimestamp(later.state.readiness?.decayedAt ?? {});
    expect(later.state.version).toBe((first.state.version ?? 0) + 1);
    expect(later.state.readiness?.score).toBeCloseTo(readinessAt(first.state, at, HALF_LIFE), 3);
  });
});

describe('decayState', () => {
  it('writes a new version with the decayed score, decayed_at = now, and no cause signal', () => {
    const { state } = replay(conversation(allFour));
    const from = fromTimestamp(state.readiness?.decayedAt ?? {});
    const { state: decayed, change } = decayState(state, from + HALF_LIFE, HALF_LIFE);
    expect(decayed.version).toBe((state.version ?? 0) + 1);
    expect(decayed.readiness?.score).toBeCloseTo((state.readiness?.score ?? 0) / 2, 3);
    expect(fromTimestamp(decayed.readiness?.decayedAt ?? {})).toBe(from + HALF_LIFE);
    expect(decayed.readiness?.peakScore).toBe(state.readiness?.peakScore);
    expect(decayed.markers).toEqual(state.markers);
    expect(change).toEqual({
      previousVersion: state.version,
      version: decayed.version,
      changedMarkers: [],
      changedObjectionIds: [],
      causeSignalId: '',
    });
  });
});
