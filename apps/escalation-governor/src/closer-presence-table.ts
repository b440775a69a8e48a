// The latest presence of every closer, as the governor's capacity snapshot needs it. A report older
// than the one held never overwrites it (presence can arrive out of order from several desks).
import { fromOptionalTimestamp, v1, type warmline } from '@warmline/contracts';

export class CloserPresenceTable {
  private readonly latest = new Map<
    string,
    { readonly state: warmline.v1.CloserPresenceState; readonly reportedAtMs: number }
  >();

  /** Takes the presence in `envelope` unless a newer one is held; ignores other envelopes. */
  apply(envelope: warmline.v1.IEnvelope): void {
    const presence = envelope.closerPresence;
    if (!presence?.closerId) return;
    const reportedAtMs =
      fromOptionalTimestamp(presence.reportedAt) ?? fromOptionalTimestamp(envelope.occurredAt) ?? 0;
    const held = this.latest.get(presence.closerId);
    if (held && held.reportedAtMs > reportedAtMs) return;
    this.latest.set(presence.closerId, {
      state: presence.presence ?? v1.CloserPresenceState.CLOSER_PRESENCE_STATE_UNSPECIFIED,
      reportedAtMs,
    });
  }

  /** Closers whose latest presence is AVAILABLE. */
  available(): number {
    let count = 0;
    for (const { state } of this.latest.values()) {
      if (state === v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE) count += 1;
    }
    return count;
  }
}
