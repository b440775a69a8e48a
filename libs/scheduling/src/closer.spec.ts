import { v1 } from '@warmline/contracts';
import { closerSuits } from './closer-needs.js';
import { closerFromPresence, schedulingCloser } from './closer.js';
import { InvalidCloserError } from './errors.js';
import { closer } from './__fixtures__/scheduling.js';

describe('closerFromPresence', () => {
  it('takes id, name, address, zone, hours and routing attributes from the presence report', () => {
    const presence = v1.CloserPresence.create({
      closerId: 'dana',
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE,
      skills: ['solar'],
      languages: ['es-MX'],
      territories: ['US-TX'],
      timeZone: 'America/Chicago',
      capacity: 1,
      workingHours: [{ weekday: 2, startMinute: 600, endMinute: 720 }],
      displayName: 'Dana Reyes',
      address: '+15125550100',
    });
    expect(closerFromPresence(presence)).toEqual({
      closerId: 'dana',
      displayName: 'Dana Reyes',
      address: '+15125550100',
      timeZone: 'America/Chicago',
      workingHours: [{ weekday: 2, startMinute: 600, endMinute: 720 }],
      skills: ['solar'],
      languages: ['es-MX'],
      territories: ['US-TX'],
    });
  });

  it('refuses a presence without a usable time zone, naming the field', () => {
    expect(() => closerFromPresence({ closerId: 'dana', timeZone: 'Central' })).toThrow(
      expect.objectContaining({ code: 'CLOSER_INVALID', field: 'timeZone', closerId: 'dana' }),
    );
  });
});

describe('schedulingCloser', () => {
  const base = { closerId: 'c1', timeZone: 'Europe/Berlin' };

  it.each([
    [{ weekday: 0, startMinute: 0, endMinute: 60 }, 'workingHours[0].weekday'],
    [{ weekday: 8, startMinute: 0, endMinute: 60 }, 'workingHours[0].weekday'],
    [{ weekday: 1, startMinute: 1440, endMinute: 1440 }, 'workingHours[0].startMinute'],
    [{ weekday: 1, startMinute: 600, endMinute: 600 }, 'workingHours[0].endMinute'],
    [{ weekday: 1, startMinute: 600, endMinute: 1441 }, 'workingHours[0].endMinute'],
    [{ weekday: 1, startMinute: 9.5, endMinute: 600 }, 'workingHours[0].startMinute'],
  ])('refuses working hours %j naming %s', (period, field) => {
    const attempt = () => schedulingCloser({ ...base, workingHours: [period] });
    expect(attempt).toThrow(InvalidCloserError);
    expect(attempt).toThrow(expect.objectContaining({ field }));
  });

  it('refuses an id that cannot be a subject token', () => {
    expect(() => schedulingCloser({ ...base, closerId: 'a.b', workingHours: [] })).toThrow(
      expect.objectContaining({ code: 'CLOSER_INVALID', field: 'closerId' }),
    );
  });

  it('sorts working hours and merges touching or overlapping periods of the same day', () => {
    const result = schedulingCloser({
      ...base,
      workingHours: [
        { weekday: 2, startMinute: 780, endMinute: 1020 },
        { weekday: 1, startMinute: 720, endMinute: 1020 },
        { weekday: 1, startMinute: 540, endMinute: 720 },
        { weekday: 2, startMinute: 540, endMinute: 720 },
        { weekday: 2, startMinute: 800, endMinute: 900 },
      ],
    });
    expect(result.workingHours).toEqual([
      { weekday: 1, startMinute: 540, endMinute: 1020 },
      { weekday: 2, startMinute: 540, endMinute: 720 },
      { weekday: 2, startMinute: 780, endMinute: 1020 },
    ]);
  });
});

describe('closerSuits', () => {
  const dana = closer('dana', 'America/Chicago', {
    skills: ['solar', 'battery'],
    languages: ['es-ES', 'en-GB'],
    territories: ['US-TX', 'US-OK'],
  });

  it('needs every requested skill', () => {
    expect(closerSuits(dana, { skills: ['solar', 'battery'] })).toBe(true);
    expect(closerSuits(dana, { skills: ['solar', 'enterprise'] })).toBe(false);
  });

  it('matches languages on the primary subtag, case-insensitively', () => {
    expect(closerSuits(dana, { language: 'es-MX' })).toBe(true);
    expect(closerSuits(dana, { language: 'EN' })).toBe(true);
    expect(closerSuits(dana, { language: 'fr-CA' })).toBe(false);
    expect(closerSuits(closer('x', 'UTC', { languages: [] }), { language: 'en' })).toBe(false);
  });

  it('needs the territory unless the closer covers all territories', () => {
    expect(closerSuits(dana, { territory: 'US-OK' })).toBe(true);
    expect(closerSuits(dana, { territory: 'US-NY' })).toBe(false);
    expect(closerSuits(closer('x', 'UTC', { territories: [] }), { territory: 'US-NY' })).toBe(true);
  });

  it('is not constrained by needs left empty', () => {
    expect(closerSuits(dana, { skills: [], language: '', territory: '' })).toBe(true);
  });
});
