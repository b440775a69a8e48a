import { fromTimestamp, v1 } from '@warmline/contracts';
import { CloserPresenceSchema, presenceReport } from './closer-presence.js';

const RECEIVED = Date.UTC(2026, 10, 24, 15);
const report = (fields: object = {}) =>
  CloserPresenceSchema.parse({
    presence: 'CLOSER_PRESENCE_STATE_AVAILABLE',
    timeZone: 'America/Denver',
    capacity: 2,
    skills: ['solar'],
    workingHours: [{ weekday: 1, endMinute: 600 }],
    ...fields,
  });

describe('presenceReport', () => {
  it('builds the CloserPresence for the path closer, reported now unless the body says when', () => {
    const { presence, eventId } = presenceReport('c-17', report({ presence: 'BUSY' }), RECEIVED);
    expect(presence).toMatchObject({
      closerId: 'c-17',
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY,
      capacity: 2,
      workingHours: [{ weekday: 1, startMinute: 0, endMinute: 600 }],
    });
    expect(fromTimestamp(presence.reportedAt!)).toBe(RECEIVED);
    expect(eventId).toMatch(/^presence-c-17-[A-Za-z0-9_-]{22}$/);
    const dated = presenceReport('c-17', report({ reportedAt: '2026-11-24T14:00:00Z' }), RECEIVED);
    expect(fromTimestamp(dated.presence.reportedAt!)).toBe(Date.UTC(2026, 10, 24, 14));
  });

  it('derives the event id from the content: the same report is a duplicate, a changed one is not', () => {
    const first = presenceReport('c-17', report(), RECEIVED).eventId;
    expect(presenceReport('c-17', report(), RECEIVED).eventId).toBe(first);
    expect(presenceReport('c-17', report({ capacity: 3 }), RECEIVED).eventId).not.toBe(first);
    expect(presenceReport('c-17', report(), RECEIVED + 1).eventId).not.toBe(first);
  });

  it.each([
    [{ capacity: 0 }, 'capacity'],
    [{ timeZone: 'Mars/Base' }, 'timeZone'],
    [{ skills: ['Solar Panels'] }, 'skills[0]'],
    [{ workingHours: [{ weekday: 8, endMinute: 10 }] }, 'workingHours[0].weekday'],
    [{ closerId: 'c-18' }, 'closerId'],
  ])('refuses %j naming %s', (fields, field) => {
    expect(() => presenceReport('c-17', report(fields), RECEIVED)).toThrow(
      expect.objectContaining({ status: 400, field }),
    );
  });
});
