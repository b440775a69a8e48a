import { toTimestamp } from '@warmline/contracts';
import { T0, qualifiedState } from './__fixtures__/intent.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { readinessAt } from './readiness.js';

const HALF_LIFE = DEFAULT_POLICY.controls.readinessHalfLifeMs;

describe('readinessAt', () => {
  it('halves the score every half-life after it was computed', () => {
    const state = qualifiedState({ readiness: { score: 0.8, decayedAt: toTimestamp(T0) } });

    expect(readinessAt(state, DEFAULT_POLICY, T0)).toBe(0.8);
    expect(readinessAt(state, DEFAULT_POLICY, T0 + HALF_LIFE)).toBeCloseTo(0.4, 10);
    expect(readinessAt(state, DEFAULT_POLICY, T0 + 2 * HALF_LIFE)).toBeCloseTo(0.2, 10);
  });

  it('decays from updated_at when the score carries no decay instant', () => {
    const state = qualifiedState({ readiness: { score: 0.8 }, updatedAt: toTimestamp(T0) });

    expect(readinessAt(state, DEFAULT_POLICY, T0 + HALF_LIFE)).toBeCloseTo(0.4, 10);
  });

  it('never raises a score for a clock behind the state', () => {
    const state = qualifiedState({ readiness: { score: 0.8, decayedAt: toTimestamp(T0) } });

    expect(readinessAt(state, DEFAULT_POLICY, T0 - 60_000)).toBe(0.8);
  });

  it('follows @warmline/intent: no decay before any evidence validated anything', () => {
    const state = qualifiedState({
      readiness: { score: 0.3, decayedAt: toTimestamp(T0) },
      lastValidatingEvidenceAt: null,
    });

    expect(readinessAt(state, DEFAULT_POLICY, T0 + 5 * HALF_LIFE)).toBe(0.3);
  });

  it('reads a missing or out-of-range score as a score in 0..1', () => {
    expect(readinessAt(qualifiedState({ readiness: null }), DEFAULT_POLICY, T0)).toBe(0);
    expect(readinessAt(qualifiedState({ readiness: { score: 1.7 } }), DEFAULT_POLICY, T0)).toBe(1);
  });
});
