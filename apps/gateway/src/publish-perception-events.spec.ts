import { PerceptionEventSchema } from './perception-event.schema.js';
import { perceptionEnvelopes } from './publish-perception-events.js';

const event = (eventId: string, sequence: number) =>
  PerceptionEventSchema.parse({
    eventId,
    sequence,
    occurredAt: '2026-11-24T15:04:05Z',
    callTimeout: { elapsedMs: 60_000, limitMs: 60_000 },
  });

describe('perceptionEnvelopes', () => {
  it('keeps the order of a batch', () => {
    const envelopes = perceptionEnvelopes(
      'call-1',
      { events: [event('b', 2), event('a', 1)] },
      'src',
    );
    expect(envelopes.map((e) => [e.eventId, e.sequence])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('refuses a batch that repeats an event id, naming the repeat', () => {
    expect(() =>
      perceptionEnvelopes(
        'call-1',
        { events: [event('a', 1), event('b', 2), event('a', 3)] },
        'src',
      ),
    ).toThrow(
      expect.objectContaining({
        field: 'events[2].eventId',
        message: expect.stringContaining('events[0]'),
      }),
    );
  });

  it('validates every event of a batch before returning any', () => {
    const bad = { ...event('b', 2), callTimeout: { limitMs: 0 } };
    expect(() => perceptionEnvelopes('call-1', { events: [event('a', 1), bad] }, 'src')).toThrow(
      expect.objectContaining({ field: 'events[1].callTimeout.limitMs' }),
    );
  });
});
