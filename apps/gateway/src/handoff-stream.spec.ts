import { v1 } from '@warmline/contracts';
import { RequestInvalidError } from './api-errors.js';
import { resumePoint } from './handoff-feed.js';
import { gapFrame, resumeAfter, sseFrame } from './handoff-stream.js';

const invalid = (run: () => unknown): { field?: string; message: string } => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(RequestInvalidError);
    const { field, message } = err as RequestInvalidError;
    return { field, message };
  }
  throw new Error('expected a RequestInvalidError');
};

describe('resumeAfter', () => {
  it('is null for a stream from now on (no header, or an empty one, and no query)', () => {
    expect(resumeAfter(undefined, undefined)).toBeNull();
    expect(resumeAfter('', undefined)).toBeNull();
  });

  it('reads the Last-Event-ID header, which wins over the query parameter', () => {
    expect(resumeAfter('42', undefined)).toBe(42);
    expect(resumeAfter('0', undefined)).toBe(0);
    expect(resumeAfter('42', '7')).toBe(42);
    expect(resumeAfter('', '7')).toBe(7);
    expect(resumeAfter(undefined, '9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('names the header or the parameter that is not a stream sequence', () => {
    expect(invalid(() => resumeAfter('evt-3f1c', undefined))).toEqual({
      field: 'Last-Event-ID',
      message:
        'Last-Event-ID must be the id of an event this stream sent (a stream sequence number), got "evt-3f1c"',
    });
    for (const bad of ['-1', '1.5', '007', ' 4', '4, 5', '9007199254740993', 'x'.repeat(500)]) {
      expect(invalid(() => resumeAfter(bad, undefined)).field).toBe('Last-Event-ID');
    }
    expect(invalid(() => resumeAfter(undefined, 'abc')).field).toBe('lastEventId');
    expect(invalid(() => resumeAfter(undefined, ['1', '2']))).toEqual({
      field: 'lastEventId',
      message: 'lastEventId must be given once',
    });
    expect(invalid(() => resumeAfter('x'.repeat(500), undefined)).message).toHaveLength(
      'Last-Event-ID must be the id of an event this stream sent (a stream sequence number), got ""'
        .length + 64,
    );
  });
});

describe('resumePoint', () => {
  it('starts just after the sequence asked for while the stream still has it', () => {
    // [after, first, last, start]: mid-stream; caught up (the next event published is the first
    // sent); everything up to it removed but nothing after; an empty stream never written to.
    const cases = [
      [10, 1, 20, 11],
      [20, 1, 20, 21],
      [20, 21, 20, 21],
      [0, 0, 0, 1],
    ] as const;
    for (const [after, firstSequence, lastSequence, startSequence] of cases) {
      expect(resumePoint(after, { firstSequence, lastSequence })).toEqual({
        startSequence,
        gap: null,
      });
    }
  });

  it('reports the events that retention removed and resumes at the first one kept', () => {
    expect(resumePoint(10, { firstSequence: 15, lastSequence: 20 })).toEqual({
      startSequence: 15,
      gap: { reason: 'RETENTION', afterSequence: 10, resumedAtSequence: 15 },
    });
  });

  it('starts over, saying so, when the sequence is beyond the end of the stream', () => {
    expect(resumePoint(500, { firstSequence: 1, lastSequence: 20 })).toEqual({
      startSequence: 1,
      gap: { reason: 'STREAM_RESET', afterSequence: 500, resumedAtSequence: 1 },
    });
    expect(resumePoint(3, { firstSequence: 0, lastSequence: 0 })).toEqual({
      startSequence: 1,
      gap: { reason: 'STREAM_RESET', afterSequence: 3, resumedAtSequence: 1 },
    });
  });
});

describe('SSE frames', () => {
  it('identify a handoff event by its stream sequence and carry the envelope as JSON', () => {
    const envelope = v1.Envelope.create({
      eventId: 'evt-1',
      interactionId: 'call-1',
      handoffEvent: { handoffId: 'h-1', state: v1.HandoffState.HANDOFF_STATE_RINGING },
    });
    const frame = sseFrame(envelope, 1234);
    const [id, event, data, ...rest] = frame.split('\n');
    expect([id, event]).toEqual(['id: 1234', 'event: handoffEvent']);
    expect(rest).toEqual(['', '']);
    expect(JSON.parse(data!.slice('data: '.length))).toMatchObject({
      eventId: 'evt-1',
      interactionId: 'call-1',
      handoffEvent: { handoffId: 'h-1', state: 'HANDOFF_STATE_RINGING' },
    });
  });

  it('send a gap without an id, so the last event id stays the last event received', () => {
    expect(gapFrame({ reason: 'RETENTION', afterSequence: 3, resumedAtSequence: 9 })).toBe(
      'event: gap\ndata: {"reason":"RETENTION","afterSequence":3,"resumedAtSequence":9}\n\n',
    );
  });
});
