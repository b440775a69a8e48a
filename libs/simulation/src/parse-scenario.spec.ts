import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_SCENARIO } from './default-scenario.js';
import { ScenarioInvalidError, isSimulationError } from './errors.js';
import { parseScenario } from './parse-scenario.js';
import type { Scenario } from './scenario-schema.js';

const DEFAULT_YAML = readFileSync(
  join(import.meta.dirname, '../scenarios/default.scenario.yaml'),
  'utf8',
);

function problemsOf(text: string, format: 'yaml' | 'json' = 'yaml') {
  try {
    parseScenario(text, format, 'test.scenario.yaml');
  } catch (error) {
    if (error instanceof ScenarioInvalidError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
type Doc = Mutable<Scenario>;

/** The default scenario as YAML with `edit` applied to a plain copy. */
function yamlWith(edit: (doc: Doc) => void): string {
  const doc = structuredClone(DEFAULT_SCENARIO) as Doc;
  edit(doc);
  return stringify(doc);
}

describe('parseScenario', () => {
  it('reads the shipped default.scenario.yaml as exactly DEFAULT_SCENARIO', () => {
    expect(parseScenario(DEFAULT_YAML, 'yaml', 'default.scenario.yaml')).toEqual(DEFAULT_SCENARIO);
  });

  it('reads JSON as well, and returns a frozen scenario', () => {
    const scenario = parseScenario(JSON.stringify(DEFAULT_SCENARIO), 'json', 'default.json');
    expect(scenario).toEqual(DEFAULT_SCENARIO);
    expect(Object.isFrozen(scenario.buyers.mix)).toBe(true);
  });

  it('refuses an unknown key, suggesting the key it resembles, with its line', () => {
    const text = DEFAULT_YAML.replace('  duplicateRate: 0.02', '  duplicatRate: 0.02');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('duplicatRate')) + 1;
    const faultsLine = lines.findIndex((l) => l.startsWith('faults:')) + 1;
    expect(problemsOf(text)).toEqual([
      // A missing field points at the nearest enclosing key.
      { path: 'faults.duplicateRate', message: 'is required', line: faultsLine },
      {
        path: 'faults.duplicatRate',
        message: 'unknown key (did you mean duplicateRate?)',
        line,
      },
    ]);
  });

  it('lists every problem at once, each with its path and line', () => {
    const text = yamlWith((doc) => {
      doc.calls = 0;
      doc.faults.reorderRate = 1.5;
      doc.modes = ['warm', 'lukewarm' as 'cold'];
    });
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(['calls', 'modes[1]', 'faults.reorderRate']);
    expect(problems[0]!.message).toBe('must be ≥ 1, got 0');
    expect(problems[1]!.message).toMatch(
      /must be one of "warm", "cold", "appointment-only", got "lukewarm"/,
    );
    expect(problems[2]!.message).toBe('must be ≤ 1, got 1.5');
    const lines = text.split('\n');
    expect(lines[problems[0]!.line! - 1]).toMatch(/^calls: 0/);
    expect(lines[problems[2]!.line! - 1]).toMatch(/reorderRate: 1.5/);
  });

  it('reports a YAML syntax error with its line', () => {
    const problems = problemsOf('seed: 1\ncalls: [1, 2\nmodes: [warm]\n');
    expect(problems[0]!.message).toMatch(/^YAML syntax/);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports JSON syntax errors and an empty document', () => {
    expect(problemsOf('{"seed": 1,', 'json')[0]!.message).toMatch(/^JSON syntax/);
    expect(problemsOf('')).toEqual([{ path: '', message: 'the scenario document is empty' }]);
    expect(problemsOf('- 1\n- 2\n')[0]!.message).toMatch(/must be a mapping/);
  });

  it.each<[string, (doc: Doc) => void, string, RegExp]>([
    [
      'a pool given by count and list',
      (d) => (d.closers.list = [{ id: 'ana' }]),
      'closers',
      /either count or list, not both/,
    ],
    [
      'a pool given by neither',
      (d) => delete d.closers.count,
      'closers',
      /must give either count or list$/,
    ],
    [
      'a delay range upside down',
      (d) => (d.closers.defaults.answerDelayMs = { min: 9, max: 1 }),
      'closers.defaults.answerDelayMs',
      /min \(9\) must be ≤ max \(1\)/,
    ],
    [
      'desk rates above 1 together',
      (d) =>
        Object.assign(d.closers.defaults, {
          declineRate: 0.5,
          noAnswerRate: 0.4,
          voicemailRate: 0.2,
        }),
      'closers.defaults.declineRate',
      /must be ≤ 1, got 1.1/,
    ],
    [
      'a buyer language the lines do not speak',
      (d) => (d.buyers.languages = { 'es-MX': 1 }),
      'buyers.languages.es-MX',
      /speaks English/,
    ],
    [
      'an unknown buyer time zone',
      (d) => (d.buyers.timeZones = { 'Mars/Olympus': 1 }),
      'buyers.timeZones.Mars/Olympus',
      /IANA time zone/,
    ],
    [
      'a mix with no weight',
      (d) =>
        (d.buyers.mix = {
          ready: 0,
          hedging: 0,
          objecting: 0,
          interrupting: 0,
          voicemail: 0,
          hangUpOnHold: 0,
        }),
      'buyers.mix',
      /at least one choice/,
    ],
    ['a mode run twice', (d) => (d.modes = ['warm', 'warm']), 'modes[1]', /lists "warm" twice/],
    [
      'a closer time zone that is an offset',
      (d) => (d.closers.defaults.timeZone = '+05:00'),
      'closers.defaults.timeZone',
      /IANA/,
    ],
    [
      'working hours that end before they start',
      (d) => (d.closers.defaults.workingHours = [{ days: ['mon'], start: '17:00', end: '09:00' }]),
      'closers.defaults.workingHours[0].end',
      /must be after start/,
    ],
  ])('refuses %s', (_, edit, path, message) => {
    const problems = problemsOf(yamlWith(edit));
    expect(problems).toContainEqual(
      expect.objectContaining({ path, message: expect.stringMatching(message) }),
    );
  });

  it('refuses a listed closer whose id repeats', () => {
    const problems = problemsOf(
      yamlWith((d) => {
        delete d.closers.count;
        d.closers.list = [{ id: 'ana' }, { id: 'ana', capacity: 2 }];
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'closers.list[1].id', message: 'repeats closer id "ana"' }),
    );
  });

  it('names itself and every problem in its message', () => {
    let error: unknown;
    try {
      parseScenario('seed: -1', 'yaml', 'bad.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(isSimulationError(error) && error.code).toBe('SCENARIO_INVALID');
    expect((error as ScenarioInvalidError).lines[0]).toBe(
      'bad.yaml: seed: must be ≥ 0, got -1 (line 1)',
    );
    expect((error as Error).message).toMatch(/^scenario bad.yaml is invalid \(\d+ problems\):/);
  });
});
