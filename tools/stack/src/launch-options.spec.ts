import { parseLaunchOptions, UsageRequested } from './launch-options.js';

describe('parseLaunchOptions', () => {
  it('runs a campaign on the default scenario and stops, by default', () => {
    expect(parseLaunchOptions([])).toEqual({
      scenario: null,
      calls: null,
      modes: null,
      out: null,
      keepRunning: false,
      campaign: true,
      gatewayPort: 8080,
      selfCheck: false,
    });
  });

  it('reads the campaign and stack options', () => {
    expect(
      parseLaunchOptions([
        '--scenario',
        's.yaml',
        '--calls',
        '12',
        '--modes',
        'warm,cold',
        '--keep-running',
        '--gateway-port',
        '0',
      ]),
    ).toMatchObject({
      scenario: 's.yaml',
      calls: 12,
      modes: 'warm,cold',
      keepRunning: true,
      gatewayPort: 0,
    });
  });

  it('keeps the stack running when there is no campaign', () => {
    expect(parseLaunchOptions(['--no-campaign'])).toMatchObject({
      campaign: false,
      keepRunning: true,
    });
  });

  it.each([
    [['--calls', '0'], /--calls must be a whole number/],
    [['--gateway-port', 'http'], /--gateway-port must be a port number/],
    [['--colls', '3'], /Unknown option '--colls'/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseLaunchOptions(argv)).toThrow(message);
  });

  it('answers --help with the usage', () => {
    expect(() => parseLaunchOptions(['--help'])).toThrow(UsageRequested);
  });
});
