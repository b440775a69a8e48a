import { v1 } from '@warmline/contracts';
import { findSlot } from './find-slot.js';
import { emptyCalendar } from './calendar.js';
import {
  InvalidAppointmentRequestError,
  InvalidCloserError,
  InvalidSchedulingOptionsError,
} from './errors.js';
import {
  HOUR,
  MINUTE,
  at,
  booking,
  calendarOf,
  closer,
  hours,
  request,
  utc,
} from './__fixtures__/scheduling.js';

const Reason = v1.AppointmentUnavailableReason;
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

// Monday 2025-03-10, the day after New York moved to EDT (UTC-4); Berlin is still on CET (UTC+1).
const MONDAY_NY = (time: string) => at(`2025-03-10T${time}`, NY);
const EARLY = utc('2025-03-10T08:00');

describe('findSlot: the slot', () => {
  const ana = closer('ana', NY);

  it('books the earliest free slot inside the window and the closer’s working hours', () => {
    const result = findSlot(
      request({ startMs: MONDAY_NY('07:00'), endMs: MONDAY_NY('12:00') }, EARLY),
      [ana],
      emptyCalendar(),
    );
    expect(result).toEqual({
      kind: 'slot',
      closerId: 'ana',
      startMs: MONDAY_NY('09:00'),
      endMs: MONDAY_NY('09:30'),
    });
  });

  it('starts no earlier than the lead time after now, on the next grid step', () => {
    const now = MONDAY_NY('10:02');
    const result = findSlot(
      request({ startMs: MONDAY_NY('10:00'), endMs: MONDAY_NY('12:00') }, now),
      [ana],
      emptyCalendar(),
    );
    expect(result).toMatchObject({ kind: 'slot', startMs: MONDAY_NY('10:30') });
    const noLead = findSlot(
      request({ startMs: MONDAY_NY('10:00'), endMs: MONDAY_NY('12:00') }, now),
      [ana],
      emptyCalendar(),
      { minLeadTimeMs: 0 },
    );
    expect(noLead).toMatchObject({ kind: 'slot', startMs: MONDAY_NY('10:15') });
  });

  it('aligns the grid to the closer’s local midnight, not to UTC', () => {
    // Kathmandu is UTC+05:45: with an hourly grid 10:00 local is 04:15Z, never 04:00Z.
    const kathmandu = closer('kiran', 'Asia/Kathmandu', { languages: ['en'] });
    const result = findSlot(
      request({ startMs: utc('2025-03-10T03:20'), endMs: utc('2025-03-10T08:00') }, EARLY - DAY_MS),
      [kathmandu],
      emptyCalendar(),
      { granularityMs: HOUR },
    );
    expect(result).toMatchObject({ kind: 'slot', startMs: utc('2025-03-10T04:15') });
  });

  it('keeps the buffer after an existing booking', () => {
    const calendar = calendarOf(booking('a1', 'ana', MONDAY_NY('09:00'), MONDAY_NY('09:30')));
    const result = findSlot(
      request({ startMs: MONDAY_NY('09:00'), endMs: MONDAY_NY('12:00') }, EARLY),
      [ana],
      calendar,
    );
    // 09:30 + 10 min buffer = 09:40, next grid step 09:45.
    expect(result).toMatchObject({ kind: 'slot', startMs: MONDAY_NY('09:45') });
  });

  it('keeps the buffer before an existing booking', () => {
    const calendar = calendarOf(booking('a1', 'ana', MONDAY_NY('10:00'), MONDAY_NY('10:30')));
    const result = findSlot(
      request({ startMs: MONDAY_NY('09:30'), endMs: MONDAY_NY('12:00') }, EARLY),
      [ana],
      calendar,
    );
    // 09:30-10:00 would end inside the 10 min before 10:00; the first free start is 10:45.
    expect(result).toMatchObject({ kind: 'slot', startMs: MONDAY_NY('10:45') });
    const noBuffer = findSlot(
      request({ startMs: MONDAY_NY('09:30'), endMs: MONDAY_NY('12:00') }, EARLY),
      [ana],
      calendar,
      { bufferMs: 0 },
    );
    expect(noBuffer).toMatchObject({ kind: 'slot', startMs: MONDAY_NY('09:30') });
  });

  it('ignores cancelled bookings', () => {
    const calendar = calendarOf(
      booking('a1', 'ana', MONDAY_NY('09:00'), MONDAY_NY('09:30'), { status: 'cancelled' }),
    );
    const result = findSlot(
      request({ startMs: MONDAY_NY('09:00'), endMs: MONDAY_NY('12:00') }, EARLY),
      [ana],
      calendar,
    );
    expect(result).toMatchObject({ kind: 'slot', startMs: MONDAY_NY('09:00') });
  });

  it('keeps the whole slot inside one working period (a lunch break splits the day)', () => {
    const split = closer('ana', NY, {
      workingHours: [...hours([1], 9 * 60, 12 * 60), ...hours([1], 13 * 60, 17 * 60)],
    });
    const ninetyMinutes = request(
      { startMs: MONDAY_NY('10:45'), endMs: MONDAY_NY('15:00') },
      EARLY,
      { durationMs: 90 * MINUTE },
    );
    expect(findSlot(ninetyMinutes, [split], emptyCalendar())).toMatchObject({
      startMs: MONDAY_NY('13:00'),
    });
    const continuous = closer('ana', NY, {
      workingHours: [...hours([1], 9 * 60, 12 * 60), ...hours([1], 12 * 60, 17 * 60)],
    });
    expect(findSlot(ninetyMinutes, [continuous], emptyCalendar())).toMatchObject({
      startMs: MONDAY_NY('10:45'),
    });
  });

  it('prefers the earliest start over a less busy closer', () => {
    const ben = closer('ben', NY, { workingHours: hours([1], 10 * 60, 17 * 60) });
    const calendar = calendarOf(
      booking('a1', 'ana', MONDAY_NY('15:00'), MONDAY_NY('15:30')),
      booking('a2', 'ana', MONDAY_NY('16:00'), MONDAY_NY('16:30')),
    );
    const result = findSlot(
      request({ startMs: MONDAY_NY('09:00'), endMs: MONDAY_NY('12:00') }, EARLY),
      [ben, ana],
      calendar,
    );
    expect(result).toMatchObject({ closerId: 'ana', startMs: MONDAY_NY('09:00') });
  });

  it('gives equal starts to the closer with fewer bookings that day, then the lower id', () => {
    const ben = closer('ben', NY);
    const window = { startMs: MONDAY_NY('09:00'), endMs: MONDAY_NY('12:00') };
    const anaBusier = calendarOf(
      booking('a1', 'ana', MONDAY_NY('15:00'), MONDAY_NY('15:30')),
      booking('b1', 'ben', at('2025-03-11T15:00', NY), at('2025-03-11T15:30', NY)),
    );
    expect(findSlot(request(window, EARLY), [ana, ben], anaBusier)).toMatchObject({
      closerId: 'ben',
      startMs: MONDAY_NY('09:00'),
    });
    expect(findSlot(request(window, EARLY), [ben, ana], emptyCalendar())).toMatchObject({
      closerId: 'ana',
    });
  });
});

