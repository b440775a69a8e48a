import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { CloserTable } from './closer-table.js';

const T0 = Date.UTC(2026, 2, 2, 12);

function presence(
  closerId: string,
  reportedAtMs: number,
  overrides: Partial<warmline.v1.ICloserPresence> = {},
): warmline.v1.IEnvelope {
  return {
    closerPresence: {
      closerId,
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE,
      timeZone: 'Europe/Berlin',
      workingHours: [{ weekday: 1, startMinute: 540, endMinute: 1020 }],
      reportedAt: toTimestamp(reportedAtMs),
      ...overrides,
    },
  };
}

describe('CloserTable', () => {
  it('offers every closer with usable hours, whatever their presence state, by closer id', () => {
    const table = new CloserTable();
    expect(table.apply(presence('c-2', T0))).toBe('applied');
    expect(table.apply(presence('c-1', T0))).toBe('applied');
    expect(table.closers().map((c) => c.closerId)).toEqual(['c-1', 'c-2']);
  });

  it('keeps the newer report when an older one arrives later', () => {
    const table = new CloserTable();
    table.apply(presence('c-1', T0 + 1_000, { timeZone: 'America/New_York' }));
    expect(table.apply(presence('c-1', T0))).toBe('stale');
    expect(table.closers()[0]!.timeZone).toBe('America/New_York');
  });

  it('withdraws a closer whose latest report cannot be scheduled', () => {
    const table = new CloserTable();
    table.apply(presence('c-1', T0));
    expect(table.apply(presence('c-1', T0 + 1, { timeZone: 'Mars/Olympus' }))).toBe('unusable');
    expect(table.closers()).toEqual([]);
    expect(table.size).toBe(1);
  });

  it('ignores envelopes without a closer', () => {
    expect(new CloserTable().apply({ interactionId: 'call-1' })).toBe('ignored');
  });
});
