import fc from 'fast-check';
import { RateWindowError } from './errors.js';
import { ESCALATION_RATE_WINDOW_MS, RateWindow } from './rate-window.js';

const T0 = Date.UTC(2025, 5, 2, 15, 0, 0);

function recordAll(window: RateWindow, instants: readonly number[]): RateWindow {
  return instants.reduce(RateWindow.record, window);
}

describe('RateWindow', () => {
  it('counts the events of the last minute only', () => {
    const window = recordAll(RateWindow.empty(), [T0, T0 + 20_000, T0 + 50_000]);

    expect(RateWindow.countIn(window, T0 + 50_000, ESCALATION_RATE_WINDOW_MS)).toBe(3);
    expect(RateWindow.countIn(window, T0 + 60_000)).toBe(2);
    expect(RateWindow.countIn(window, T0 + 110_000)).toBe(0);
    expect(RateWindow.countIn(window, T0 + 50_000, 10_000)).toBe(1);
  });

  it('forgets instants older than its span as it records', () => {
    const window = recordAll(RateWindow.empty({ spanMs: 1_000 }), [T0, T0 + 500, T0 + 1_600]);

    expect(window.events).toEqual([T0 + 1_600]);
  });

  it('keeps instants that arrive out of order sorted', () => {
    const window = recordAll(RateWindow.empty(), [T0 + 300, T0 + 100, T0 + 200]);

    expect(window.events).toEqual([T0 + 100, T0 + 200, T0 + 300]);
  });

  it('never grows beyond maxEvents, keeping the newest', () => {
    const window = recordAll(RateWindow.empty({ maxEvents: 2 }), [T0, T0 + 1, T0 + 2]);

    expect(window.events).toEqual([T0 + 1, T0 + 2]);
    expect(RateWindow.countIn(window, T0 + 2)).toBe(2);
  });

  it('does not change the window it is given, and survives JSON', () => {
    const empty = RateWindow.empty();
    const one = RateWindow.record(empty, T0);

    expect(empty.events).toEqual([]);
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
  });

  it('refuses impossible options', () => {
    expect(() => RateWindow.empty({ spanMs: 0 })).toThrow(RateWindowError);
    expect(() => RateWindow.empty({ maxEvents: 0 })).toThrow(RateWindowError);
    expect(() => RateWindow.countIn(RateWindow.empty(), T0, 120_000)).toThrow(
      expect.objectContaining({ code: 'RATE_WINDOW_INVALID' }),
    );
    expect(() => RateWindow.record(RateWindow.empty(), Number.NaN)).toThrow(RateWindowError);
  });

  it('counts like a naive filter over every recorded instant, up to its size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300_000 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 64 }),
        (offsets, windowMs, maxEvents) => {
          const instants = offsets.map((offset) => T0 + offset);
          const window = recordAll(RateWindow.empty({ maxEvents }), instants);
          const now = Math.max(T0, ...instants);
          const naive = instants.filter((at) => at > now - windowMs).length;

          expect(window.events.length).toBeLessThanOrEqual(maxEvents);
          expect(RateWindow.countIn(window, now, windowMs)).toBe(Math.min(naive, maxEvents));
        },
      ),
    );
  });
});
