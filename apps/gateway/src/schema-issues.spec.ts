import { eventsBodySchema } from './perception-event.schema.js';
import { requestInvalidOf, type SchemaIssue } from './schema-issues.js';
import { TwilioCallbackSchema } from './twilio-callback.schema.js';

const body = eventsBodySchema(3);
const good = {
  eventId: 'ev-1',
  sequence: 1,
  occurredAt: '2026-11-24T15:04:05Z',
  silence: { durationMs: 900 },
};

function problemOf(
  schema: { safeParse(v: unknown): { error?: { issues: unknown[] } } },
  value: unknown,
) {
  const issues = schema.safeParse(value).error?.issues;
  if (issues === undefined) throw new Error('expected the value to be refused');
  return requestInvalidOf(issues as SchemaIssue[]);
}

describe('requestInvalidOf', () => {
  it('accepts a good event and a good batch', () => {
    expect(body.safeParse(good).success).toBe(true);
    expect(body.safeParse({ events: [good, { ...good, eventId: 'ev-2' }] }).success).toBe(true);
  });

  it('names the field of a single event, not the batch alternative', () => {
    const error = problemOf(body, { ...good, silence: { durationMs: 'long' } });
    expect(error.field).toBe('silence.durationMs');
    expect(error.message).toMatch(
      /^silence\.durationMs: Invalid input: expected number, received string$/,
    );
  });

  it('names the field inside a batch with its index', () => {
    const error = problemOf(body, { events: [good, { ...good, occurredAt: 'yesterday' }] });
    expect(error.field).toBe('events[1].occurredAt');
    expect(error.message).toMatch(/RFC 3339/);
  });

  it('reports an unknown (misspelt) field before what it left missing', () => {
    const error = problemOf(body, {
      eventID: 'ev-1',
      occurredAt: good.occurredAt,
      silence: good.silence,
    });
    expect(error.field).toBe('eventID');
    expect(error.message).toBe('eventID: unknown field (check its spelling)');
  });

  it('says "is required" for a missing field and explains an event with no case', () => {
    expect(problemOf(body, { ...good, eventId: undefined })).toMatchObject({
      field: 'eventId',
      message: 'eventId: Invalid input: is required (string)',
    });
    const none = problemOf(body, { eventId: 'ev-1', occurredAt: good.occurredAt });
    expect(none.field).toBe('event');
    expect(none.message).toMatch(/exactly one of callStarted, .* must be set, got none/);
  });

  it('refuses a batch larger than the limit', () => {
    const events = [1, 2, 3, 4].map((n) => ({ ...good, eventId: `ev-${n}` }));
    expect(problemOf(body, { events }).field).toBe('events');
  });

  it('keeps unknown Twilio form fields but names a bad known one', () => {
    expect(
      TwilioCallbackSchema.safeParse({ CallSid: 'CA1', CallStatus: 'ringing', NewField: 'x' })
        .success,
    ).toBe(true);
    expect(problemOf(TwilioCallbackSchema, { CallSid: 'CA1', AnsweredBy: 'robot' }).field).toBe(
      'AnsweredBy',
    );
    expect(problemOf(TwilioCallbackSchema, { CallSid: 'CA1' }).field).toBe('CallStatus');
  });

  it('prefixes a named parameter', () => {
    expect(requestInvalidOf([{ message: 'bad', path: [] }], 'interactionId').field).toBe(
      'interactionId',
    );
  });
});