describe('findSlot: time zones and daylight saving', () => {
  it('reads a New York closer’s 09:00 on the Monday after spring-forward as EDT', () => {
    const ana = closer('ana', NY);
    // The window runs from Saturday (EST) across the Sunday switch into Monday (EDT).
    const window = { startMs: at('2025-03-08T12:00', NY), endMs: at('2025-03-10T12:00', NY) };
    const result = findSlot(request(window, utc('2025-03-08T00:00')), [ana], emptyCalendar());
    expect(result).toMatchObject({ kind: 'slot', startMs: utc('2025-03-10T13:00') });
  });

  it('books a Berlin closer across New York’s switch while Berlin has not switched yet', () => {
    const klaus = closer('klaus', BERLIN);
    // Buyer in New York says "Monday between 3 and 6 in the morning" (EDT, UTC-4).
    const window = { startMs: MONDAY_NY('03:00'), endMs: MONDAY_NY('06:00') };
    const result = findSlot(request(window, utc('2025-03-09T00:00')), [klaus], emptyCalendar());
    // 09:00 in Berlin (CET, UTC+1) is 08:00Z = 04:00 in New York: five hours apart this week, not six.
    expect(result).toMatchObject({
      kind: 'slot',
      startMs: at('2025-03-10T09:00', BERLIN),
      endMs: at('2025-03-10T09:30', BERLIN),
    });
    expect(result.kind === 'slot' && result.startMs).toBe(MONDAY_NY('04:00'));
  });

  it('books a Berlin closer’s first hour after Berlin falls back, before New York does', () => {
    const klaus = closer('klaus', BERLIN);
    // Monday 2025-10-27: Berlin is on CET (UTC+1) again, New York still on EDT (UTC-4).
    const window = { startMs: at('2025-10-27T03:00', NY), endMs: at('2025-10-27T05:00', NY) };
    const result = findSlot(request(window, utc('2025-10-26T00:00')), [klaus], emptyCalendar());
    expect(result).toMatchObject({ kind: 'slot', startMs: utc('2025-10-27T08:00') });
  });

  it('counts elapsed time across the spring-forward gap inside a working period', () => {
    // 01:00-04:00 on the night New York skips 02:00-03:00 is only two real hours.
    const night = closer('nina', NY, { workingHours: hours([7], 60, 4 * 60) });
    const window = { startMs: at('2025-03-09T00:00', NY), endMs: at('2025-03-09T12:00', NY) };
    const now = utc('2025-03-08T00:00');
    const twoHours = request(window, now, { durationMs: 2 * HOUR });
    expect(findSlot(twoHours, [night], emptyCalendar())).toMatchObject({
      kind: 'slot',
      startMs: utc('2025-03-09T06:00'),
      endMs: utc('2025-03-09T08:00'),
    });
    const threeHours = request(window, now, { durationMs: 3 * HOUR });
    expect(findSlot(threeHours, [night], emptyCalendar(), { maxAlternatives: 0 })).toMatchObject({
      kind: 'unavailable',
      reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
    });
  });

  it('keeps the grid on local wall time across a 30-minute switch (Lord Howe)', () => {
    // 2025-04-06 02:00 (+11) becomes 01:30 (+10:30). 02:00 local is then 15:30Z, not 15:00Z.
    const lordHowe = closer('lh', 'Australia/Lord_Howe', { workingHours: hours([7], 60, 180) });
    const calendar = calendarOf(
      booking('b1', 'lh', utc('2025-04-05T14:00'), utc('2025-04-05T14:30')),
    );
    const window = { startMs: utc('2025-04-05T13:00'), endMs: utc('2025-04-05T17:00') };
    const result = findSlot(request(window, utc('2025-04-04T00:00')), [lordHowe], calendar, {
      granularityMs: HOUR,
      bufferMs: 0,
    });
    expect(result).toMatchObject({ kind: 'slot', startMs: utc('2025-04-05T15:30') });
  });

  it('counts the repeated hour of fall-back inside a working period', () => {
    // 02:00-03:00 on the night Berlin repeats 02:00-03:00 runs from 02:00 CEST to 03:00 CET: two hours.
    const night = closer('nina', BERLIN, { workingHours: hours([7], 2 * 60, 3 * 60) });
    const window = { startMs: utc('2025-10-25T12:00'), endMs: utc('2025-10-26T12:00') };
    const result = findSlot(
      request(window, utc('2025-10-25T00:00'), { durationMs: 2 * HOUR }),
      [night],
      emptyCalendar(),
    );
    expect(result).toMatchObject({
      kind: 'slot',
      startMs: utc('2025-10-26T00:00'),
      endMs: utc('2025-10-26T02:00'),
    });
  });
});

