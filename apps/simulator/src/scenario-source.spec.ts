import { DEFAULT_SCENARIO, ScenarioInvalidError } from '@warmline/simulation';
import { stringify } from 'yaml';
import { CampaignInvalidError } from './errors.js';
import { loadScenario, modesToRun, withOverrides } from './scenario-source.js';

const files: Record<string, string> = {
  'small.yaml': stringify({ ...DEFAULT_SCENARIO, calls: 5, modes: ['warm', 'cold'] }),
  'small.json': JSON.stringify({ ...DEFAULT_SCENARIO, calls: 7, modes: ['appointment-only'] }),
  'bad.yaml': 'calls: -1\nbuyers:\n  mixx: {}\n',
};
const read = (path: string): string => {
  const text = files[path];
  if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
  return text;
};

describe('loadScenario', () => {
  it('is the shipped default without a path', () => {
    expect(loadScenario(null, read)).toBe(DEFAULT_SCENARIO);
  });

  it('reads YAML or JSON by the extension, defaults filled in', () => {
    expect(loadScenario('small.yaml', read)).toMatchObject({ calls: 5, modes: ['warm', 'cold'] });
    expect(loadScenario('small.json', read)).toMatchObject({
      calls: 7,
      modes: ['appointment-only'],
      seed: DEFAULT_SCENARIO.seed,
    });
  });

  it('lists every problem of a bad scenario', () => {
    const problems = (() => {
      try {
        loadScenario('bad.yaml', read);
        return [];
      } catch (err) {
        expect(err).toBeInstanceOf(ScenarioInvalidError);
        return (err as ScenarioInvalidError).lines;
      }
    })();
    expect(problems.some((line) => line.startsWith('bad.yaml: calls'))).toBe(true);
    expect(problems.some((line) => line.includes('mixx'))).toBe(true);
  });

  it('names the file it cannot read or cannot tell the format of', () => {
    expect(() => loadScenario('missing.yaml', read)).toThrow(
      new CampaignInvalidError(
        '--scenario',
        "cannot read missing.yaml: ENOENT: no such file, open 'missing.yaml'",
      ),
    );
    expect(() => loadScenario('campaign.txt', read)).toThrow(
      /campaign.txt must end in .yaml, .yml or .json/,
    );
  });
});

describe('withOverrides', () => {
  it('changes only what the command line set, and keeps the campaign and its modes', () => {
    const changed = withOverrides(DEFAULT_SCENARIO, {
      calls: 3,
      concurrency: 2,
      ratePerSecond: 0.5,
      seed: 9,
    });
    expect(changed).toEqual({
      ...DEFAULT_SCENARIO,
      calls: 3,
      concurrency: 2,
      arrivalRatePerSecond: 0.5,
      seed: 9,
    });
    expect(Object.isFrozen(changed)).toBe(true);
    expect(DEFAULT_SCENARIO.calls).toBe(120);
  });

  it('returns the scenario itself when nothing is overridden', () => {
    expect(withOverrides(DEFAULT_SCENARIO, { calls: null, seed: null })).toBe(DEFAULT_SCENARIO);
  });
});

describe('modesToRun', () => {
  const twoModes = { ...DEFAULT_SCENARIO, modes: ['warm', 'appointment-only'] as const };

  it('runs every mode of the scenario by default', () => {
    expect(modesToRun(DEFAULT_SCENARIO, null)).toEqual(['warm', 'cold', 'appointment-only']);
  });

  it('runs a requested subset in the scenario order', () => {
    expect(modesToRun(DEFAULT_SCENARIO, ['appointment-only', 'warm'])).toEqual([
      'warm',
      'appointment-only',
    ]);
  });

  it('refuses a mode the scenario has no policy for', () => {
    expect(() => modesToRun(twoModes, ['cold'])).toThrow(CampaignInvalidError);
    expect(() => modesToRun(twoModes, ['cold', 'warm'])).toThrow(
      /--modes: cold is not among the scenario's modes \(warm, appointment-only\)/,
    );
  });
});
