import fc from 'fast-check';
import { abandonProbability, patienceMs, remainingReadiness } from './buyer-patience.js';
import { PERSONA_TRAITS } from './persona-traits.js';
import { Rng } from './rng.js';
import { PERSONAS } from './vocabulary.js';

describe('buyer patience and readiness decay', () => {
  it('never loses a buyer within their minimum patience', () => {
    expect(abandonProbability(0, 'ready')).toBe(0);
    expect(abandonProbability(20_000, 'ready')).toBe(0);
    expect(abandonProbability(3_000, 'hangUpOnHold')).toBe(0);
  });

  it('follows 1 − exp(−(w − min) / mean) beyond it', () => {
    // ready: min 20 s, mean 60 s — one mean past the minimum loses 1 − 1/e of buyers.
    expect(abandonProbability(80_000, 'ready')).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(abandonProbability(15_000, 'hangUpOnHold')).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(remainingReadiness(80_000, 'ready')).toBeCloseTo(Math.exp(-1), 10);
  });

  it('loses impatient buyers sooner than ready ones', () => {
    expect(abandonProbability(10_000, 'hangUpOnHold')).toBeGreaterThan(0.4);
    expect(abandonProbability(10_000, 'ready')).toBe(0);
  });

  it('treats a machine as a fixed one-minute recording', () => {
    expect(abandonProbability(59_999, 'voicemail')).toBe(0);
    expect(abandonProbability(60_001, 'voicemail')).toBe(1);
    expect(patienceMs('voicemail', Rng.seeded(1))).toBe(60_000);
  });

  it('decays monotonically and stays a probability', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERSONAS),
        fc.nat({ max: 3_600_000 }),
        fc.nat({ max: 600_000 }),
        (persona, w, extra) => {
          const p = abandonProbability(w, persona);
          expect(p >= 0 && p <= 1).toBe(true);
          expect(abandonProbability(w + extra, persona)).toBeGreaterThanOrEqual(p);
        },
      ),
    );
  });

  it('draws patience whose distribution is abandonProbability', () => {
    const rng = Rng.seeded(12);
    const patience = Array.from({ length: 4_000 }, () => patienceMs('ready', rng));
    for (const wait of [30_000, 60_000, 120_000]) {
      const share = patience.filter((p) => p <= wait).length / patience.length;
      expect(Math.abs(share - abandonProbability(wait, 'ready'))).toBeLessThan(0.03);
    }
    expect(Math.min(...patience)).toBeGreaterThanOrEqual(PERSONA_TRAITS.ready.minPatienceMs);
  });

  it('refuses a negative or non-finite wait', () => {
    expect(() => abandonProbability(-1, 'ready')).toThrow(/waitMs must be/);
    expect(() => abandonProbability(Number.POSITIVE_INFINITY, 'ready')).toThrow(/waitMs must be/);
  });
});