describe('findSlot: unavailable', () => {
  const ana = closer('ana', NY);

  it('says CONSENT_WINDOW_MISSING without a window, offering the soonest slots', () => {
    const result = findSlot(request(null, EARLY), [ana], emptyCalendar());
    expect(result).toMatchObject({
      kind: 'unavailable',
      reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_CONSENT_WINDOW_MISSING,
    });
    expect(result.kind === 'unavailable' && result.alternatives.map((s) => s.startMs)).toEqual([
      MONDAY_NY('09:00'),
      MONDAY_NY('09:15'),
      MONDAY_NY('09:30'),
    ]);
  });

  it('says WINDOW_IN_PAST when the window is over, offering the soonest slots after now', () => {
    const window = { startMs: MONDAY_NY('09:00'), endMs: MONDAY_NY('10:00') };
    const result = findSlot(request(window, MONDAY_NY('10:00')), [ana], emptyCalendar());
    expect(result).toMatchObject({
      kind: 'unavailable',
      reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_WINDOW_IN_PAST,
      alternatives: [
        { closerId: 'ana', startMs: MONDAY_NY('10:15') },
        { startMs: MONDAY_NY('10:30') },
        { startMs: MONDAY_NY('10:45') },
      ],
    });
  });

  it('says NO_SUITABLE_CLOSER when no closer has the skills, language or territory', () => {
    const window = { startMs: MONDAY_NY('09:00'), endMs: MONDAY_NY('12:00') };
    const newYorker = closer('nyc', NY, { territories: ['US-NY'] });
    const base = { skills: ['solar'], language: 'en-US', territory: 'US-NY' };
    expect(
      findSlot(request(window, EARLY, { needs: base }), [newYorker], emptyCalendar()),
    ).toMatchObject({
      kind: 'slot',
    });
    for (const needs of [
      { ...base, skills: ['solar', 'enterprise'] },
      { ...base, language: 'de-DE' },
      { ...base, territory: 'US-TX' },
    ]) {
      const result = findSlot(request(window, EARLY, { needs }), [newYorker], emptyCalendar());
      expect(result).toMatchObject({
        kind: 'unavailable',
        reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SUITABLE_CLOSER,
        alternatives: [],
      });
    }
  });

  it('says NO_SLOT_IN_WINDOW with the nearest slots before and after the window, never inside it', () => {
    // Free only 09:00-10:00 and 15:00-17:00; the buyer wants 10:00-15:00.
    const calendar = calendarOf(booking('lunch', 'ana', MONDAY_NY('10:10'), MONDAY_NY('14:50')));
    const window = { startMs: MONDAY_NY('10:00'), endMs: MONDAY_NY('15:00') };
    const result = findSlot(request(window, EARLY), [ana], calendar, { maxAlternatives: 4 });
    expect(result.kind).toBe('unavailable');
    if (result.kind !== 'unavailable') return;
    expect(result.reason).toBe(Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW);
    // 09:30-10:00 is 30 min outside the window, 15:00-15:30 30 min, then 09:15 and 15:15 (45 min).
    expect(result.alternatives).toEqual([
      { closerId: 'ana', startMs: MONDAY_NY('09:30'), endMs: MONDAY_NY('10:00') },
      { closerId: 'ana', startMs: MONDAY_NY('15:00'), endMs: MONDAY_NY('15:30') },
      { closerId: 'ana', startMs: MONDAY_NY('09:15'), endMs: MONDAY_NY('09:45') },
      { closerId: 'ana', startMs: MONDAY_NY('15:15'), endMs: MONDAY_NY('15:45') },
    ]);
    expect(result.detail).toContain('no suitable closer is free for 30 min');
  });

  it('offers one closer per start time, the fairest', () => {
    const ben = closer('ben', NY);
    const window = { startMs: at('2025-03-08T09:00', NY), endMs: at('2025-03-08T17:00', NY) };
    const now = at('2025-03-07T08:00', NY);
    const anaBusyFriday = calendarOf(
      booking('a1', 'ana', at('2025-03-07T10:00', NY), at('2025-03-07T10:30', NY)),
    );
    const result = findSlot(request(window, now), [ben, ana], anaBusyFriday);
    expect(result).toMatchObject({
      kind: 'unavailable',
      alternatives: [
        // Nobody works on Saturday; Friday's last and Monday's first are the nearest.
        { closerId: 'ben', startMs: at('2025-03-07T16:30', NY) },
        { closerId: 'ben', startMs: at('2025-03-07T16:15', NY) },
        { closerId: 'ben', startMs: at('2025-03-07T16:00', NY) },
      ],
    });
  });

  it('offers slots straddling the window edge when the window is shorter than the appointment', () => {
    const window = { startMs: MONDAY_NY('10:00'), endMs: MONDAY_NY('10:20') };
    const result = findSlot(request(window, EARLY), [ana], emptyCalendar());
    expect(result).toMatchObject({
      kind: 'unavailable',
      reason: Reason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
      alternatives: [
        { startMs: MONDAY_NY('10:00') }, // 10 min outside, after the end
        { startMs: MONDAY_NY('09:45') }, // 15 min outside, before the start
        { startMs: MONDAY_NY('10:15') }, // 25 min outside
      ],
    });
  });

  it('among slots equally far outside a short window, offers those starting nearest its start', () => {
    // Every 60-minute slot starting 09:10..10:00 covers the 5-minute window: 55 min outside each.
    const window = { startMs: MONDAY_NY('10:00'), endMs: MONDAY_NY('10:05') };
    const hour = request(window, EARLY, { durationMs: HOUR });
    const result = findSlot(hour, [ana], emptyCalendar(), { granularityMs: 5 * MINUTE });
    expect(result.kind === 'unavailable' && result.alternatives.map((s) => s.startMs)).toEqual([
      MONDAY_NY('10:00'),
      MONDAY_NY('09:55'),
      MONDAY_NY('09:50'),
    ]);
  });

  it('never offers a slot starting before the lead time', () => {
    const window = { startMs: MONDAY_NY('10:00'), endMs: MONDAY_NY('10:20') };
    const result = findSlot(request(window, MONDAY_NY('09:40')), [ana], emptyCalendar());
    expect(result.kind === 'unavailable' && result.alternatives.map((s) => s.startMs)).toEqual([
      MONDAY_NY('10:00'),
      MONDAY_NY('10:15'),
      MONDAY_NY('10:30'),
    ]);
  });
});

