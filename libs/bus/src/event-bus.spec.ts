// The plain bus on a real nats-server: publishing, partitioned consumption, settlement and
// dead-lettering, de-duplication, scope checks, replicas, trace context.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { context, propagation, trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import {
  encodeEnvelope,
  partitionOf,
  subjectFor,
  type InteractionFamily,
} from '@warmline/contracts';
import fc from 'fast-check';
import type { Delivery, Envelope, EnvelopeHandler } from './delivery.js';
import { PermanentHandlerError } from './errors.js';
import { EventBus } from './event-bus.js';
import type { SettledMessage } from './observer.js';
import {
  busOptions,
  deadLetters,
  enableContextPropagation,
  eventually,
  interactionId,
  provisionedServer,
  quietLogger,
  signalEvent,
  sleep,
  type ProvisionedServer,
} from './test/harness.js';
import { provisionStreams } from './streams.js';

let server: ProvisionedServer;
const buses: EventBus[] = [];

beforeEach(async () => {
  server = await provisionedServer();
});

afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
  await server.stop();
});

async function bus(
  agent: string,
  overrides: Parameters<typeof busOptions>[2] = {},
): Promise<EventBus> {
  const b = await EventBus.connect(busOptions(server.url, agent, overrides));
  buses.push(b);
  return b;
}

/** A bus that consumes `signal` with `handler`. */
async function consumer(
  agent: string,
  handler: EnvelopeHandler,
  overrides = {},
): Promise<EventBus> {
  const b = await bus(agent, overrides);
  await b.consume(new Map<InteractionFamily, EnvelopeHandler>([['signal', handler]]));
  return b;
}

type Seen = { envelope: Envelope; delivery: Delivery; at: number };

function recorder(): { seen: Seen[]; handler: EnvelopeHandler } {
  const seen: Seen[] = [];
  return {
    seen,
    handler: (envelope, delivery) => void seen.push({ envelope, delivery, at: Date.now() }),
  };
}

