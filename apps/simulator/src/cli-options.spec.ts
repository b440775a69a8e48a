import { defaultReportDir, parseCliOptions } from './cli-options.js';
import { CliUsageError } from './errors.js';

describe('parseCliOptions', () => {
  it('runs the default scenario with progress when given nothing', () => {
    expect(parseCliOptions([])).toEqual({
      command: 'run',
      scenarioPath: null,
      calls: null,
      modes: null,
      concurrency: null,
      ratePerSecond: null,
      seed: null,
      outDir: null,
      policyDir: null,
      progress: true,
    });
  });

  it('reads every option', () => {
    const options = parseCliOptions([
      '--scenario',
      'campaign.yaml',
      '--calls=40',
      '--modes',
      'cold,warm',
      '--concurrency',
      '8',
      '--rate',
      '2.5',
      '--seed',
      '42',
      '--out',
      'reports/x',
      '--no-progress',
    ]);
    expect(options).toEqual({
      command: 'run',
      scenarioPath: 'campaign.yaml',
      calls: 40,
      modes: ['cold', 'warm'],
      concurrency: 8,
      ratePerSecond: 2.5,
      seed: 42,
      outDir: 'reports/x',
      policyDir: null,
      progress: false,
    });
  });

  it('asks for the policy files with --write-policies, and for help with -h', () => {
    expect(parseCliOptions(['--write-policies', 'policies'])).toMatchObject({
      command: 'write-policies',
      policyDir: 'policies',
    });
    expect(parseCliOptions(['-h', '--calls', 'nonsense']).command).toBe('help');
  });

  it.each([
    [['--cals', '3'], /Unknown option '--cals'/],
    [['--calls', '0'], /--calls: must be a whole number from 1 to 100000, got "0"/],
    [['--calls', '2.5'], /--calls: must be a whole number/],
    [['--concurrency', 'many'], /--concurrency: must be a whole number/],
    [['--rate=-1'], /--rate: must be a number above 0, got "-1"/],
    [['--rate', '0'], /--rate: must be a number above 0, got "0"/],
    [['--seed', '4294967296'], /--seed: must be a whole number from 0 to 4294967295/],
    [
      ['--modes', 'warm,lukewarm'],
      /--modes: "lukewarm" is not a mode; use warm, cold, appointment-only/,
    ],
    [['--modes', 'warm,warm'], /--modes: lists "warm" twice/],
    [['--modes', 'warm,'], /--modes: lists an empty mode/],
    [['--out', ' '], /--out: must not be empty/],
    [['--scenario'], /argument missing/],
    [['campaign.yaml'], /positional/i],
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(CliUsageError);
    expect(() => parseCliOptions(argv)).toThrow(message);
  });
});

describe('defaultReportDir', () => {
  it('is a folder under .warmline/reports named by the UTC start time, safe in file names', () => {
    expect(defaultReportDir(Date.UTC(2025, 0, 6, 9, 5, 3, 120))).toBe(
      '.warmline/reports/2025-01-06T09-05-03Z',
    );
  });
});