describe('findSlot: bad input', () => {
  const ana = closer('ana', NY);
  const window = { startMs: MONDAY_NY('09:00'), endMs: MONDAY_NY('12:00'), timeZone: NY };

  it.each([
    [{ durationMs: 0 }, 'durationMs'],
    [{ durationMs: 1.5 }, 'durationMs'],
    [{ nowMs: Number.NaN }, 'nowMs'],
    [{ window: { ...window, endMs: window.startMs } }, 'window.endMs'],
    [{ window: { ...window, timeZone: 'Eastern' } }, 'window.timeZone'],
  ])('refuses %j naming %s', (overrides, field) => {
    const attempt = () =>
      findSlot({ ...request(window, EARLY), ...overrides }, [ana], emptyCalendar());
    expect(attempt).toThrow(InvalidAppointmentRequestError);
    expect(attempt).toThrow(expect.objectContaining({ field }));
  });

  it('refuses the same closer twice', () => {
    expect(() => findSlot(request(window, EARLY), [ana, ana], emptyCalendar())).toThrow(
      InvalidCloserError,
    );
  });

  it.each([
    [{ granularityMs: 90_000 }, 'granularityMs'],
    [{ granularityMs: 0 }, 'granularityMs'],
    [{ bufferMs: -1 }, 'bufferMs'],
    [{ maxAlternatives: 1.5 }, 'maxAlternatives'],
  ])('refuses options %j naming %s', (options, field) => {
    const attempt = () => findSlot(request(window, EARLY), [ana], emptyCalendar(), options);
    expect(attempt).toThrow(InvalidSchedulingOptionsError);
    expect(attempt).toThrow(expect.objectContaining({ field }));
  });
});

const DAY_MS = 24 * HOUR;
