import { v1, type warmline } from '@warmline/contracts';
import {
  FULL_REQUALIFICATION_MS,
  REQUALIFICATION_TOLERANCE_MS,
  coldTransferCost,
  requalificationCost,
} from './requalification.js';
import { Rng } from './rng.js';

const { MarkerKind } = v1;
const brief = (...kinds: warmline.v1.MarkerKind[]): warmline.v1.IHandoffBrief => ({
  validatedMarkers: kinds.map((kind) => ({ kind, quotes: ['yes'] })),
});
const ALL = [
  MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
  MarkerKind.MARKER_KIND_TIMING_CONSENT,
  MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
];

describe('re-qualification cost', () => {
  it('costs nothing after a warm transfer whose brief carries all four markers', () => {
    const rng = Rng.seeded(1);
    expect(requalificationCost(brief(...ALL), rng)).toEqual({
      markersReasked: 0,
      requalificationMs: 0,
      dropOffProbability: 0,
      dropsOff: false,
    });
    // Nothing was drawn: the stream is where it started.
    expect(rng.next()).toBe(Rng.seeded(1).next());
  });

  it('makes a cold transfer re-ask everything for 90-240 s, with drop-off risk growing with it', () => {
    const rng = Rng.seeded(2);
    for (let i = 0; i < 500; i++) {
      const cost = coldTransferCost(rng);
      expect(cost.markersReasked).toBe(4);
      expect(cost.requalificationMs).toBeGreaterThanOrEqual(FULL_REQUALIFICATION_MS[0]);
      expect(cost.requalificationMs).toBeLessThanOrEqual(FULL_REQUALIFICATION_MS[1]);
      expect(cost.dropOffProbability).toBeCloseTo(
        1 - Math.exp(-cost.requalificationMs / REQUALIFICATION_TOLERANCE_MS),
        10,
      );
    }
  });

  it('treats a missing brief exactly like a cold transfer', () => {
    expect(requalificationCost(null, Rng.seeded(4))).toEqual(coldTransferCost(Rng.seeded(4)));
  });

  it('re-asks only the markers the brief lacks, a quarter of a full re-qualification each', () => {
    const rng = Rng.seeded(3);
    for (let i = 0; i < 200; i++) {
      const cost = requalificationCost(
        brief(MarkerKind.MARKER_KIND_SCOPE_CONFIRMED, MarkerKind.MARKER_KIND_TIMING_CONSENT),
        rng,
      );
      expect(cost.markersReasked).toBe(2);
      expect(cost.requalificationMs).toBeGreaterThanOrEqual(FULL_REQUALIFICATION_MS[0] / 2);
      expect(cost.requalificationMs).toBeLessThanOrEqual(FULL_REQUALIFICATION_MS[1] / 2);
    }
  });

  it('drops buyers about as often as the drawn probability says', () => {
    const rng = Rng.seeded(5);
    const costs = Array.from({ length: 5_000 }, () => coldTransferCost(rng));
    const expected = costs.reduce((s, c) => s + c.dropOffProbability, 0) / costs.length;
    const observed = costs.filter((c) => c.dropsOff).length / costs.length;
    expect(Math.abs(observed - expected)).toBeLessThan(0.02);
    expect(expected).toBeGreaterThan(0.09);
    expect(expected).toBeLessThan(0.24);
  });
});
