// Timestamp policy: on the wire every instant is a google.protobuf.Timestamp (UTC). In TypeScript we
// work in milliseconds since the Unix epoch (`number`, like Date.now()). protobufjs decodes the int64
// `seconds` as a Long object (or a number when Long is absent), so always convert with these helpers
// instead of reading `seconds` directly.
import type { google } from './generated/warmline.js';

type LongLike = { toNumber(): number };

/** Converts milliseconds since the epoch to a Timestamp (nanos always in 0..999_999_999). */
export function toTimestamp(ms: number): google.protobuf.ITimestamp {
  if (!Number.isFinite(ms)) {
    throw new RangeError(`toTimestamp: ${ms} is not a finite number of milliseconds`);
  }
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1_000_000);
  // Rounding a fraction just below a whole second can yield a full second of nanos.
  return nanos >= 1_000_000_000 ? { seconds: seconds + 1, nanos: 0 } : { seconds, nanos };
}

/** Converts a Timestamp to milliseconds since the epoch (sub-millisecond nanos are truncated). */
export function fromTimestamp(ts: google.protobuf.ITimestamp): number {
  return secondsOf(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1_000_000);
}

/** Like fromTimestamp, but an absent Timestamp (unset message field) gives `undefined`. */
export function fromOptionalTimestamp(
  ts: google.protobuf.ITimestamp | null | undefined,
): number | undefined {
  return ts == null ? undefined : fromTimestamp(ts);
}

function secondsOf(seconds: number | LongLike | null | undefined): number {
  if (seconds == null) return 0;
  return typeof seconds === 'number' ? seconds : seconds.toNumber();
}
