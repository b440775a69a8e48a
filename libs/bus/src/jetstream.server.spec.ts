// The transport inside a real Nest microservice on a real nats-server.
import 'reflect-metadata';
import { Controller, Inject, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Ctx,
  EventPattern,
  MessagePattern,
  Payload,
  type MicroserviceOptions,
} from '@nestjs/microservices';
import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { partitionOf, subjectFor } from '@warmline/contracts';
import { lastValueFrom, throwError, timer } from 'rxjs';
import { map } from 'rxjs/operators';
import { BusModule } from './bus.module.js';
import type { Envelope } from './delivery.js';
import {
  DuplicateHandlerError,
  PermanentHandlerError,
  RequestReplyNotSupportedError,
} from './errors.js';
import { OnFamily } from './family-handler.decorator.js';
import { JetStreamClient } from './jetstream.client.js';
import { JetStreamContext } from './jetstream.context.js';
import { JetStreamServer } from './jetstream.server.js';
import type { EventBusOptions } from './options.js';
import type { PublishReceipt } from './publisher.js';
import {
  busOptions,
  deadLetters,
  enableContextPropagation,
  eventually,
  interactionId,
  provisionedServer,
  signalEvent,
  type ProvisionedServer,
} from './test/harness.js';
import { BUS_CLIENT } from './tokens.js';

type Handled = {
  envelope: Envelope;
  subject: string;
  partition: number;
  deliveryCount: number;
  traceId?: string;
};
const handled: Handled[] = [];

@Controller()
class SignalController {
  constructor(@Inject(BUS_CLIENT) readonly client: JetStreamClient) {}

  @EventPattern<string>('wl.signal.*.*')
  onSignal(@Payload() envelope: Envelope, @Ctx() ctx: JetStreamContext) {
    if (envelope.correlationId === 'permanent')
      throw new PermanentHandlerError('contradicts stored intent');
    if (envelope.correlationId === 'flaky' && ctx.getDeliveryCount() === 1) {
      return throwError(() => new Error('observable failed'));
    }
    // An Observable result is awaited before the message is acked.
    return timer(20).pipe(
      map(() => {
        handled.push({
          envelope,
          subject: ctx.getSubject(),
          partition: ctx.getPartition(),
          deliveryCount: ctx.getDeliveryCount(),
          traceId: trace.getSpanContext(context.active())?.traceId,
        });
      }),
    );
  }
}

function appModule(options: EventBusOptions, controllers: (new (...args: never[]) => unknown)[]) {
  @Module({ imports: [BusModule.forRoot(options)], controllers })
  class AppModule {}
  return AppModule;
}

@Controller()
class SecondSignalController {
  @OnFamily('signal')
  onSignal() {
    return undefined;
  }
}

@Controller()
class RequestController {
  @MessagePattern<string>('wl.intent.>')
  ask() {
    return 'never';
  }
}

let server: ProvisionedServer;
const closers: (() => Promise<unknown>)[] = [];

beforeEach(async () => {
  handled.length = 0;
  server = await provisionedServer();
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await server.stop();
});

async function microservice(
  controllers: (new (...args: never[]) => unknown)[],
): Promise<INestMicroservice> {
  const options = busOptions(server.url, 'qualification');
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(
    appModule(options, controllers),
    {
      strategy: new JetStreamServer(options),
      logger: false,
    },
  );
  closers.push(() => app.close());
  return app;
}

function publisherClient(): JetStreamClient {
  const client = new JetStreamClient(
    busOptions(server.url, 'perception', { scopes: ['signal.publish'] }),
  );
  closers.push(() => client.close());
  return client;
}

describe('JetStreamServer in a Nest microservice', () => {
  it('hands emitted events to the @EventPattern handler with a JetStreamContext', async () => {
    const app = await microservice([SignalController]);
    await app.listen();
    const client = publisherClient();
    const iid = interactionId();

    const receipt = await lastValueFrom(
      client.emit<PublishReceipt>('signal', { ...signalEvent(1), interactionId: iid }),
    );

    expect(receipt).toMatchObject({ stream: 'WL_SIGNAL', duplicate: false });
    await eventually(
      () => handled.length,
      (n) => n === 1,
    );
    expect(handled[0]).toMatchObject({
      subject: subjectFor('signal', iid),
      partition: partitionOf(iid),
      deliveryCount: 1,
      envelope: { eventId: receipt.eventId, interactionId: iid },
    });
    expect(
      app.getTransportServer() instanceof JetStreamServer &&
        (app.getTransportServer() as JetStreamServer).health(),
    ).toEqual({ connected: true, consumersRunning: 16, consumersExpected: 16 });
  });

  it('retries a handler whose Observable errors, and dead-letters a PermanentHandlerError at once with its text', async () => {
    const app = await microservice([SignalController]);
    await app.listen();
    const client = publisherClient();
    await lastValueFrom(
      client.emit('signal', {
        ...signalEvent(1),
        interactionId: interactionId(),
        correlationId: 'flaky',
      }),
    );
    await lastValueFrom(
      client.emit('signal', {
        ...signalEvent(1),
        interactionId: interactionId(),
        correlationId: 'permanent',
      }),
    );

    await eventually(
      () => handled.length,
      (n) => n === 1,
    );
    expect(handled[0]).toMatchObject({ deliveryCount: 2, envelope: { correlationId: 'flaky' } });
    const records = await eventually(
      () => deadLetters(server.jsm),
      (r) => r.length === 1,
    );
    expect(records[0]).toMatchObject({
      reasonName: 'HANDLER_FAILED',
      errorCode: 'HANDLER_PERMANENT_FAILURE',
      errorMessage: expect.stringContaining('contradicts stored intent'),
    });
    expect(records[0]?.deliveryCount).toBe(1);
  });

  it('refuses to start with two handlers for one family', async () => {
    const app = await microservice([SignalController, SecondSignalController]);
    await expect(app.listen()).rejects.toBeInstanceOf(DuplicateHandlerError);
  });

  it('refuses request/response handlers, which an event bus cannot serve', async () => {
    const app = await microservice([RequestController]);
    await expect(app.listen()).rejects.toBeInstanceOf(RequestReplyNotSupportedError);
    expect(() => publisherClient().send('intent', {})).toThrow(RequestReplyNotSupportedError);
  });

  it("makes the publisher's trace the active context of the handler", async () => {
    enableContextPropagation();
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      const app = await microservice([SignalController]);
      await app.listen();
      const client = publisherClient();
      const span = new BasicTracerProvider().getTracer('test').startSpan('emit');
      await context.with(trace.setSpan(context.active(), span), () =>
        lastValueFrom(client.emit('signal', { ...signalEvent(1), interactionId: interactionId() })),
      );
      span.end();

      await eventually(
        () => handled.length,
        (n) => n === 1,
      );
      expect(handled[0]?.traceId).toBe(span.spanContext().traceId);
    } finally {
      propagation.disable();
      context.disable();
    }
  });
});
