import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { MINUTE, T0, presence } from './__fixtures__/closers.js';
import { CloserPresenceInvalidError, isRosterError } from './errors.js';
import { closerFromPresence } from './presence-rules.js';

function refusal(report: warmline.v1.ICloserPresence): CloserPresenceInvalidError {
  try {
    closerFromPresence(report);
  } catch (err) {
    if (err instanceof CloserPresenceInvalidError) return err;
    throw err;
  }
  throw new Error('expected the presence to be refused');
}

describe('closerFromPresence', () => {
  it('turns a valid report into a Closer with epoch-ms times and a presence word', () => {
    expect(closerFromPresence(presence())).toEqual({
      closerId: 'closer-a',
      presence: 'available',
      skills: ['solar'],
      languages: ['en-US'],
      territories: [],
      timeZone: 'America/New_York',
      capacity: 1,
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        startMinute: 540,
        endMinute: 1020,
      })),
      reportedAtMs: T0 - MINUTE,
      displayName: 'Alex',
      address: '+15550100',
    });
  });

  it.each([
    [v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY, 'busy'],
    [v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AWAY, 'away'],
    [v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE, 'offline'],
  ])('maps presence state %s to %s', (state, word) => {
    expect(closerFromPresence(presence({ presence: state })).presence).toBe(word);
  });

  it.each<[string, Partial<warmline.v1.ICloserPresence>, string]>([
    ['an invalid closer id', { closerId: 'has.dot' }, 'closerId'],
    ['a missing closer id', { closerId: null }, 'closerId'],
    [
      'an unspecified presence',
      { presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_UNSPECIFIED },
      'presence',
    ],
    ['an unknown presence value', { presence: 42 as warmline.v1.CloserPresenceState }, 'presence'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['a missing capacity', { capacity: null }, 'capacity'],
    ['a made-up time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an empty time zone', { timeZone: '' }, 'timeZone'],
    ['no reportedAt', { reportedAt: null }, 'reportedAt'],
    ['a skill in the wrong case', { skills: ['solar', 'Enterprise'] }, 'skills[1]'],
    ['a language that is not BCP 47', { languages: ['english!'] }, 'languages[0]'],
    ['a blank territory', { territories: ['US-TX', ' '] }, 'territories[1]'],
    [
      'weekday 0',
      { workingHours: [{ weekday: 0, startMinute: 540, endMinute: 600 }] },
      'workingHours[0].weekday',
    ],
    [
      'weekday 8',
      { workingHours: [{ weekday: 8, startMinute: 540, endMinute: 600 }] },
      'workingHours[0].weekday',
    ],
    [
      'a start of 1440',
      { workingHours: [{ weekday: 1, startMinute: 1440, endMinute: 1440 }] },
      'workingHours[0].startMinute',
    ],
    [
      'an end before the start',
      { workingHours: [{ weekday: 1, startMinute: 600, endMinute: 540 }] },
      'workingHours[0].endMinute',
    ],
    [
      'an end equal to the start',
      { workingHours: [{ weekday: 1, startMinute: 600, endMinute: 600 }] },
      'workingHours[0].endMinute',
    ],
    [
      'an end past midnight',
      { workingHours: [{ weekday: 1, startMinute: 600, endMinute: 1441 }] },
      'workingHours[0].endMinute',
    ],
    [
      'a bad second period',
      {
        workingHours: [
          { weekday: 1, startMinute: 0, endMinute: 1440 },
          { weekday: 2, startMinute: 30 },
        ],
      },
      'workingHours[1].endMinute',
    ],
  ])('refuses %s, naming the field', (_name, overrides, field) => {
    const err = refusal(presence(overrides));
    expect(err.code).toBe('CLOSER_PRESENCE_INVALID');
    expect(err.field).toBe(field);
    expect(err.message).toContain(field);
    expect(isRosterError(err)).toBe(true);
  });

  it('accepts a whole day (0..1440) and a fractional-second report time', () => {
    const closer = closerFromPresence(
      presence({
        workingHours: [{ weekday: 7, startMinute: 0, endMinute: 1440 }],
        reportedAt: toTimestamp(T0 + 0.5),
      }),
    );
    expect(closer.workingHours).toEqual([{ weekday: 7, startMinute: 0, endMinute: 1440 }]);
    expect(closer.reportedAtMs).toBe(T0);
  });
});
