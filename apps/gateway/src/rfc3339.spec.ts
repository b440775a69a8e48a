import fc from 'fast-check';
import { fromTimestamp } from '@warmline/contracts';
import { formatRfc3339, parseRfc3339 } from './rfc3339.js';

describe('parseRfc3339', () => {
  it.each([
    ['2026-11-24T15:04:05Z', Date.UTC(2026, 10, 24, 15, 4, 5), 0],
    ['2026-11-24T15:04:05.120Z', Date.UTC(2026, 10, 24, 15, 4, 5), 120_000_000],
    ['2026-11-24T16:04:05.000000001+01:00', Date.UTC(2026, 10, 24, 15, 4, 5), 1],
    ['2026-11-24t09:34:05-05:30', Date.UTC(2026, 10, 24, 15, 4, 5), 0],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29), 0],
  ])('reads %s', (text, ms, nanos) => {
    const ts = parseRfc3339(text)!;
    expect(Number(ts.seconds) * 1000).toBe(ms);
    expect(ts.nanos).toBe(nanos);
  });

  it.each([
    '2026-11-24 15:04:05Z',
    '2026-11-24T15:04:05',
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-11-24T24:00:00Z',
    '2026-11-24T15:04:05.1234567890Z',
    '1732460645',
  ])('refuses %s', (text) => {
    expect(parseRfc3339(text)).toBeNull();
  });
});

describe('formatRfc3339', () => {
  it('writes UTC with 0, 3, 6 or 9 fractional digits', () => {
    const seconds = Date.UTC(2026, 10, 24, 15, 4, 5) / 1000;
    expect(formatRfc3339({ seconds, nanos: 0 })).toBe('2026-11-24T15:04:05Z');
    expect(formatRfc3339({ seconds, nanos: 120_000_000 })).toBe('2026-11-24T15:04:05.120Z');
    expect(formatRfc3339({ seconds, nanos: 120_500_000 })).toBe('2026-11-24T15:04:05.120500Z');
    expect(formatRfc3339({ seconds, nanos: 7 })).toBe('2026-11-24T15:04:05.000000007Z');
  });

  it('round-trips every instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 253_402_300_799 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (seconds, nanos) => {
          const parsed = parseRfc3339(formatRfc3339({ seconds, nanos }))!;
          expect([Number(parsed.seconds), parsed.nanos]).toEqual([seconds, nanos]);
          expect(fromTimestamp(parsed)).toBe(seconds * 1000 + Math.floor(nanos / 1e6));
        },
      ),
    );
  });
});
