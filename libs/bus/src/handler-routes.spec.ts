import { DuplicateHandlerError, InvalidHandlerPatternError } from './errors.js';
import { familyOfPattern, routeByFamily } from './handler-routes.js';

describe('familyOfPattern', () => {
  it.each([
    ['signal', 'signal'],
    ['wl.signal.>', 'signal'],
    ['wl.signal.*.*', 'signal'],
  ])('reads %s as family %s', (pattern, family) => {
    expect(familyOfPattern(pattern)).toBe(family);
  });

  it.each([
    'signals',
    'wl.nope.>',
    'wl.signal',
    'wl.signal.3.*',
    'wl.signal.>.*',
    'nats.signal.>',
    'wl.closer.*',
    'dlq',
  ])('refuses %s', (pattern) => {
    expect(() => familyOfPattern(pattern)).toThrow(InvalidHandlerPatternError);
  });
});

describe('routeByFamily', () => {
  const single = () => 1;

  it('maps each handler to its family', () => {
    const routes = routeByFamily(
      [
        ['signal', 'h1'],
        ['wl.intent.>', 'h2'],
      ],
      single,
    );
    expect([...routes]).toEqual([
      ['signal', 'h1'],
      ['intent', 'h2'],
    ]);
  });

  it('refuses two patterns naming one family', () => {
    expect(() =>
      routeByFamily(
        [
          ['signal', 'h1'],
          ['wl.signal.*.*', 'h2'],
        ],
        single,
      ),
    ).toThrow(DuplicateHandlerError);
  });

  it('refuses one pattern with chained handlers', () => {
    expect(() => routeByFamily([['signal', 'h1']], () => 2)).toThrow(
      /more than one handler for family "signal"/,
    );
  });
});
