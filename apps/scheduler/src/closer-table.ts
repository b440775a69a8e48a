// The latest usable presence of every closer, as the slot search needs it. Reports arrive in
// stream order but may describe older moments: an older report never replaces a newer one. A
// report the scheduler cannot use (a bad zone or working hours) withdraws the closer.
import { fromOptionalTimestamp, type warmline } from '@warmline/contracts';
import { closerFromPresence, isSchedulingError, type SchedulingCloser } from '@warmline/scheduling';

interface Known {
  readonly reportedAtMs: number;
  /** null when the latest report cannot be used: the closer is not offered. */
  readonly closer: SchedulingCloser | null;
}

/** What applying one report did. */
export type PresenceOutcome = 'applied' | 'stale' | 'unusable' | 'ignored';

export class CloserTable {
  private readonly known = new Map<string, Known>();

  /** Takes the presence carried by `envelope`; `unusable` reports withdraw the closer. */
  apply(envelope: warmline.v1.IEnvelope): PresenceOutcome {
    const presence = envelope.closerPresence;
    if (!presence?.closerId) return 'ignored';
    const reportedAtMs =
      fromOptionalTimestamp(presence.reportedAt) ?? fromOptionalTimestamp(envelope.occurredAt) ?? 0;
    const held = this.known.get(presence.closerId);
    if (held && held.reportedAtMs > reportedAtMs) return 'stale';
    const closer = usable(presence);
    this.known.set(presence.closerId, { reportedAtMs, closer });
    return closer ? 'applied' : 'unusable';
  }

  /** The bookable closers, by closer id (the same order on every replica). */
  closers(): SchedulingCloser[] {
    return [...this.known.values()]
      .flatMap((k) => (k.closer ? [k.closer] : []))
      .sort((a, b) => (a.closerId < b.closerId ? -1 : a.closerId > b.closerId ? 1 : 0));
  }

  /** Closers heard of, usable or not. */
  get size(): number {
    return this.known.size;
  }
}

function usable(presence: warmline.v1.ICloserPresence): SchedulingCloser | null {
  try {
    return closerFromPresence(presence);
  } catch (err) {
    if (!isSchedulingError(err)) throw err;
    return null;
  }
}
