import fc from 'fast-check';
import { isSimulationError } from './errors.js';
import { Rng, callRng } from './rng.js';

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('replays the same stream for the same seed and labels', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.oneof(fc.string(), fc.nat()), { maxLength: 3 }),
        (seed, labels) => {
          expect(draws(Rng.seeded(seed, ...labels), 20)).toEqual(
            draws(Rng.seeded(seed, ...labels), 20),
          );
        },
      ),
    );
  });

  it('gives different streams to different labels and seeds', () => {
    expect(draws(callRng(7, 1, 'plan'), 5)).not.toEqual(draws(callRng(7, 1, 'faults'), 5));
    expect(draws(callRng(7, 1, 'plan'), 5)).not.toEqual(draws(callRng(7, 2, 'plan'), 5));
    expect(draws(callRng(7, 1, 'plan'), 5)).not.toEqual(draws(callRng(8, 1, 'plan'), 5));
  });

  it('is pinned: a change to the generator would silently change every campaign', () => {
    expect(draws(Rng.seeded(42), 3).map((x) => x.toFixed(8))).toEqual([
      '0.66035193',
      '0.84612190',
      '0.18150826',
    ]);
  });

  it('draws floats in [0, 1) and integers and ranges within their bounds', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: -50, max: 50 }),
        fc.nat({ max: 100 }),
        (seed, min, span) => {
          const rng = Rng.seeded(seed);
          for (let i = 0; i < 50; i++) {
            const x = rng.next();
            expect(x >= 0 && x < 1).toBe(true);
            const n = rng.int(min, min + span);
            expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
            const y = rng.between(min, min + span + 1);
            expect(y >= min && y < min + span + 1).toBe(true);
          }
        },
      ),
    );
  });

  it('spreads draws evenly enough for a simulation', () => {
    const counts = new Array(10).fill(0) as number[];
    const rng = Rng.seeded(1);
    for (let i = 0; i < 20_000; i++) counts[Math.floor(rng.next() * 10)]! += 1;
    for (const count of counts) expect(Math.abs(count - 2_000)).toBeLessThan(200);
  });

  it('picks weighted keys in proportion and never a zero-weight key', () => {
    const rng = Rng.seeded(3);
    const seen = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) seen[rng.weighted({ a: 3, b: 1, never: 0 })] += 1;
    expect(seen.never).toBe(0);
    expect(seen.a / 10_000).toBeGreaterThan(0.72);
    expect(seen.a / 10_000).toBeLessThan(0.78);
  });

  it('treats chance 0 as never and 1 as always', () => {
    const rng = Rng.seeded(9);
    for (let i = 0; i < 1_000; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
  });

  it('draws exponentials with the asked mean, and exactly 0 for mean 0', () => {
    const rng = Rng.seeded(5);
    const values = Array.from({ length: 20_000 }, () => rng.exponential(1_000));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.abs(mean - 1_000)).toBeLessThan(40);
    expect(rng.exponential(0)).toBe(0);
  });

  it('forks reproducible independent streams', () => {
    const a = Rng.seeded(11).fork('desk');
    const b = Rng.seeded(11).fork('desk');
    expect(draws(a, 5)).toEqual(draws(b, 5));
    expect(draws(Rng.seeded(11).fork('desk'), 5)).not.toEqual(
      draws(Rng.seeded(11).fork('faults'), 5),
    );
  });

  it('refuses impossible input with a named error', () => {
    expect(() => Rng.seeded(1.5)).toThrow(/seed must be a safe integer/);
    expect(() => Rng.seeded(1).pick([])).toThrow(/cannot pick from no items/);
    let error: unknown;
    try {
      Rng.seeded(1).weighted({ a: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(isSimulationError(error) && error.code).toBe('SIMULATION_INPUT_INVALID');
  });
});
