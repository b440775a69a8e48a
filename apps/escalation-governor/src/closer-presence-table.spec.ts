import { toTimestamp, v1 } from '@warmline/contracts';
import { CloserPresenceTable } from './closer-presence-table.js';

const T0 = Date.UTC(2025, 5, 2, 15);
const State = v1.CloserPresenceState;

function report(closerId: string, presence: number, atMs: number) {
  return {
    eventId: `p-${closerId}-${atMs}`,
    closerPresence: { closerId, presence, reportedAt: toTimestamp(atMs) },
  };
}

describe('CloserPresenceTable', () => {
  it('counts the closers whose latest presence is AVAILABLE', () => {
    const table = new CloserPresenceTable();
    table.apply(report('a', State.CLOSER_PRESENCE_STATE_AVAILABLE, T0));
    table.apply(report('b', State.CLOSER_PRESENCE_STATE_AVAILABLE, T0));
    table.apply(report('c', State.CLOSER_PRESENCE_STATE_BUSY, T0));
    expect(table.available()).toBe(2);
    table.apply(report('a', State.CLOSER_PRESENCE_STATE_OFFLINE, T0 + 1_000));
    expect(table.available()).toBe(1);
  });

  it('never lets an older report overwrite a newer one', () => {
    const table = new CloserPresenceTable();
    table.apply(report('a', State.CLOSER_PRESENCE_STATE_BUSY, T0 + 1_000));
    table.apply(report('a', State.CLOSER_PRESENCE_STATE_AVAILABLE, T0));
    expect(table.available()).toBe(0);
  });

  it('ignores envelopes without a closer presence', () => {
    const table = new CloserPresenceTable();
    table.apply({
      eventId: 'x',
      closerPresence: { presence: State.CLOSER_PRESENCE_STATE_AVAILABLE },
    });
    table.apply({ eventId: 'y' });
    expect(table.available()).toBe(0);
  });
});
