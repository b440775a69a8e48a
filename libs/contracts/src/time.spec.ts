import fc from 'fast-check';
import { google } from './generated/warmline.js';
import { fromOptionalTimestamp, fromTimestamp, toTimestamp } from './time.js';

const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z, the Timestamp range limit
const MIN_MS = -62_135_596_800_000; // 0001-01-01T00:00:00Z

describe('toTimestamp / fromTimestamp', () => {
  it('converts known instants', () => {
    expect(toTimestamp(0)).toEqual({ seconds: 0, nanos: 0 });
    expect(toTimestamp(1_700_000_000_123)).toEqual({ seconds: 1_700_000_000, nanos: 123_000_000 });
    // nanos stay non-negative before the epoch, as the Timestamp spec requires
    expect(toTimestamp(-1)).toEqual({ seconds: -1, nanos: 999_000_000 });
  });

  it('round-trips any whole millisecond through the wire (seconds decode as Long)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS }), (ms) => {
        const decoded = google.protobuf.Timestamp.decode(
          google.protobuf.Timestamp.encode(toTimestamp(ms)).finish(),
        );
        return fromTimestamp(decoded) === ms;
      }),
    );
  });

  it('keeps nanos below one second when rounding sub-millisecond input', () => {
    expect(toTimestamp(999.9999999)).toEqual({ seconds: 1, nanos: 0 });
  });

  it('refuses non-finite input', () => {
    expect(() => toTimestamp(Number.NaN)).toThrow(RangeError);
    expect(() => toTimestamp(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('treats an absent Timestamp as undefined and absent parts as zero', () => {
    expect(fromOptionalTimestamp(undefined)).toBeUndefined();
    expect(fromOptionalTimestamp(null)).toBeUndefined();
    expect(fromTimestamp({})).toBe(0);
    expect(fromTimestamp({ seconds: 2, nanos: 5_999_999 })).toBe(2_005);
  });
});
