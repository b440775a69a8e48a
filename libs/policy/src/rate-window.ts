// A sliding-window counter of escalation instants for one team, as plain JSON data so the app can
// keep it in a KV entry (compare-and-set) and share it between governor instances.
import { RateWindowError } from './errors.js';

/** The span the escalationsPerMinute control counts over. */
export const ESCALATION_RATE_WINDOW_MS = 60_000;

/** Recorded instants (ms, ascending) within the last `spanMs`, at most `maxEvents` of them. */
export interface RateWindow {
  readonly spanMs: number;
  readonly maxEvents: number;
  readonly events: readonly number[];
}

/** Functions over RateWindow values (they never mutate their input). */
export const RateWindow = {
  /**
   * An empty window keeping `spanMs` (default one minute) of history and at most `maxEvents`
   * (default 1024) instants; pick maxEvents above any limit it is compared with, because
   * counts saturate there.
   */
  empty(options: { readonly spanMs?: number; readonly maxEvents?: number } = {}): RateWindow {
    const spanMs = options.spanMs ?? ESCALATION_RATE_WINDOW_MS;
    const maxEvents = options.maxEvents ?? 1024;
    if (!Number.isInteger(spanMs) || spanMs < 1) {
      throw new RateWindowError(`spanMs must be an integer ≥ 1, got ${spanMs}`);
    }
    if (!Number.isInteger(maxEvents) || maxEvents < 1) {
      throw new RateWindowError(`maxEvents must be an integer ≥ 1, got ${maxEvents}`);
    }
    return { spanMs, maxEvents, events: [] };
  },

  /** The window with one more event at `nowMs`; instants older than the span are dropped. */
  record(window: RateWindow, nowMs: number): RateWindow {
    if (!Number.isFinite(nowMs)) throw new RateWindowError(`nowMs must be finite, got ${nowMs}`);
    const kept = window.events.filter((at) => at > nowMs - window.spanMs);
    // Instants from another instance can arrive slightly out of order: insert, do not append.
    const index = kept.findIndex((at) => at > nowMs);
    const events =
      index === -1 ? [...kept, nowMs] : [...kept.slice(0, index), nowMs, ...kept.slice(index)];
    return { ...window, events: events.slice(-window.maxEvents) };
  },

  /**
   * Events in the `windowMs` (default: the span) before `nowMs`. Instants after `nowMs` (clock
   * skew between instances) count too: a rate limit should err towards limiting.
   */
  countIn(window: RateWindow, nowMs: number, windowMs: number = window.spanMs): number {
    if (!(windowMs > 0 && windowMs <= window.spanMs)) {
      throw new RateWindowError(
        `windowMs must be in 1..${window.spanMs} (the span kept), got ${windowMs}`,
      );
    }
    return window.events.filter((at) => at > nowMs - windowMs).length;
  },
};