describe('EventBus', () => {
  it('delivers a published event to the handler with its envelope and delivery details', async () => {
    const { seen, handler } = recorder();
    const c = await consumer('qualification', handler);
    const p = await bus('perception', { scopes: ['signal.publish'] });
    const iid = interactionId();

    const receipt = await p.publish('signal', iid, { ...signalEvent(1), correlationId: 'corr-1' });

    expect(receipt).toMatchObject({
      stream: 'WL_SIGNAL',
      duplicate: false,
      subject: subjectFor('signal', iid),
    });
    await eventually(
      () => seen.length,
      (n) => n === 1,
    );
    const [{ envelope, delivery }] = seen as [Seen];
    expect(envelope.eventId).toBe(receipt.eventId);
    expect(envelope.interactionId).toBe(iid);
    expect(envelope.correlationId).toBe('corr-1');
    expect(envelope.producer).toMatchObject({ agent: 'perception' });
    expect(envelope.authority).toMatchObject({
      principal: 'agent:perception',
      scopes: ['signal.publish'],
    });
    expect(envelope.occurredAt).toBeTruthy();
    expect(delivery).toMatchObject({
      subject: subjectFor('signal', iid),
      family: 'signal',
      partition: partitionOf(iid),
      interactionId: iid,
      deliveryCount: 1,
    });
    expect(c.health()).toEqual({ connected: true, consumersRunning: 16, consumersExpected: 16 });
  });

  it('redelivers a failing event with growing backoff, then dead-letters it with the error text and moves on', async () => {
    const iid = interactionId();
    const attempts: Seen[] = [];
    const handled: number[] = [];
    await consumer('qualification', (envelope, delivery) => {
      if (Number(envelope.sequence) === 1) {
        attempts.push({ envelope, delivery, at: Date.now() });
        throw new Error('intent store unavailable');
      }
      handled.push(Number(envelope.sequence));
    });
    const p = await bus('perception');
    await p.publish('signal', iid, signalEvent(1));
    await p.publish('signal', iid, signalEvent(2));

    await eventually(
      () => handled,
      (h) => h.length === 1,
      15_000,
    );
    expect(attempts.map((a) => a.delivery.deliveryCount)).toEqual([1, 2, 3]);
    const gaps = attempts.slice(1).map((a, i) => a.at - (attempts[i] as Seen).at);
    expect(gaps[0]).toBeGreaterThanOrEqual(150 - 20);
    expect(gaps[1]).toBeGreaterThanOrEqual(300 - 20);
    const records = await eventually(
      () => deadLetters(server.jsm),
      (r) => r.length === 1,
    );
    expect(records[0]).toMatchObject({
      agent: 'qualification',
      originalSubject: subjectFor('signal', iid),
      deliveryCount: 3,
    });
    expect(records[0]?.reasonName).toBe('MAX_DELIVERIES_EXCEEDED');
    expect(records[0]?.errorMessage).toContain('intent store unavailable');
    // The event after the dead-lettered one, same interaction and partition, was still handled.
    expect(handled).toEqual([2]);
  });

  it('dead-letters at once when the handler reports a permanent failure', async () => {
    let calls = 0;
    await consumer('router', () => {
      calls += 1;
      throw new PermanentHandlerError('grant signature invalid', {
        reason: 'GRANT_REFUSED',
        errorCode: 'GRANT_SIGNATURE_INVALID',
      });
    });
    const p = await bus('perception');
    await p.publish('signal', interactionId(), signalEvent());
    const records = await eventually(
      () => deadLetters(server.jsm),
      (r) => r.length === 1,
    );
    expect(records[0]).toMatchObject({
      reasonName: 'GRANT_REFUSED',
      errorCode: 'GRANT_SIGNATURE_INVALID',
      errorMessage: expect.stringContaining('grant signature invalid'),
      deliveryCount: 1,
    });
    await sleep(400);
    expect(calls).toBe(1);
  });

  it('tells the observer how each message was settled, with its partition lag', async () => {
    const settled: SettledMessage[] = [];
    const observer = { onSettled: (m: SettledMessage) => void settled.push(m) };
    await consumer(
      'qualification',
      (envelope, delivery) => {
        if (envelope.correlationId === 'bad') throw new PermanentHandlerError('contradiction');
        if (envelope.correlationId === 'flaky' && delivery.deliveryCount === 1) {
          throw new Error('store busy');
        }
      },
      { observer },
    );
    const p = await bus('perception');
    await p.publish('signal', interactionId(), { ...signalEvent(), correlationId: 'ok' });
    await p.publish('signal', interactionId(), { ...signalEvent(), correlationId: 'flaky' });
    await p.publish('signal', interactionId(), { ...signalEvent(), correlationId: 'bad' });
    await eventually(
      () => settled.length,
      (n) => n >= 4,
    );
    expect(settled.map((m) => m.action).sort()).toEqual(['ack', 'ack', 'dead-letter', 'nak']);
    expect(settled.find((m) => m.action === 'dead-letter')).toMatchObject({
      family: 'signal',
      reason: 'HANDLER_FAILED',
    });
    expect(settled.every((m) => m.durationMs >= 0 && m.pending >= 0 && m.partition >= 0)).toBe(
      true,
    );
  });

  it('hands an event published twice with one event id to the handler once', async () => {
    const { seen, handler } = recorder();
    await consumer('qualification', handler);
    const p = await bus('perception');
    const iid = interactionId();
    const first = await p.publish('signal', iid, { ...signalEvent(1), eventId: 'evt-dup-1' });
    const second = await p.publish('signal', iid, { ...signalEvent(1), eventId: 'evt-dup-1' });
    await p.publish('signal', iid, signalEvent(2));

    expect([first.duplicate, second.duplicate]).toEqual([false, true]);
    await eventually(
      () => seen.length,
      (n) => n >= 2,
    );
    await sleep(300);
    expect(seen.map((s) => s.envelope.eventId).filter((id) => id === 'evt-dup-1')).toHaveLength(1);
  });

  it('dead-letters an event whose producer lacks the family scope without calling the handler', async () => {
    const { seen, handler } = recorder();
    await consumer('qualification', handler);
    const impostor = await bus('router', { scopes: ['handoff.publish'] });
    const honest = await bus('perception', { scopes: ['signal.publish'] });
    const iid = interactionId();
    await impostor.publish('signal', iid, signalEvent(1));
    await honest.publish('signal', iid, signalEvent(2));

    const records = await eventually(
      () => deadLetters(server.jsm),
      (r) => r.length === 1,
    );
    expect(records[0]?.reasonName).toBe('SCOPE_DENIED');
    expect(records[0]?.errorMessage).toMatch(/agent:router lacks scope signal\.publish/);
    await eventually(
      () => seen.length,
      (n) => n === 1,
    );
    expect(seen[0]?.envelope.producer?.agent).toBe('perception');
  });

  it('dead-letters random and truncated bytes as DECODE_FAILED/VALIDATION_FAILED and never hands them to the handler', async () => {
    const { seen, handler } = recorder();
    await consumer('qualification', handler);
    const p = await bus('perception');
    const js = (await jetstreamManager(server.admin)).jetstream();
    const valid = encodeEnvelope(
      p.publisher.envelope({ ...signalEvent(1), interactionId: 'fuzz' }),
    );
    const samples = fc.sample(
      fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: valid.length - 1 }).map((n) => valid.slice(0, n)),
      ),
      { numRuns: 30, seed: 20_261_124 },
    );
    const subject = subjectFor('signal', 'fuzz');
    for (const [i, bytes] of samples.entries()) {
      await js.publish(subject, bytes, { msgID: `fuzz-${i}` });
    }

    const records = await eventually(
      () => deadLetters(server.jsm),
      (r) => r.length + seen.length === samples.length,
      20_000,
    );
    for (const r of records)
      expect(['DECODE_FAILED', 'VALIDATION_FAILED', 'SCOPE_DENIED']).toContain(r.reasonName);
    // A truncated envelope can still be a valid (shorter) protobuf message; only those may reach the handler.
    for (const s of seen) expect(s.envelope.interactionId).toBe('fuzz');
    expect(records.filter((r) => r.reasonName === 'DECODE_FAILED').length).toBeGreaterThan(0);
  });

  it('dead-letters as VALIDATION_FAILED an envelope whose subject or body does not fit the family', async () => {
    const { seen, handler } = recorder();
    await consumer('qualification', handler);
    const p = await bus('perception');
    const js = (await jetstreamManager(server.admin)).jetstream();
    const iid = interactionId();
    const bytes = encodeEnvelope(
      p.publisher.envelope({ ...signalEvent(1), interactionId: 'someone-else' }),
    );
    await js.publish(subjectFor('signal', iid), bytes);
    await js.publish(`${subjectFor('signal', iid)}.extra`, bytes);
    const wrongBody = p.publisher.envelope({ interactionId: iid, intentStateChanged: {} });
    await js.publish(subjectFor('signal', iid), encodeEnvelope(wrongBody));

    const records = await eventually(
      () => deadLetters(server.jsm),
      (r) => r.length === 3,
    );
    expect(records.map((r) => r.reasonName)).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
    ]);
    expect(records[2]?.errorMessage).toMatch(/body intentStateChanged is not carried on signal/);
    expect(records[0]?.errorMessage).toMatch(/does not match subject/);
    expect(records[1]?.originalSubject).toBe(`${subjectFor('signal', iid)}.extra`);
    expect(seen).toHaveLength(0);
  });

  it('spreads interactions over two replicas while each interaction is handled in sequence order', async () => {
    const handledBy = new Map<string, number[]>();
    const order = new Map<string, number[]>();
    const replica =
      (name: string): EnvelopeHandler =>
      async (envelope) => {
        await sleep(2);
        const iid = envelope.interactionId;
        order.set(iid, [...(order.get(iid) ?? []), Number(envelope.sequence)]);
        handledBy.set(name, [...(handledBy.get(name) ?? []), 1]);
      };
    await consumer('qualification', replica('a'));
    await consumer('qualification', replica('b'));
    const p = await bus('perception');
    const iids = Array.from({ length: 24 }, (_, i) => interactionId(`r${i}`));
    for (let seq = 1; seq <= 5; seq += 1) {
      await Promise.all(iids.map((iid) => p.publish('signal', iid, signalEvent(seq))));
    }

    await eventually(
      () => [...order.values()].reduce((n, s) => n + s.length, 0),
      (n) => n === iids.length * 5,
      20_000,
    );
    for (const iid of iids) expect(order.get(iid)).toEqual([1, 2, 3, 4, 5]);
    expect(handledBy.get('a')?.length ?? 0).toBeGreaterThan(0);
    expect(handledBy.get('b')?.length ?? 0).toBeGreaterThan(0);
  });

  it("runs the handler inside the publisher's trace", async () => {
    enableContextPropagation();
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    const tracer = new BasicTracerProvider().getTracer('test');
    const traceIds: (string | undefined)[] = [];
    await consumer('qualification', () => {
      traceIds.push(trace.getSpanContext(context.active())?.traceId);
    });
    const p = await bus('perception');
    const span = tracer.startSpan('decisive utterance');
    await context.with(trace.setSpan(context.active(), span), () =>
      p.publish('signal', interactionId(), signalEvent()),
    );
    span.end();

    await eventually(
      () => traceIds.length,
      (n) => n === 1,
    );
    expect(traceIds[0]).toBe(span.spanContext().traceId);
    propagation.disable();
    context.disable();
  });

  it('keeps a message whose dead-letter write fails and records it once the dead-letter stream is back', async () => {
    await consumer('qualification', () => undefined);
    const p = await bus('perception');
    await server.jsm.streams.delete('WL_DEADLETTER');
    const js = (await jetstreamManager(server.admin)).jetstream();
    await js.publish(subjectFor('signal', 'poison'), new Uint8Array([0xff, 0xff, 0xff]));
    await sleep(500);
    await provisionStreams(server.jsm);

    const records = await eventually(
      () => deadLetters(server.jsm),
      (r) => r.length === 1,
      10_000,
    );
    expect(records[0]?.reasonName).toBe('DECODE_FAILED');
    expect(p.health().connected).toBe(true);
  });

  it('lets the handler in flight finish on close and does not redeliver its message', async () => {
    let finished = 0;
    let started = 0;
    const c = await consumer('qualification', async () => {
      started += 1;
      await sleep(400);
      finished += 1;
    });
    const p = await bus('perception');
    await p.publish('signal', interactionId(), signalEvent());
    await eventually(
      () => started,
      (n) => n === 1,
    );
    await c.close();
    expect(finished).toBe(1);

    const { seen, handler } = recorder();
    await consumer('qualification', handler);
    await sleep(500);
    expect(seen).toHaveLength(0);
  });

  it('refuses to consume from streams that were never provisioned, naming them', async () => {
    const bare = await connect({ servers: server.url });
    const jsm = await jetstreamManager(bare);
    await jsm.streams.delete('WL_SIGNAL');
    await bare.close();
    const b = await bus('qualification', { logger: quietLogger() });
    await expect(b.consume(new Map([['signal', () => undefined]]))).rejects.toMatchObject({
      code: 'STREAMS_NOT_READY',
      message: expect.stringContaining('WL_SIGNAL: missing'),
    });
  });
});
