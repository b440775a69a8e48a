import { toTimestamp, v1 } from '@warmline/contracts';
import { MINUTE, T0, presence, rosterOf } from './__fixtures__/closers.js';
import { closerToPresence } from './closer.js';
import { CloserPresenceInvalidError } from './errors.js';
import { applyPresence, emptyRoster, findCloser, rosterClosers } from './roster.js';

const BUSY = v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY;

describe('applyPresence', () => {
  it('adds a closer the roster has not seen', () => {
    const roster = applyPresence(emptyRoster(), presence());
    expect(findCloser(roster, 'closer-a')?.presence).toBe('available');
  });

  it('replaces the stored closer with a newer report', () => {
    const roster = rosterOf(presence(), presence({ presence: BUSY, reportedAt: toTimestamp(T0) }));
    expect(findCloser(roster, 'closer-a')?.presence).toBe('busy');
  });

  it('ignores a report older than the stored one and returns the same roster', () => {
    const roster = rosterOf(presence({ reportedAt: toTimestamp(T0) }));
    const late = presence({ presence: BUSY, reportedAt: toTimestamp(T0 - MINUTE) });
    const after = applyPresence(roster, late);
    expect(after).toBe(roster);
    expect(findCloser(after, 'closer-a')?.presence).toBe('available');
  });

  it('lets a report as new as the stored one replace it (it arrived later)', () => {
    const roster = rosterOf(presence(), presence({ presence: BUSY }));
    expect(findCloser(roster, 'closer-a')?.presence).toBe('busy');
  });

  it('refuses an invalid report and leaves the roster untouched', () => {
    const roster = rosterOf(presence());
    expect(() => applyPresence(roster, presence({ capacity: 0 }))).toThrow(
      CloserPresenceInvalidError,
    );
    expect(findCloser(roster, 'closer-a')?.capacity).toBe(1);
  });

  it('does not change the roster it was given', () => {
    const roster = rosterOf(presence());
    const snapshot = JSON.stringify(roster);
    applyPresence(roster, presence({ closerId: 'closer-b', reportedAt: toTimestamp(T0) }));
    expect(JSON.stringify(roster)).toBe(snapshot);
  });

  it('survives a JSON round trip (the roster is plain data)', () => {
    const roster = rosterOf(presence(), presence({ closerId: 'closer-b' }));
    expect(JSON.parse(JSON.stringify(roster))).toEqual(roster);
  });
});

describe('findCloser and rosterClosers', () => {
  it('finds nothing for ids that are Object.prototype members', () => {
    const roster = rosterOf(presence());
    expect(findCloser(roster, 'constructor')).toBeNull();
    expect(findCloser(roster, 'toString')).toBeNull();
  });

  it('keeps "__proto__" as an ordinary closer id', () => {
    const roster = rosterOf(presence({ closerId: '__proto__' }));
    expect(findCloser(roster, '__proto__')?.closerId).toBe('__proto__');
    expect(rosterClosers(roster).map((c) => c.closerId)).toEqual(['__proto__']);
  });

  it('lists closers ordered by id', () => {
    const roster = rosterOf(
      presence({ closerId: 'b' }),
      presence({ closerId: 'a' }),
      presence({ closerId: 'C' }),
    );
    expect(rosterClosers(roster).map((c) => c.closerId)).toEqual(['C', 'a', 'b']);
  });
});

describe('closerToPresence', () => {
  it('is the inverse of closerFromPresence', () => {
    const report = presence({ territories: ['US-TX'], capacity: 2 });
    const roster = rosterOf(report);
    const closer = findCloser(roster, 'closer-a');
    expect(closer).not.toBeNull();
    expect(applyPresence(emptyRoster(), closerToPresence(closer!))).toEqual(roster);
    expect(
      v1.CloserPresence.toObject(v1.CloserPresence.fromObject(closerToPresence(closer!))),
    ).toMatchObject({
      closerId: 'closer-a',
      capacity: 2,
      territories: ['US-TX'],
    });
  });
});
