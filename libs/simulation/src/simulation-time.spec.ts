import { scenarioWith } from './__fixtures__/scenarios.js';
import { Rng } from './rng.js';
import { arrivalOffsetsMs, toSimulatedMs, toWallMs } from './simulation-time.js';

describe('simulation time', () => {
  it('plays simulated time timeScale times faster than the wall clock', () => {
    expect(toWallMs(60_000, 12)).toBe(5_000);
    expect(toSimulatedMs(5_000, 12)).toBe(60_000);
    expect(() => toWallMs(1, 0)).toThrow(/timeScale must be/);
  });

  it('starts calls as Poisson arrivals at the scenario rate, first at 0, reproducibly', () => {
    const scenario = scenarioWith({ calls: 5_000, arrivalRatePerSecond: 20 });
    const offsets = arrivalOffsetsMs(scenario, Rng.seeded(scenario.seed, 'arrivals'));
    expect(offsets).toHaveLength(5_000);
    expect(offsets[0]).toBe(0);
    offsets.forEach((at, i) => i > 0 && expect(at).toBeGreaterThanOrEqual(offsets[i - 1]!));
    const meanGap = offsets.at(-1)! / (offsets.length - 1);
    expect(meanGap).toBeGreaterThan(47);
    expect(meanGap).toBeLessThan(53);
    expect(arrivalOffsetsMs(scenario, Rng.seeded(scenario.seed, 'arrivals'))).toEqual(offsets);
  });

  it('lets the default campaign start all its calls within about ten seconds', () => {
    const offsets = arrivalOffsetsMs(scenarioWith({}), Rng.seeded(1, 'arrivals'));
    expect(offsets.at(-1)!).toBeLessThan(15_000);
  });
});
